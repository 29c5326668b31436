import Formula
import PlanEngine

/// Goal seek, as in a spreadsheet: the value of one lead indicator that makes a
/// target cell equal a goal, found on a copy of the model.
///
///     GoalSeek.seek(in: model, target: "revenue", equals: 50_000, by: "leads")
///     // .found(value: 420.875…, targetValue: .number(50000.00000000001), evaluations: 20)
///
/// It starts at the input's current value, walks outward in both directions
/// with doubling steps until the target crosses the goal (skipping values where
/// the target is an error), and narrows that interval with Brent's method. When
/// no crossing shows, it looks closely around the sample nearest the goal for a
/// dip the steps jumped over. So it works whichever way the target moves with the
/// input, on kinked and stepped targets (`min`, `if`, `^`), and says so — with the
/// closest value there is — when no value reaches the goal. Each trial sets the
/// input on the copy, and the engine recomputes only the cells downstream of it.
public enum GoalSeek {
    /// Without bounds, the search covers ±10^12 (or twice the current value, if larger).
    public static let defaultSearchLimit = 1e12
    /// A target within this fraction of the goal (or this much of a goal below 1) reaches it.
    public static let relativeTolerance = 1e-9

    /// Seeks the value of cell `target` (the form below takes any single-valued expression).
    public static func seek(
        in model: Model, target: String, equals goal: Double, by input: String,
        within bounds: ClosedRange<Double>? = nil, rounding: SeekRounding = .shortestDecimal
    ) -> SeekOutcome {
        seek(in: model, target: .cell(target), equals: goal, by: input, within: bounds, rounding: rounding)
    }

    /// - Parameter target: a cell or an expression with one value (`total(revenue)` on a plan with periods).
    /// - Parameter rounding: how the value found is written (``SeekRounding``).
    ///
    /// An input that varies over time (a growth formula) is tried as one constant for every
    /// period; its overrides of single periods stay as they are.
    public static func seek(
        in model: Model, target: WhatIfTarget, equals goal: Double, by input: String,
        within bounds: ClosedRange<Double>? = nil, rounding: SeekRounding = .shortestDecimal
    ) -> SeekOutcome {
        if let missing = target.undefinedName(in: model) { return .failed(.unknownCell(missing)) }
        guard let inputCell = model[input] else { return .failed(.unknownCell(input)) }
        guard inputCell.isLeadIndicator else { return .failed(.inputNotLeadIndicator(input)) }
        guard target.depends(on: input, in: model) else { return .failed(.targetIndependentOfInput) }

        let current = inputCell.value.numeric.flatMap { $0.isFinite ? $0 : nil } ?? 0
        let range = searchRange(around: current, within: bounds)
        let start = min(max(current, range.lowerBound), range.upperBound)
        var probe = SeekProbe(model: model, target: target, input: input, goal: goal)
        let tolerance = relativeTolerance * max(abs(goal), 1)

        func found(_ answer: Double) -> SeekOutcome {
            // A current value that already meets the goal to 15 digits stays as the person wrote it.
            let keepsCurrent = answer == start && rounding == .shortestDecimal
                && probe.value(at: start).numeric?.atSpreadsheetPrecision == goal.atSpreadsheetPrecision
            let written = keepsCurrent ? start : probe.rounded(answer, rounding)
            return .found(value: written, targetValue: probe.value(at: written), evaluations: probe.evaluations)
        }
        let startGap = probe.gap(at: start)
        if goal.isFinite {
            if let startGap, abs(startGap) <= tolerance {
                return found(start)
            }
            let bracket = RootBracket.search(from: start, within: range) { probe.gap(at: $0) }
                ?? RootBracket.searchNearClosest(samples: probe.samples) { probe.gap(at: $0) }
            if let bracket {
                let root = bracket.refined { probe.gap(at: $0) }
                if abs(root.gap) <= tolerance {
                    return found(root.x)
                }
            }
        }
        guard let closest = probe.closest else { return .failed(.targetIsError(probe.firstError ?? .value)) }
        // A touch without a crossing (the bottom of `(x - 100)^2`) still reaches the goal.
        if goal.isFinite, abs(closest.target - goal) <= tolerance {
            return found(closest.input)
        }
        return .failed(.unreachable(closest: closest.input, closestTargetValue: closest.target, searchedRange: range))
    }

    /// The definition that sets `cell` to `value` as a user would type it: `21.37%` for a
    /// percent cell, `$1234.56` for a currency cell, `1500` otherwise, at full precision
    /// (the text reads back as exactly `value`), so applying it keeps the cell's format.
    public static func literal(_ value: Double, like cell: Cell) -> Definition {
        InputLiteral.exactDefinition(of: cell.name, as: value, style: InputLiteral.style(keeping: cell.format))
    }

    /// The interval to search: `bounds` where given, with an infinite end replaced by a finite
    /// one at ``defaultSearchLimit`` beyond the other end.
    private static func searchRange(around current: Double, within bounds: ClosedRange<Double>?) -> ClosedRange<Double> {
        let limit = max(defaultSearchLimit, 2 * abs(current))
        let lowest = bounds?.lowerBound ?? -.infinity
        let highest = bounds?.upperBound ?? .infinity
        let lower = lowest.isFinite ? lowest : min(-limit, highest.isFinite ? highest - limit : -limit)
        let upper = highest.isFinite ? highest : max(limit, lower + limit)
        return lower...max(lower, upper)
    }
}
