import Formula

/// How the value a goal seek found is written into the model, and so into the user's file:
/// never as the 17 digits of a double (`names = 555.5555555555557`), but as a planner would type it.
public enum SeekRounding: Sendable, Equatable {
    /// The shortest decimal that still meets the goal to 15 significant digits, the precision
    /// comparisons have: `555.555555555556`, `420.875420875421`, `250` when 250 is exact.
    case shortestDecimal
    /// A whole number (`:seek … by names whole`): of the two around the answer, the one at which
    /// the target is at least the goal, the nearer if both are; the nearer to the goal if neither is.
    case whole
}

extension SeekProbe {
    /// The value to write instead of `answer`, the input the search found.
    mutating func rounded(_ answer: Double, _ rounding: SeekRounding) -> Double {
        switch rounding {
        case .shortestDecimal: shortestDecimal(near: answer)
        case .whole: whole(near: answer)
        }
    }

    /// `answer` rounded to the fewest significant digits whose target equals the goal at 15
    /// digits; when the answer itself does not (the search stops within
    /// ``GoalSeek/relativeTolerance``), to the fewest whose target comes as near the goal as the
    /// answer's. More digits come nearer, so the count is found by bisection: about four more
    /// evaluations of the model, not seventeen.
    private mutating func shortestDecimal(near answer: Double) -> Double {
        guard let digits = DecimalDigits(answer), let reached = value(at: answer).numeric else { return answer }
        let goal = self.goal.atSpreadsheetPrecision
        let answerMeets = reached.atSpreadsheetPrecision == goal
        func meets(_ target: Double) -> Bool {
            answerMeets ? target.atSpreadsheetPrecision == goal : abs(target - self.goal) <= abs(reached - self.goal)
        }
        // `fewest` digits are known to meet the goal (all of them: the answer), `tooFew` not.
        var fewest = (count: digits.digits.count, value: answer)
        var tooFew = 0
        while fewest.count - tooFew > 1 {
            let count = (tooFew + fewest.count) / 2
            if let candidate = digits.rounded(significantDigits: count).double,
               let target = value(at: candidate).numeric, meets(target) {
                fewest = (count, candidate)
            } else {
                tooFew = count
            }
        }
        return fewest.value
    }

    private mutating func whole(near answer: Double) -> Double {
        let below = answer.rounded(.down)
        let above = answer.rounded(.up)
        let goal = self.goal.atSpreadsheetPrecision
        let candidates = (below == above ? [below] : [below, above])
            .compactMap { x in value(at: x).numeric.map { (x: x, target: $0) } }
            .sorted { abs($0.x - answer) < abs($1.x - answer) }
        if let meeting = candidates.first(where: { $0.target.atSpreadsheetPrecision >= goal }) { return meeting.x }
        return candidates.min { abs($0.target - self.goal) < abs($1.target - self.goal) }?.x ?? answer
    }
}
