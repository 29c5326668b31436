import Formula
import PlanEngine

/// Which lead indicator matters most for a target: each one moved from its P10 to its P90 (a
/// plain number from 10% below to 10% above its value) with every other at its mean, and the
/// swing of the target, largest first. The data of `:drivers`' tornado chart.
///
/// On a plan with periods a plain number moves by 10% in every period (its overrides too; its
/// actuals, being what happened, stay), a range holds its P10 or P90 in every period it covers,
/// and a target that varies over time swings by its ``measure``: `revenue` by its total.
public struct DriverAnalysis: Sendable {
    /// One lead indicator's low and high values and what the target is at each.
    public struct Driver: Sendable {
        /// The lead indicator, or for a range in an override the cell and its periods (`win_rate[2027-07 .. 2027-12]`).
        public let name: String
        /// The cell moved, whose format its values are shown in.
        public let cell: String
        /// For a plain lead indicator that varies over time, what ``low`` and ``high`` stand for (its total…).
        public let measure: SeriesMeasure?
        public let isRange: Bool
        public let low: Double
        public let high: Double
        public let targetAtLow: Double
        public let targetAtHigh: Double

        public var swing: Double { abs(targetAtHigh - targetAtLow) }
    }

    /// The target with every lead indicator at its mean (its current value).
    public let base: Value
    /// How one number stands for a target that varies over time (the total of `revenue`, the
    /// last value of recurring revenue, as `:show` sums it up): what moves; nil for a single value.
    public let measure: SeriesMeasure?
    /// The lead indicators that move the target, by swing, largest first (file order among equals).
    public let drivers: [Driver]
    /// Lead indicators with a number that do not move the target (or make it an error at an end).
    public let unmoved: [String]

    public init(of target: Expr, in model: Model) {
        let ranges = UncertainInputs(model)
        var candidates: [(name: String, cell: String, measure: SeriesMeasure?, isRange: Bool, low: Double, high: Double,
                          ends: [Value])] = []
        var inputs: [TrialInput] = []
        for cell in model.cellsInOrder where cell.isLeadIndicator {
            let own = ranges.cells.indices.filter { ranges.cells[$0] == cell.name }
            for index in own {
                let distribution = ranges.distributions[index]
                let (low, high) = (distribution.quantile(0.1), distribution.quantile(0.9))
                candidates.append((ranges.names[index], cell.name, nil, true, low, high, [.number(low), .number(high)]))
                inputs.append(ranges.inputs[index])
            }
            // A plain lead indicator moves by 10% either way in every period; over time its measure shows it.
            if own.isEmpty, case .number(let value) = cell.summary {
                candidates.append((cell.name, cell.name, cell.isSeries ? cell.measure : nil, false, value * 0.9, value * 1.1,
                                   [.number(0.9), .number(1.1)]))
                inputs.append(TrialInput(cell: cell.name, part: .scale))
            }
        }
        measure = Self.measure(of: target, in: model)
        let measured = measure.map { Expr.call(name: $0.rawValue, arguments: [target], target.range) } ?? target
        let plan = TrialPlan(model, inputs: inputs, reading: [measured])
        var values = plan.baseValues
        var machine = plan.makeMachine()
        var drivers: [Driver] = []
        var unmoved: [String] = []
        base = values.withUnsafeMutableBufferPointer { plan.extra(0, on: $0, machine: &machine) }
        for (index, candidate) in candidates.enumerated() {
            let ends = candidate.ends.map { end in
                values.withUnsafeMutableBufferPointer { values in
                    plan.set(index, to: end, in: values)
                    plan.run(values, machine: &machine)
                    return plan.extra(0, on: values, machine: &machine).numeric
                }
            }
            values.withUnsafeMutableBufferPointer { values in
                plan.set(index, to: plan.baseValues[plan.inputSlot(index) * plan.periodCount], in: values)
            }
            guard let atLow = ends[0], let atHigh = ends[1], atLow != atHigh else {
                unmoved.append(candidate.name)
                continue
            }
            drivers.append(Driver(name: candidate.name, cell: candidate.cell, measure: candidate.measure,
                                  isRange: candidate.isRange, low: candidate.low, high: candidate.high,
                                  targetAtLow: atLow, targetAtHigh: atHigh))
        }
        self.drivers = drivers.enumerated().sorted { ($1.element.swing, $0.offset) < ($0.element.swing, $1.offset) }.map(\.element)
        self.unmoved = unmoved
    }

    /// The measure of a target that varies over time: a cell's own (``Cell/measure``), else that
    /// of its format (an average for a percent, a total otherwise); nil for a single value.
    public static func measure(of target: Expr, in model: Model) -> SeriesMeasure? {
        guard model.evaluateSeries(target).count > 1 else { return nil }
        if case .name(let name, _) = target, let cell = model[name] { return cell.measure }
        return SeriesMeasure(isStock: false, format: model.format(of: target))
    }
}
