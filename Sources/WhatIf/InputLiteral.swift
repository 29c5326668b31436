import Formula
import PlanEngine

/// Writes a number into a lead indicator the way the user would have typed it,
/// so trying a value keeps the cell's display format (a percent input stays a
/// percent, so does everything computed from it).
///
/// The what-if tools try hundreds of values per request; they build the
/// expression directly instead of parsing text for every point.
enum InputLiteral {
    /// The literal style that gives a cell the display format it has now.
    static func style(keeping format: DisplayFormat) -> NumberStyle {
        switch format {
        case .percent: .percent
        case .currency: .currency
        case .number, .boolean: .plain
        }
    }

    /// A definition of `name` as the number `value`, without parsing: for trial points.
    static func definition(of name: String, as value: Double, style: NumberStyle) -> Definition {
        let text = text(value, style: style)
        let range = SourceRange(start: 0, end: text.utf8.count)
        return Definition(name: name, formula: text, expression: .number(value, style, range))
    }

    /// `21.37%`, `$1234.56`, `-$5`, `1500`: the value at full precision in the given style.
    static func text(_ value: Double, style: NumberStyle) -> String {
        let sign = value < 0 ? "-" : ""
        switch style {
        case .plain:
            return ShortestDecimal(value).text
        case .currency:
            return sign + "$" + ShortestDecimal(abs(value)).text
        case .percent:
            return sign + ShortestDecimal(abs(value) * 100).text + "%"
        }
    }

    /// A definition whose text reads back as exactly `value` in the given style, checked
    /// with the parser: for the value a seek applies, which ends up in the user's file.
    ///
    /// `value × 100` is not always the double that reads back as `value` once divided by
    /// 100 again, and its shortest text can carry noise (`7.000000000000001` for 7%), so a
    /// percent tries the scaled value rounded to 15 and 16 digits and its neighbouring
    /// doubles, shortest text first, before falling back to plain text.
    static func exactDefinition(of name: String, as value: Double, style: NumberStyle) -> Definition {
        for candidate in candidateTexts(value, style: style) {
            if let definition = try? Definition(name: name, formula: candidate),
               Model().evaluate(definition.expression) == .number(value) {
                return definition
            }
        }
        if style != .plain { return exactDefinition(of: name, as: value, style: .plain) }
        return definition(of: name, as: value, style: .plain)
    }

    private static func candidateTexts(_ value: Double, style: NumberStyle) -> [String] {
        guard style == .percent else { return [text(value, style: style)] }
        let scaled = abs(value) * 100
        guard scaled.isFinite else { return [] }
        let shortest = ShortestDecimal(scaled)
        let decimals = [shortest.rounded(toSignificantDigits: 15), shortest.rounded(toSignificantDigits: 16),
                        shortest, ShortestDecimal(scaled.nextUp), ShortestDecimal(scaled.nextDown)]
        let sign = value < 0 ? "-" : ""
        var seen: Set<String> = []
        let texts = decimals.map { sign + $0.text + "%" }.filter { seen.insert($0).inserted }
        return texts.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
    }
}

extension Model {
    /// Sets a lead indicator to a number, recomputing only what depends on it.
    ///
    /// Cannot fail for an existing cell: its name is valid and a literal references
    /// nothing, so it can neither be refused by name nor close a cycle.
    mutating func setInput(_ name: String, to value: Double, style: NumberStyle) {
        _ = try? define(InputLiteral.definition(of: name, as: value, style: style))
    }
}
