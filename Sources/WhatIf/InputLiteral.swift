import Formula
import PlanEngine

/// Writes a number into a lead indicator the way the user would have typed it,
/// so trying a value keeps the cell's display format (a percent input stays a
/// percent, so does everything computed from it).
///
/// The value a goal seek finds and the result of a relative edit (`leads = leads * 1.2`) are
/// written this way, at full precision, before they reach the model and the file.
enum InputLiteral {
    /// The literal style that gives a cell the display format it has now.
    static func style(keeping format: DisplayFormat) -> NumberStyle { NumberLiteral.style(for: format) }

    /// A definition of `name` as the number `value`, without parsing: for trial points.
    static func definition(of name: String, as value: Double, style: NumberStyle) -> Definition {
        let text = text(value, style: style)
        let range = SourceRange(start: 0, end: text.utf8.count)
        return Definition(name: name, formula: text, expression: .number(value, style, range))
    }

    /// `21.37%`, `$1234.56`, `-€5`, `1500`: the value at full precision in the given style.
    static func text(_ value: Double, style: NumberStyle) -> String { NumberLiteral.text(value, style: style) }

    /// A definition whose text reads back as exactly `value`, checked with the parser: for
    /// the value a seek applies, which ends up in the user's file. Falls back to plain text
    /// (the shortest round-trip digits) should the styled text ever read back differently.
    static func exactDefinition(of name: String, as value: Double, style: NumberStyle) -> Definition {
        let styled = text(value, style: style)
        if let definition = try? Definition(name: name, formula: styled),
           Model().evaluate(definition.expression) == .number(value) {
            return definition
        }
        return (try? Definition(name: name, formula: text(value, style: .plain)))
            ?? definition(of: name, as: value, style: .plain)
    }
}
