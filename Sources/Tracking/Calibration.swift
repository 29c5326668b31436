import Formula
import PlanEngine
import WhatIf

/// Reads the plan backwards from the actuals (SPEC §7 `:calibrate`): for each lag indicator with
/// actuals whose inputs leave exactly one lead indicator without an actual, the value of that
/// lead indicator, period by period, that reproduces the actual, found as goal seek finds one.
///
/// The inputs of a lag indicator in a period are followed back through the cells that feed it,
/// stopping at any cell with an actual there (its value is known); the lead indicators reached
/// without an actual are the unknowns. Exactly one is solvable; none or several are explained.
public struct Calibration: Sendable, Equatable {
    /// What the actuals of one lag indicator say.
    public enum Finding: Sendable, Equatable {
        /// `input` would have had to be `implied` (the average over `periods`) for `cell`'s actuals.
        case implied(cell: String, input: String, plan: Double, implied: Double, perPeriod: [Double],
                     periods: ClosedRange<Int>)
        /// Every input of `cell` has actuals where it has: nothing is left to imply.
        case allInputsKnown(cell: String)
        /// More than one lead indicator without actuals feeds `cell`: one actual cannot tell them apart.
        case severalUnknowns(cell: String, inputs: [String])
        /// No value of `input` reproduces `cell`'s actual in `period`.
        case unreachable(cell: String, input: String, period: Int)
    }

    public let findings: [Finding]
    /// Lag indicators without actuals, which say nothing about the plan.
    public let withoutActuals: [String]

    public init(_ model: Model) {
        var findings: [Finding] = []
        var without: [String] = []
        for cell in model.cellsInOrder where !cell.isLeadIndicator {
            guard !cell.actuals.isEmpty else {
                without.append(cell.name)
                continue
            }
            findings.append(Self.finding(for: cell, in: model))
        }
        self.findings = findings
        withoutActuals = without
    }

    /// The lead indicators `name` reads in `period` that have no actual there.
    static func unknowns(of name: String, period: Int, in model: Model) -> [String] {
        var unknown: [String] = []
        var seen: Set<String> = [name]
        var stack = model.precedents(of: name)
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let cell = model[next], cell.actuals[period] == nil else { continue }
            if cell.isLeadIndicator { unknown.append(next) } else { stack += model.precedents(of: next) }
        }
        return unknown.sorted()
    }

    private static func finding(for cell: Cell, in model: Model) -> Finding {
        let periods = cell.actuals.keys.sorted()
        let unknownSets = periods.map { unknowns(of: cell.name, period: $0, in: model) }
        let all = Set(unknownSets.joined()).sorted()
        guard let input = all.first else { return .allInputsKnown(cell: cell.name) }
        guard all.count == 1 else { return .severalUnknowns(cell: cell.name, inputs: all) }
        let solved = zip(periods, unknownSets).filter { $0.1 == [input] }.map(\.0)
        var implied: [Double] = []
        for period in solved {
            guard let value = solve(cell.name, actual: cell.actuals[period] ?? 0, by: input, period: period, in: model) else {
                return .unreachable(cell: cell.name, input: input, period: period)
            }
            implied.append(value)
        }
        let planned = model.plan.values(of: input)
        let plan = solved.map { planned[planned.count > 1 ? $0 : 0].numeric ?? .nan }
        return .implied(cell: cell.name, input: input, plan: plan.reduce(0, +) / Double(plan.count),
                        implied: implied.reduce(0, +) / Double(implied.count), perPeriod: implied,
                        periods: (solved.first ?? 0)...(solved.last ?? 0))
    }

    /// The value of `input` in `period` for which the formula of `name` gives `actual` there, the
    /// other cells as they are (actuals in place); `name`'s own actual is set aside for the search.
    private static func solve(_ name: String, actual: Double, by input: String, period: Int, in model: Model) -> Double? {
        var trial = model
        let label = model.timeline.periods[period]
        try? trial.setActuals([ActualChange(name: name, period: label, value: nil)])
        let literal = PeriodLiteral(period: label, range: SourceRange(start: 0, end: 0))
        let span = PeriodSpan(first: literal, last: literal)
        let start = model.values(of: input)[model.isSeries(input) ? period : 0].numeric ?? 0
        return RootSearch.root(from: start, tolerance: GoalSeek.relativeTolerance * max(abs(actual), 1)) { x in
            let definition = Definition(name: input, formula: NumberLiteral.text(x, style: .plain),
                                        expression: .number(x, .plain, SourceRange(start: 0, end: 0)), periods: span)
            guard (try? trial.update(definition)) != nil else { return nil }
            let values = trial.values(of: name)
            return values[values.count > 1 ? period : 0].numeric.map { $0 - actual }
        }
    }
}
