import Formula
import PlanEngine

/// Where one goal stands on a model, as `:goals` lists it: the current value,
/// the target, whether it is met, and how far off it is.
///
/// On a plan with periods a goal whose comparison varies over time (`revenue >= 50k` on a
/// series) is a monthly goal, checked in every period: its value, state and gap are those of
/// the current period (``Model/currentPeriod``), and ``periods`` says how many periods meet it
/// and which misses first. A goal on a single value (`total(revenue) >= 600k`) is an annual
/// goal, one value for the whole plan.
///
/// On a model with actuals, ``tracking`` adds what a plan tracked month by month needs: which
/// period is current, how many periods so far meet a monthly goal, and the plan's value without
/// the actuals. The status itself is then a projection: the model with its actuals in place
/// computes actuals so far and the plan for the rest, so `total(revenue)` is already both.
public struct GoalStatus: Equatable, Sendable {
    /// Met, missed, or unknown because the goal evaluates to an error.
    public enum State: Equatable, Sendable {
        case met
        case missed
        /// One side of the goal is an error value (`#DIV/0!` …), so it is neither.
        case error(CellError)
    }

    /// A monthly goal checked in each period of the plan.
    public struct PeriodChecks: Equatable, Sendable {
        /// The period whose value, state and gap the status holds.
        public let current: Period
        public let metCount: Int
        public let count: Int
        /// The first period that does not meet the goal, with the left side's value there.
        public let firstMiss: Period?
        public let firstMissValue: Value?
    }

    /// A goal on a model with actuals, as tracked against them.
    public struct Tracking: Equatable, Sendable {
        /// The current period (``Model/currentPeriod``): the last with an actual.
        public let asOf: Period
        /// A monthly goal checked in the year so far: from the first period of the current period's
        /// year (its January on a monthly plan, or the plan's first period when that comes later) up to
        /// and including the current one, using the actuals where recorded; nil for an annual goal.
        public let soFar: PeriodChecks?
        /// The first period of the current period's year, from which ``soFar`` counts, when the plan
        /// began in an earlier year; nil when it counts from the plan's first period.
        public let newYearStart: Period?
        /// The left side on the plan without actuals (``Model/plan``): in the current period for a
        /// monthly goal, for the whole plan for an annual one. Nil when it was not asked for.
        public let planValue: Value?
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
    /// Nil for a goal on single values (every goal of a model without periods).
    public let periods: PeriodChecks?
    /// Nil on a model without actuals.
    public let tracking: Tracking?

    public var isMet: Bool { state == .met }

    /// Evaluates both sides, and the comparison itself with the engine's rules
    /// (numbers compared to 15 significant digits, as spreadsheets do), in every period.
    /// `plan`, the model without its actuals (``Model/plan``, costly to build, so the caller
    /// shares one among goals), gives ``Tracking/planValue``.
    public init(_ goal: Goal, in model: Model, plan: Model? = nil) {
        self.goal = goal
        let checks = model.evaluateSeries(.binary(goal.comparison, goal.lhs, goal.rhs, goal.range)).map(Self.state)
        let lhs = model.evaluateSeries(goal.lhs)
        let rhs = model.evaluateSeries(goal.rhs)
        let now = checks.count > 1 ? min(model.currentPeriod, checks.count - 1) : 0
        let at = { (values: [Value], period: Int) in values[values.count > 1 ? period : 0] }
        current = at(lhs, now)
        target = at(rhs, now)
        format = model.format(of: goal.lhs)
        state = checks[now]
        if goal.comparison != .notEqual, case .number(let have) = current, case .number(let want) = target {
            gap = want - have
        } else {
            gap = nil
        }
        let labels = model.timeline.periods
        let counted = { (checked: ArraySlice<State>) in
            let firstMiss = checked.firstIndex { $0 != .met }
            return PeriodChecks(
                current: labels[now], metCount: checked.count { $0 == .met }, count: checked.count,
                firstMiss: firstMiss.map { labels[$0] }, firstMissValue: firstMiss.map { at(lhs, $0) })
        }
        periods = checks.count > 1 ? counted(checks[...]) : nil
        if model.hasActuals, model.timeline.hasPeriods {
            let yearStart = model.timeline.yearStarts[model.currentPeriod]
            tracking = Tracking(
                asOf: labels[model.currentPeriod],
                soFar: checks.count > 1 ? counted(checks[yearStart...now]) : nil,
                newYearStart: yearStart > 0 ? labels[yearStart] : nil,
                planValue: plan.map { at($0.evaluateSeries(goal.lhs), now) })
        } else {
            tracking = nil
        }
    }

    private static func state(_ value: Value) -> State {
        switch value {
        case .error(let code): .error(code)
        case .boolean(let flag): flag ? .met : .missed
        case .number(let number): number != 0 ? .met : .missed
        }
    }
}
