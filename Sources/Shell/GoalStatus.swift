import Formula
import ModelFile
import PlanEngine
import TextLayout

/// How one goal stands against the current values: what `:goals` lists and
/// what an edit compares before and after to announce a goal met or missed.
struct GoalStatus: Sendable, Equatable {
    let entry: GoalEntry
    /// The left side's value (usually the goal's cell) and how it displays.
    let value: Value
    let target: Value
    let format: DisplayFormat
    let isMet: Bool

    init(_ entry: GoalEntry, in model: Model) {
        let goal = entry.goal
        self.entry = entry
        value = model.evaluate(goal.lhs)
        target = model.evaluate(goal.rhs)
        format = model.format(of: goal.lhs)
        // The engine's own comparison, so a goal compares like a formula (15 significant digits).
        let comparison = Expr.binary(goal.comparison, goal.lhs, goal.rhs, goal.range)
        isMet = model.evaluate(comparison) == .boolean(true)
    }

    static func all(in workbook: Workbook) -> [GoalStatus] {
        workbook.goals.map { GoalStatus($0, in: workbook.model) }
    }

    var statusText: String { isMet ? "met" : "missed" }

    var valueText: String { ValueFormatter.display(value, format: format) }

    /// `met ($17,820, ahead by $2,820)`: the status with the value and the gap, for one-line news.
    func summary(colorizer: Colorizer) -> String {
        let gap = gapText
        return colorizer.goalState(self) + " (" + valueText + (gap.isEmpty ? "" : ", " + gap) + ")"
    }

    /// How far the value is from the target, in words: `short by $32,180`, `under by 2%`;
    /// empty when either side is not a number.
    var gapText: String {
        guard let actual = value.numeric, let wanted = target.numeric else { return "" }
        let distance = abs(actual - wanted)
        let amount = ValueFormatter.display(.number(distance), format: format == .boolean ? .number : format)
        if distance == 0 { return isMet ? "on target" : "equal to target" }
        switch entry.goal.comparison {
        case .greater, .greaterEqual: return (isMet ? "ahead by " : "short by ") + amount
        case .less, .lessEqual: return (isMet ? "under by " : "over by ") + amount
        default: return isMet ? "" : "off by " + amount
        }
    }
}
