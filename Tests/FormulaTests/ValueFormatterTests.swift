import Formula
import Testing

@Suite struct ValueFormatterTests {
    struct DisplayCase: Sendable, CustomTestStringConvertible {
        let value: Value
        let format: DisplayFormat
        let expected: String
        init(_ value: Value, _ format: DisplayFormat, _ expected: String) {
            self.value = value
            self.format = format
            self.expected = expected
        }
        var testDescription: String { "\(value) as \(format) → \(expected)" }
    }

    static let numbers: [DisplayCase] = [
        DisplayCase(.number(0), .number, "0"),
        DisplayCase(.number(-0.0), .number, "0"),
        DisplayCase(.number(22.5), .number, "22.5"),
        DisplayCase(.number(18), .number, "18"),
        DisplayCase(.number(1234.567), .number, "1,234.57"),
        DisplayCase(.number(1234.5), .number, "1,234.5"),
        DisplayCase(.number(1.005), .number, "1.01"),
        DisplayCase(.number(2.675), .number, "2.68"),
        DisplayCase(.number(-2.675), .number, "-2.68"),
        DisplayCase(.number(9.999), .number, "10"),
        DisplayCase(.number(999.995), .number, "1,000"),
        DisplayCase(.number(0.1 + 0.2), .number, "0.3"),
        DisplayCase(.number(5.94), .number, "5.94"),
        DisplayCase(.number(0.05), .number, "0.05"),
        DisplayCase(.number(1_000_000), .number, "1,000,000"),
        DisplayCase(.number(-1_234_567.891), .number, "-1,234,567.89"),
        DisplayCase(.number(100), .number, "100"),
        DisplayCase(.number(999_999_999_999_999), .number, "999,999,999,999,999"),
        DisplayCase(.number(1e15), .number, "1e+15"),
        DisplayCase(.number(1.2e20), .number, "1.2e+20"),
        DisplayCase(.number(1.23456789012345678e20), .number, "1.23e+20"),
        DisplayCase(.number(-9.996e300), .number, "-1e+301"),
        DisplayCase(.number(0.004), .number, "4e-03"),
        DisplayCase(.number(0.005), .number, "0.01"),
        DisplayCase(.number(-0.00012345), .number, "-1.23e-04"),
        DisplayCase(.number(.leastNonzeroMagnitude), .number, "5e-324"),
        DisplayCase(.number(.infinity), .number, "#NUM!"),
        DisplayCase(.number(.nan), .number, "#NUM!"),
        DisplayCase(.number(1), .boolean, "1"),
    ]

    static let percents: [DisplayCase] = [
        DisplayCase(.number(0.15), .percent, "15%"),
        DisplayCase(.number(0.125), .percent, "12.5%"),
        DisplayCase(.number(1.0 / 3.0), .percent, "33.33%"),
        DisplayCase(.number(2.0 / 3.0), .percent, "66.67%"),
        DisplayCase(.number(0.33), .percent, "33%"),
        DisplayCase(.number(0), .percent, "0%"),
        DisplayCase(.number(-0.0), .percent, "0%"),
        DisplayCase(.number(-0.25), .percent, "-25%"),
        DisplayCase(.number(12.5), .percent, "1,250%"),
        DisplayCase(.number(0.000_01), .percent, "1e-03%"),
        DisplayCase(.number(1e20), .percent, "1e+22%"),
    ]

