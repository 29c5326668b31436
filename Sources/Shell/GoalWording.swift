import Formula
import TextLayout
import WhatIf

/// How the REPL words where a goal stands: `met ($17,820, ahead by $2,820)`.
/// The status itself is WhatIf's; only the words are the shell's.
extension GoalStatus {
    /// `met` or `missed`; a goal on an error value is missed.
    var statusText: String { isMet ? "met" : "missed" }

    var valueText: String { ValueFormatter.display(current, format: format) }

    /// `met ($17,820, ahead by $2,820)`: the status with the value and the gap, for one-line news.
    func summary(colorizer: Colorizer) -> String {
        let gap = gapText
        return colorizer.goalState(self) + " (" + valueText + (gap.isEmpty ? "" : ", " + gap) + ")"
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
