#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Formula
import Testing

/// A literal's value is read from its bytes, and is exactly the double C's `strtod` gives for the
/// same text, at the edges of the double range, for long digit strings and for random literals.
@Suite struct DecimalLiteralTests {
    static let edgeLiterals = [
        "0", "000", "0.0", "0e999999", "1", "0.1", "0.2", "0.3", "1.0001", "2400", "123.456",
        "1e22", "1e23", "9.999999999999999e22", "1e308", "1.7976931348623157e308", "1.7976931348623158e308",
        "5e-324", "4.9406564584124654e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
        "2.2250738585072014e-308", "2.2250738585072011e-308", "1e-400",
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
        "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203126",
        "0.000000000000000000000000000001", "000123.4500", "3.14159265358979323846264338327950288",
        "8.5e-5", "123e30", "123e37", "9007199254740993e-22", "1e-22", "1e-23", "7e22", "1.5e15",
    ]

    @Test(arguments: edgeLiterals)
    func anEdgeLiteralReadsAsStrtodReadsIt(literal: String) throws {
        let expected = strtod(literal, nil)
        let expr = try Parser.parseExpression(literal).get()
        guard case .number(let value, _, _) = expr else {
            Issue.record("\(literal) is not a number literal")
            return
        }
        #expect(value.bitPattern == expected.bitPattern, "\(literal): \(value) against strtod's \(expected)")
    }

    @Test func aNumberBeyondTheDoubleRangeIsRefused() {
        for literal in ["1e309", "1.8e308", "179769313486231590000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"] {
            #expect(parsed(literal).contains("this number is too large"), "\(literal)")
        }
    }

    @Test func underscoresSuffixesAndPercentScaleTheDigitsExactly() throws {
        let cases: [(String, String)] = [
            ("1_000.000_5", "1000.0005"), ("2.4k", "2400"), ("1.5M", "1500000"), ("2B", "2000000000"),
            ("15%", "0.15"), ("0.5%", "0.005"), ("1e-3k", "1"), ("$2_400.5", "2400.5"), ("12.345_678_9e2%", "12.3456789"),
        ]
        for (literal, plain) in cases {
            guard case .number(let value, _, _) = try Parser.parseExpression(literal).get() else {
                Issue.record("\(literal) is not a number literal")
                continue
            }
            #expect(value.bitPattern == strtod(plain, nil).bitPattern, "\(literal)")
        }
    }

    /// 20,000 literals from a fixed seed: 1 to 40 digits, a decimal point anywhere or nowhere,
    /// exponents across and beyond the double range.
    @Test func randomLiteralsReadAsStrtodReadsThem() {
        var random = SplitMix64(seed: 0x1EAD_1A6)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let digitCount = Int(random.next() % 40) + 1
            var digits = (0..<digitCount).map { _ in UInt8(ascii: "0") + UInt8(random.next() % 10) }
            // Many literals are short and round: keep some with trailing zeros.
            if random.next() % 4 == 0 { digits += repeatElement(UInt8(ascii: "0"), count: Int(random.next() % 6)) }
            let point = Int(random.next() % UInt64(digits.count + 1))
            let exponent = Int(random.next() % 700) - 350
            let integer = digits[..<point]
            let fraction = digits[point...]
            let value = DecimalLiteral.double(
                integerDigits: ArraySlice(integer), fractionDigits: ArraySlice(fraction), exponent: exponent)
            let text = String(decoding: integer, as: UTF8.self) + "." + String(decoding: fraction, as: UTF8.self)
                + "e\(exponent)"
            let expected = strtod(text, nil)
            if value.bitPattern != expected.bitPattern { mismatches.append("\(text): \(value) against \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func everySymbolIsReadFromItsOwnSpelling() {
        for symbol in Symbol.allCases {
            let bytes = Array(symbol.rawValue.utf8)
            #expect(Symbol.spelled(bytes[0], bytes.count == 2 ? bytes[1] : nil) == symbol)
            let spelledOperator = Token.Kind.symbol(symbol).binaryOperator
            #expect(spelledOperator == BinaryOperator(rawValue: symbol.rawValue), "\(symbol)")
        }
        for keyword in Keyword.allCases {
            #expect(Token.Kind.keyword(keyword).binaryOperator == BinaryOperator(rawValue: keyword.rawValue))
        }
    }
}

/// A small seeded generator (SplitMix64), so the random literals are the same on every run.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