    static let currencies: [DisplayCase] = [
        DisplayCase(.number(14256), .currency(.dollar), "$14,256"),
        DisplayCase(.number(1234.5), .currency(.dollar), "$1,234.50"),
        DisplayCase(.number(1234.567), .currency(.dollar), "$1,234.57"),
        DisplayCase(.number(-1200), .currency(.dollar), "-$1,200"),
        DisplayCase(.number(2400), .currency(.euro), "€2,400"),
        DisplayCase(.number(-1234.5), .currency(.euro), "-€1,234.50"),
        DisplayCase(.number(2400), .currency(.pound), "£2,400"),
        DisplayCase(.number(-0.5), .currency(.pound), "-£0.50"),
        DisplayCase(.number(-0.5), .currency(.dollar), "-$0.50"),
        DisplayCase(.number(0.994), .currency(.dollar), "$0.99"),
        DisplayCase(.number(0.999), .currency(.dollar), "$1"),
        DisplayCase(.number(4752.000_000_000_001), .currency(.dollar), "$4,752"),
        DisplayCase(.number(0), .currency(.dollar), "$0"),
        DisplayCase(.number(0.004), .currency(.dollar), "$0"),
        DisplayCase(.number(-0.004), .currency(.dollar), "$0"),
        DisplayCase(.number(2.5e18), .currency(.dollar), "$2.5e+18"),
        DisplayCase(.number(-2.5e18), .currency(.dollar), "-$2.5e+18"),
    ]

    static let nonNumbers: [DisplayCase] = [
        DisplayCase(.boolean(true), .boolean, "true"),
        DisplayCase(.boolean(false), .currency(.dollar), "false"),
        DisplayCase(.error(.divisionByZero), .currency(.dollar), "#DIV/0!"),
        DisplayCase(.error(.name), .number, "#NAME?"),
        DisplayCase(.error(.number), .percent, "#NUM!"),
        DisplayCase(.error(.value), .boolean, "#VALUE!"),
    ]

    @Test(arguments: numbers + percents + currencies + nonNumbers)
    func display(_ testCase: DisplayCase) {
        #expect(ValueFormatter.display(testCase.value, format: testCase.format) == testCase.expected)
    }

    static let machineCases: [(Value, String)] = [
        (.number(14256), "14256"),
        (.number(0.15), "0.15"),
        (.number(0.1 + 0.2), "0.3"),
        (.number(-1200), "-1200"),
        (.number(5.94), "5.94"),
        (.number(1e300), "1e+300"),
        (.number(1.5e-7), "1.5e-07"),
        (.number(0), "0"),
        (.number(-0.0), "0"),
        (.number(.infinity), "#NUM!"),
        (.boolean(true), "true"),
        (.boolean(false), "false"),
        (.error(.divisionByZero), "#DIV/0!"),
        (.error(.name), "#NAME?"),
    ]

    @Test(arguments: machineCases)
    func machine(_ value: Value, _ expected: String) {
        #expect(ValueFormatter.machine(value) == expected)
    }

    static let roundTripNumbers: [Double] = [0.15, 1.0 / 3.0, 14256, -1e-300, 123_456_789.123_456_78, .pi * 1e200]

    @Test(arguments: roundTripNumbers)
    func machineTextReadsBackAsTheFifteenDigitDouble(_ number: Double) {
        #expect(Double(ValueFormatter.machine(.number(number))) == number.atSpreadsheetPrecision)
    }

    static let changes: [(Value, Value, String?)] = [
        (.number(120), .number(150), "+25%"),
        (.number(18), .number(22.5), "+25%"),
        (.number(14256), .number(17820), "+25%"),
        (.number(80), .number(70), "-12.5%"),
        (.number(3), .number(4), "+33.33%"),
        (.number(5), .number(5), "0%"),
        (.number(1_000_000), .number(1_000_001), "0%"),
        (.number(-200), .number(-100), "+50%"),
        (.number(-200), .number(-300), "-50%"),
        (.number(100), .number(-100), "-200%"),
        (.number(0.15), .number(0.2), "+33.33%"),
        (.number(1), .number(1e20), "+1e+22%"),
        (.number(0), .number(10), nil),
        (.number(-0.0), .number(10), nil),
        (.number(.leastNonzeroMagnitude), .number(1e308), nil),
        (.boolean(true), .number(2), nil),
        (.number(2), .boolean(false), nil),
        (.error(.divisionByZero), .number(2), nil),
        (.number(2), .error(.name), nil),
    ]

    @Test(arguments: changes)
    func relativeChange(_ old: Value, _ new: Value, _ expected: String?) {
        #expect(ValueFormatter.relativeChange(from: old, to: new) == expected)
    }
}
