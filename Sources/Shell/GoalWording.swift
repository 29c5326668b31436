import Formula
import TextLayout
import WhatIf

/// How the REPL words where a goal stands: `met ($17,820, ahead by $2,820)`.
/// The status itself is WhatIf's; only the words are the shell's.
extension GoalStatus {
    /// `met` or `missed`; a goal on an error value is missed.
    var statusText: String { isMet ? "met" : "missed" }

    var valueText: String { ValueFormatter.display(current, format: format) }

    /// `met ($17,820, ahead by $2,820)`: the status with the value and the gap, for one-line news;
    /// a monthly goal's is its current period's, then how many periods meet it:
    /// `missed in 2027-01 ($10,000, short by $1,500); met in 2 of 4 periods, first missed 2027-01 at $10,000`.
    /// On a model with actuals an annual goal's value is the projection, and both kinds give the
    /// plan without actuals when it was computed:
    /// `missed (projected $39,000 as of 2027-02, short by $1,000; plan without actuals $46,000)`.
    func summary(colorizer: Colorizer) -> String {
        let value = tracking.map { periods == nil ? "projected \(valueText) as of \($0.asOf)" : valueText } ?? valueText
        let plan = planText.map { "; plan without actuals " + $0 } ?? ""
        let standing = " (" + value + (gapText.isEmpty ? "" : ", " + gapText) + plan + ")"
        guard let periods else { return colorizer.goalState(self) + standing }
        return colorizer.goalState(self) + " in \(periods.current)" + standing + "; " + periodsText
    }

    /// The period a monthly goal's value and status are for (the current one); for a goal on one
    /// value (an annual goal such as total(revenue) >= 600k) empty, or `projected` on a model with
    /// actuals, whose value is actuals so far and plan for the rest.
    var checkedText: String { periods.map { "\($0.current)" } ?? (tracking == nil ? "" : "projected") }

    /// The goal's left side on the plan without actuals, when it was computed.
    var planText: String? {
        tracking?.planValue.map { ValueFormatter.display($0, format: format) }
    }

    /// `met in 2 of 4 periods, first missed 2027-01 at $10,000`; empty for a goal on single values.
    /// On a model with actuals, the periods so far first, then the whole plan as projected:
    /// `met in 1 of 2 periods so far, first missed 2027-01 at $10,000; 3 of 4 projected`. So far is
    /// the year so far: on a plan that began in an earlier year, `so far in 2027`.
    var periodsText: String {
        guard let periods else { return "" }
        guard let tracking, let soFar = tracking.soFar else { return Self.counted(periods, format: format) }
        let year = tracking.newYearStart.map { " in \($0.year)" } ?? ""
        let projected = Self.counted(soFar, format: format, soFar: " so far" + year)
            + "; \(periods.metCount) of \(periods.count) projected"
        // A miss so far is named; with none, the projection's first miss (which may lie in an earlier year).
        guard soFar.firstMiss == nil, let ahead = Self.missText(periods, format: format) else { return projected }
        return projected + ", " + ahead
    }

    private static func counted(_ checks: PeriodChecks, format: DisplayFormat, soFar: String = "") -> String {
        let met = "met in \(checks.metCount) of \(checks.count) periods" + soFar
        return met + (missText(checks, format: format).map { ", " + $0 } ?? "")
    }

    /// `first missed 2027-01 at $10,000`, or nil when every period checked meets the goal.
    private static func missText(_ checks: PeriodChecks, format: DisplayFormat) -> String? {
        guard let miss = checks.firstMiss, let value = checks.firstMissValue else { return nil }
        return "first missed \(miss) at " + ValueFormatter.display(value, format: format)
    }

    /// How far the value is from the target, in words: `short by $32,180`, `under by 2%`;
    /// empty when either side is not a number. A value within a goal seek's tolerance of
    /// the target is on it: a seek that lands a hair past $50,000 is not `ahead by $0`.
    var gapText: String {
        guard let gap, case .number(let wanted) = target else { return "" }
        let distance = abs(gap)
        if distance <= GoalSeek.relativeTolerance * max(abs(wanted), 1) {
            return isMet ? "on target" : "equal to target"
        }
        let amount = ValueFormatter.display(.number(distance), format: format == .boolean ? .number : format)
        switch goal.comparison {
        case .greater, .greaterEqual: return (isMet ? "ahead by " : "short by ") + amount
        case .less, .lessEqual: return (isMet ? "under by " : "over by ") + amount
        default: return isMet ? "" : "off by " + amount
        }
    }
}
