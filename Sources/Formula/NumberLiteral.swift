/// Writes a number as a literal the parser reads back, in a style the user would have typed:
/// how the tools put a value into the user's file (a seek's answer, an imported actual).
public enum NumberLiteral {
    /// `21.37%`, `$1234.56`, `-€5`, `1500`: the value at full precision in the given style.
    public static func text(_ value: Double, style: NumberStyle) -> String {
        let sign = value < 0 ? "-" : ""
        guard let magnitude = DecimalDigits(abs(value)) else { return CellError.number.rawValue }
        switch style {
        case .plain:
            return sign + magnitude.literalText
        case .currency(let symbol):
            return sign + symbol.rawValue + magnitude.literalText
        case .percent:
            // Moving the decimal point of the digits, not multiplying by 100, keeps every digit
            // exact: 0.07 is `7%`, where 0.07 × 100 would be 7.000000000000001.
            return sign + magnitude.shifted(by: 2).literalText + "%"
        }
    }

    /// The literal style that shows a value in `format`: a percent stays a percent.
    public static func style(for format: DisplayFormat) -> NumberStyle {
        switch format {
        case .percent: .percent
        case .currency(let symbol): .currency(symbol)
        case .number, .boolean: .plain
        }
    }
}
