import Formula
import PlanEngine

/// The lead indicators of a model written as ranges, in file order, with their distributions:
/// what a simulation draws and what `:drivers` moves from P10 to P90.
public struct UncertainInputs: Sendable {
    public let names: [String]
    public let distributions: [Distribution]

    public init(_ model: Model) {
        var names: [String] = []
        var distributions: [Distribution] = []
        for cell in model.cellsInOrder where cell.isLeadIndicator {
            guard let distribution = RangeSyntax.distribution(of: cell.expression) else { continue }
            names.append(cell.name)
            distributions.append(distribution)
        }
        self.names = names
        self.distributions = distributions
    }

    public var isEmpty: Bool { names.isEmpty }
}
