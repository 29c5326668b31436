import Formula
import Testing

/// How a formula's value is displayed, from its literals and the formats of its cells.
@Suite struct FormatInferenceTests {
    static let cells: [String: DisplayFormat] = [
        "leads": .number, "rate": .percent, "price": .currency, "flag": .boolean,
    ]

    /// (formula, format)
    static let cases: [(String, DisplayFormat)] = [
        // Literals and names
        ("5", .number), ("15%", .percent), ("$5", .currency), ("true", .boolean),
        ("leads", .number), ("price", .currency), ("unknown_cell", .number),
        // Comparisons and logic
        ("leads > 5", .boolean), ("flag and true", .boolean), ("price or 1", .boolean), ("not leads", .boolean),
        // * : currency wins; percent × percent is percent; a count times a rate is a count
        ("price * leads", .currency), ("leads * price", .currency), ("price * rate", .currency),
        ("rate * rate", .percent), ("leads * rate", .number), ("leads * 15%", .number),
        // /
        ("price / price", .number), ("price / leads", .currency), ("price / rate", .currency),
        ("rate / leads", .percent), ("rate / rate", .number), ("leads / rate", .number), ("leads / price", .number),
        // + -
        ("price + leads", .currency), ("leads - price", .currency), ("rate + rate", .percent),
        ("rate - 5%", .percent), ("leads + 10%", .number), ("rate + 1", .number),
        // unary and ^
        ("-price", .currency), ("-rate", .percent), ("-flag", .number),
        ("rate ^ 2", .percent), ("2 ^ rate", .number), ("(1 + 5%) ^ t", .number),
        // Booleans in arithmetic are numbers
        ("flag + 1", .number), ("flag * price", .currency),
        // Functions that keep their first formatted argument's format
        ("max(leads, price)", .currency), ("min(rate, price)", .percent), ("round(price, 2)", .currency),
        ("sum(1, 2)", .number), ("avg(leads, rate)", .percent), ("floor(price)", .currency), ("ceil(rate)", .percent),
        ("abs(flag)", .number), ("clamp(leads, 0%, 100%)", .percent), ("ROUND(price)", .currency),
        // Functions whose result is a plain number
        ("sqrt(price)", .number), ("ln(rate)", .number), ("exp(price)", .number), ("nosuchfunction(price)", .number),
        // if / iferror: the first branch unless it is a plain number
        ("if(flag, price, 0)", .currency), ("if(flag, 0, rate)", .percent), ("if(flag, 1, 2)", .number),
        ("if(flag, true, false)", .boolean), ("if(price, 1, 2)", .number), ("IF(flag, rate, price)", .percent),
        ("iferror(price / leads, 0)", .currency), ("iferror(0, rate)", .percent),
    ]

    @Test(arguments: cases)
    func infersTheDisplayFormat(source: String, format: DisplayFormat) throws {
        let expr = try Parser.parseExpression(source).get()
        #expect(FormatInference.format(of: expr) { Self.cells[$0] ?? .number } == format)
    }
}
