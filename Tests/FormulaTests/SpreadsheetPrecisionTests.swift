import Formula
import Testing

/// Numbers at 15 significant digits, half away from zero, in every place that looks at them:
/// `round`, `floor`, `ceil`, comparisons, display and export. Expected values are what a
/// spreadsheet (LibreOffice Calc) gives for the same formula.
@Suite struct SpreadsheetPrecisionTests {
    /// (formula, value)
    static let formulas: [(String, Value)] = [
        // round: one rounding of the digits the number reads as.
        ("round(1000000000000000.5)", .number(1_000_000_000_000_001)),
        ("round(-1000000000000000.5)", .number(-1_000_000_000_000_001)),
        ("round(12345678901234.45)", .number(12_345_678_901_234)),
        ("round(12345678901234.45, 1)", .number(12_345_678_901_234.5)),
        ("round(1.005, 2)", .number(1.01)),
        ("round(2.675, 2)", .number(2.68)),
        ("round(1.1 * 1.15, 2)", .number(1.27)),
        ("round(4503599627370495.5)", .number(4_503_599_627_370_496)),
        ("round(1e-300, 2)", .number(0)),
        ("round(123.456, -1)", .number(120)),
        ("round(1.7976931348623157e308, -300)", .number(1.79769313e308)),
        // floor and ceil snap to 15 digits first.
        ("floor((0.1 + 0.7) * 10)", .number(8)),
        ("ceil((0.1 + 0.2) * 10)", .number(3)),
        ("floor(-(0.1 + 0.7) * 10)", .number(-8)),
        ("floor(7.99999999999)", .number(7)),
        ("ceil(3.00000000001)", .number(4)),
        // Comparisons at 15 digits, at every magnitude.
        ("5.899796794817664 == 5.89979679481766", .boolean(true)),
        ("5.899796794817664 > 5.89979679481766", .boolean(false)),
        ("1e-300 * (0.1 + 0.2) == 3e-301", .boolean(true)),
        ("1e-300 * 1.00000000000001 == 1e-300", .boolean(false)),
        ("1.5e-310 == 1.5000000000000001e-310", .boolean(true)),
        ("1e308 * 1.0000000000000002 == 1e308", .boolean(true)),
        ("1.7976931348623157e308 == 1.7976931348623157e308", .boolean(true)),
        ("1.7976931348623157e308 > 1.7976931348623155e308", .boolean(true)),
    ]

    @Test(arguments: formulas)
    func formulaValue(source: String, value: Value) {
        #expect(evaluated(source) == value)
    }

    /// (number, 15-digit value)
    static let snapped: [(Double, Double)] = [
        (5.899796794817664, 5.89979679481766),
        (0.1 + 0.2, 0.3),
        (14256.000000000002, 14256),
        (1e14 * 1.1, 110_000_000_000_000),
        (1.234567890123454e-300, 1.23456789012345e-300),
        (-2.0000000000000004, -2),
        (9.9999999999999995, 10),
        (1.7976931348623157e308, 1.7976931348623157e308),
        (.leastNonzeroMagnitude, .leastNonzeroMagnitude),
        (0, 0),
    ]

    @Test(arguments: snapped)
    func fifteenDigitValue(number: Double, expected: Double) {
        #expect(number.atSpreadsheetPrecision == expected)
    }

    /// (value, format, display)
    static let displays: [(Double, DisplayFormat, String)] = [
        (1e14 * 1.1, .number, "110,000,000,000,000"),
        (123_456_789_012.34567, .number, "123,456,789,012.35"),
        (999_999_999_999_999.4, .number, "999,999,999,999,999"),
        (0.123_456_789_012_345_67, .percent, "12.35%"),
    ]

    @Test(arguments: displays)
    func displayShowsAtMostFifteenDigits(number: Double, format: DisplayFormat, expected: String) {
        #expect(ValueFormatter.display(.number(number), format: format) == expected)
    }

    /// (value, machine text)
    static let exports: [(Double, String)] = [
        (14256.000000000002, "14256"),
        (0.1 + 0.2, "0.3"),
        (1e14 * 1.1, "110000000000000"),
        (5.899796794817664, "5.89979679481766"),
        (1.0 / 3.0, "0.333333333333333"),
        (-1e-300 * (0.1 + 0.2), "-3e-301"),
    ]

    @Test(arguments: exports)
    func exportCarriesFifteenDigits(number: Double, expected: String) {
        #expect(ValueFormatter.machine(.number(number)) == expected)
        #expect(ValueExport.csv([("revenue", .number(number))]) == "name,value\nrevenue,\(expected)")
    }
}
