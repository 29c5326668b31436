import Formula
import PlanEngine

/// Which lead indicator matters most for a target: each one moved from its P10 to its P90 (a
/// plain number from 10% below to 10% above its value) with every other at its mean, and the
/// swing of the target, largest first. The data of `:drivers`' tornado chart.
public struct DriverAnalysis: Sendable {
    /// One lead indicator's low and high values and what the target is at each.
    public struct Driver: Sendable {
        public let name: String
        public let isRange: Bool
        public let low: Double
        public let high: Double
        public let targetAtLow: Double
        public let targetAtHigh: Double

        public var swing: Double { abs(targetAtHigh - targetAtLow) }
    }

    /// The target with every lead indicator at its mean (its current value).
    public let base: Value
    /// The lead indicators that move the target, by swing, largest first (file order among equals).
    public let drivers: [Driver]
    /// Lead indicators with a number that do not move the target (or make it an error at an end).
    public let unmoved: [String]

    public init(of target: Expr, in model: Model) {
        var candidates: [(name: String, isRange: Bool, low: Double, high: Double)] = []
        for cell in model.cellsInOrder where cell.isLeadIndicator {
            if let distribution = RangeSyntax.distribution(of: cell.expression) {
                candidates.append((cell.name, true, distribution.quantile(0.1), distribution.quantile(0.9)))
            } else if case .number(let value) = cell.value {
                candidates.append((cell.name, false, value * 0.9, value * 1.1))
            }
        }
        let plan = TrialPlan(model, inputs: candidates.map(\.name), reading: [target])
        var values = plan.baseValues
        var machine = Machine()
        var drivers: [Driver] = []
        var unmoved: [String] = []
        base = values.withUnsafeMutableBufferPointer { plan.extra(0, on: $0, machine: &machine) }
        for (index, candidate) in candidates.enumerated() {
            let slot = plan.inputSlots[index]
            let ends = [candidate.low, candidate.high].map { end in
                values.withUnsafeMutableBufferPointer { values in
                    values[slot] = .number(end)
                    plan.run(values, machine: &machine)
                    return plan.extra(0, on: values, machine: &machine).numeric
                }
            }
            values[slot] = plan.baseValues[slot]
            guard let atLow = ends[0], let atHigh = ends[1], atLow != atHigh else {
                unmoved.append(candidate.name)
                continue
            }
            drivers.append(Driver(name: candidate.name, isRange: candidate.isRange, low: candidate.low,
                                  high: candidate.high, targetAtLow: atLow, targetAtHigh: atHigh))
        }
        self.drivers = drivers.enumerated().sorted { ($1.element.swing, $0.offset) < ($0.element.swing, $1.offset) }.map(\.element)
        self.unmoved = unmoved
    }
}
