import Formula
import Testing

/// How a formula's value is displayed, from its literals and the formats of its cells.
@Suite struct FormatInferenceTests {
    static let cells: [String: DisplayFormat] = [
        "leads": .number, "rate": .percent, "price": .currency(.dollar), "flag": .boolean,
    ]

    /// (formula, format)
    static let cases: [(String, DisplayFormat)] = [
        // Literals and names
        ("5", .number), ("15%", .percent), ("$5", .currency(.dollar)), ("true", .boolean),
        ("€5", .currency(.euro)), ("£2.4k", .currency(.pound)), ("leads * €5", .currency(.euro)),
        ("£5 / leads", .currency(.pound)), ("€5 / €1", .number), ("max(leads, £5)", .currency(.pound)),
        ("leads", .number), ("price", .currency(.dollar)), ("unknown_cell", .number),
        // Comparisons and logic
        ("leads > 5", .boolean), ("flag and true", .boolean), ("price or 1", .boolean), ("not leads", .boolean),
        // * : currency wins; percent × percent is percent; a count times a rate is a count
        ("price * leads", .currency(.dollar)), ("leads * price", .currency(.dollar)), ("price * rate", .currency(.dollar)),
        ("rate * rate", .percent), ("leads * rate", .number), ("leads * 15%", .number),
        // /
        ("price / price", .number), ("price / leads", .currency(.dollar)), ("price / rate", .currency(.dollar)),
        ("rate / leads", .percent), ("rate / rate", .number), ("leads / rate", .number), ("leads / price", .number),
        // + -
        ("price + leads", .currency(.dollar)), ("leads - price", .currency(.dollar)), ("rate + rate", .percent),
        ("rate - 5%", .percent), ("leads + 10%", .number), ("rate + 1", .number),
        // unary and ^
        ("-price", .currency(.dollar)), ("-rate", .percent), ("-flag", .number),
        ("rate ^ 2", .percent), ("2 ^ rate", .number), ("(1 + 5%) ^ t", .number),
        // Booleans in arithmetic are numbers
        ("flag + 1", .number), ("flag * price", .currency(.dollar)),
        // Functions that keep their first formatted argument's format
        ("max(leads, price)", .currency(.dollar)), ("min(rate, price)", .percent), ("round(price, 2)", .currency(.dollar)),
        ("sum(1, 2)", .number), ("avg(leads, rate)", .percent), ("floor(price)", .currency(.dollar)), ("ceil(rate)", .percent),
        ("abs(flag)", .number), ("clamp(leads, 0%, 100%)", .percent), ("ROUND(price)", .currency(.dollar)),
        // Functions whose result is a plain number
        ("sqrt(price)", .number), ("ln(rate)", .number), ("exp(price)", .number), ("nosuchfunction(price)", .number),
        // if / iferror: the first branch unless it is a plain number
        ("if(flag, price, 0)", .currency(.dollar)), ("if(flag, 0, rate)", .percent), ("if(flag, 1, 2)", .number),
        ("if(flag, true, false)", .boolean), ("if(price, 1, 2)", .number), ("IF(flag, rate, price)", .percent),
        ("iferror(price / leads, 0)", .currency(.dollar)), ("iferror(0, rate)", .percent),
    ]

    @Test(arguments: cases)
    func infersTheDisplayFormat(source: String, format: DisplayFormat) throws {
        let expr = try Parser.parseExpression(source).get()
        #expect(FormatInference.format(of: expr) { Self.cells[$0] ?? .number } == format)
    }
}
