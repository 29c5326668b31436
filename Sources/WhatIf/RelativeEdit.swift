import Formula
import PlanEngine

/// A definition that uses the cell it defines, `leads = leads * 1.2`: as in a calculator's
/// "current value", the name on the right means the cell as it is now, not a cycle.
///
/// The old formula is put in place of each reference (in parentheses), so
/// `revenue = revenue * 2` on `revenue = wins * deal_value` becomes
/// `revenue = (wins * deal_value) * 2`. When the result uses no cell at all (the old formula
/// was a constant), it is folded to a literal in the cell's format, so the file gets
/// `leads = 144` and `win_rate = 28%`, as if the person had typed the number.
public enum RelativeEdit {
    /// `definition` with its references to itself resolved against `model`; unchanged when it
    /// does not use itself or the cell is new (a self-reference then stays a cycle, and is refused).
    public static func resolve(_ definition: Definition, in model: Model) -> Definition {
        guard definition.expression.referencedNames.contains(definition.name), let old = model[definition.name],
              let substituted = definition.replacingReferences(
                  to: definition.name, with: Definition.operand(old.formula, of: old.expression))
        else { return definition }
        guard substituted.expression.referencedNames.isEmpty,
              case .number(let value) = model.evaluate(substituted.expression), value.isFinite else {
            return substituted
        }
        let style = InputLiteral.style(keeping: old.format)
        return InputLiteral.exactDefinition(of: definition.name, as: value.atSpreadsheetPrecision, style: style)
    }
}
