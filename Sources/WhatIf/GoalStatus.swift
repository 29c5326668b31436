import Formula
import PlanEngine

/// Where one goal stands on a model, as `:goals` lists it: the current value,
/// the target, whether it is met, and how far off it is.
public struct GoalStatus: Equatable, Sendable {
    /// Met, missed, or unknown because the goal evaluates to an error.
    public enum State: Equatable, Sendable {
        case met
        case missed
        /// One side of the goal is an error value (`#DIV/0!` …), so it is neither.
        case error(CellError)
    }

    public let goal: Goal
    /// The left side's value: `revenue` in `revenue >= 50k`.
    public let current: Value
    /// The right side's value: `50k`.
    public let target: Value
    /// The left side's display format, which the gap shares.
    public let format: DisplayFormat
    public let state: State
    /// target − current: how much the left side has to move to land on the target,
    /// positive for up (`revenue >= 50k` at 42k: +8k), negative for down (`churn <= 5%` at
    /// 7%: −2%). On a met goal it is the headroom left. Nil for `!=` and non-numbers.
    public let gap: Double?

    public var isMet: Bool { state == .met }

    /// Evaluates both sides, and the comparison itself with the engine's rules
    /// (numbers compared to 15 significant digits, as spreadsheets do).
    public init(_ goal: Goal, in model: Model) {
        self.goal = goal
        current = model.evaluate(goal.lhs)
        target = model.evaluate(goal.rhs)
        format = model.format(of: goal.lhs)
        switch model.evaluate(.binary(goal.comparison, goal.lhs, goal.rhs, goal.range)) {
        case .error(let code): state = .error(code)
        case .boolean(let flag): state = flag ? .met : .missed
        case .number(let number): state = number != 0 ? .met : .missed
        }
        if goal.comparison != .notEqual, case .number(let have) = current, case .number(let want) = target {
            gap = want - have
        } else {
            gap = nil
        }
    }
}
