import Formula
import Testing

/// Every literal form reads as the number (and display style) it is written as.
@Suite struct LexerTests {
    /// (source, value, style)
    static let cases: [(String, Double, NumberStyle)] = [
        ("120", 120, .plain),
        ("2.5", 2.5, .plain),
        (".5", 0.5, .plain),
        ("0.1", 0.1, .plain),
        ("1e6", 1_000_000, .plain),
        ("1E6", 1_000_000, .plain),
        ("1e+3", 1000, .plain),
        ("1e-3", 0.001, .plain),
        ("2.5e-1", 0.25, .plain),
        ("1_000_000", 1_000_000, .plain),
        ("1_000.000_5", 1000.0005, .plain),
        ("2.4k", 2400, .plain),
        ("1.5M", 1_500_000, .plain),
        ("2B", 2_000_000_000, .plain),
        ("1e3k", 1_000_000, .plain),
        ("15%", 0.15, .percent),
        ("12.5%", 0.125, .percent),
        ("0.5%", 0.005, .percent),
        ("100%", 1, .percent),
        ("$2400", 2400, .currency(.dollar)),
        ("$2_400", 2400, .currency(.dollar)),
        ("$2.4k", 2400, .currency(.dollar)),
        ("$.5", 0.5, .currency(.dollar)),
        ("€2400", 2400, .currency(.euro)),
        ("€2_400.50", 2400.5, .currency(.euro)),
        ("£2.4k", 2400, .currency(.pound)),
        ("£1.5M", 1_500_000, .currency(.pound)),
        ("$1.5M", 1_500_000, .currency(.dollar)),
        ("1e-400", 0, .plain),
    ]

    @Test(arguments: cases)
    func readsTheValueAsWritten(source: String, value: Double, style: NumberStyle) throws {
        let expr = try Parser.parseExpression(source).get()
        guard case .number(let number, let numberStyle, let range) = expr else {
            Issue.record("\(source) is not a number literal: \(sExpression(expr))")
            return
        }
        // Exact equality: the literal must be the correctly rounded double of what is written.
        #expect(number == value)
        #expect(numberStyle == style)
        #expect(range == SourceRange(start: 0, end: source.utf8.count))
    }

    @Test(arguments: [("true", true), ("false", false)])
    func readsBooleans(source: String, value: Bool) throws {
        #expect(try Parser.parseExpression(source).get() == .boolean(value, SourceRange(start: 0, end: source.utf8.count)))
    }

    @Test func percentAddsLikeASpreadsheet() {
        #expect(evaluated("leads + 10%", ["leads": .number(120)]) == .number(120.1))
    }

    /// The comma separates arguments, so `$2,400` in a call is two arguments, not one number.
    @Test func aCommaInACallSeparatesArguments() {
        #expect(parsed("max($2,400)") == "(max $2 400)")
    }
}
