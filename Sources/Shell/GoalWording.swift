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
    func summary(colorizer: Colorizer) -> String {
        let gap = gapText
        let standing = " (" + valueText + (gap.isEmpty ? "" : ", " + gap) + ")"
        guard let periods else { return colorizer.goalState(self) + standing }
        return colorizer.goalState(self) + " in \(periods.current)" + standing + "; " + periodsText
    }

    /// The period a monthly goal's value and status are for (the current one); empty for a goal on
    /// one value (an annual goal such as total(revenue) >= 600k), which needs none.
    var checkedText: String { periods.map { "\($0.current)" } ?? "" }

    /// `met in 2 of 4 periods, first missed 2027-01 at $10,000`; empty for a goal on single values.
    var periodsText: String {
        guard let periods else { return "" }
        let met = "met in \(periods.metCount) of \(periods.count) periods"
        guard let miss = periods.firstMiss, let value = periods.firstMissValue else { return met }
        return met + ", first missed \(miss) at " + ValueFormatter.display(value, format: format)
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
