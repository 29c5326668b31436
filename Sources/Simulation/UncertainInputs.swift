import Formula
import PlanEngine

/// The ranges of a model's lead indicators, in file order, with their distributions: what a
/// simulation draws and what `:drivers` moves from P10 to P90.
///
/// A range is a lead indicator's formula (`win_rate = 25% to 40%`) or one of its overrides
/// (`win_rate[2027-07 .. 2027-12] = 30% to 45%`, a belief about the second half of the year);
/// each is drawn once per trial and holds in every period it covers, and an override that is a
/// number keeps its periods whatever the formula draws.
public struct UncertainInputs: Sendable {
    /// How each range is named in output: the cell, or the cell and the periods of its override.
    public let names: [String]
    /// The cells the ranges belong to (a cell's format labels its range's numbers).
    public let cells: [String]
    public let inputs: [TrialInput]
    public let distributions: [Distribution]

    public init(_ model: Model) {
        var names: [String] = []
        var cells: [String] = []
        var inputs: [TrialInput] = []
        var distributions: [Distribution] = []
        for cell in model.cellsInOrder where cell.isLeadIndicator {
            let parts = [(cell.name, TrialInput.Part.formula, cell.expression)]
                + cell.overrides.enumerated().map { ($1.targetText, TrialInput.Part.override($0), $1.expression) }
            for (name, part, expression) in parts {
                guard let distribution = RangeSyntax.distribution(of: expression) else { continue }
                names.append(name)
                cells.append(cell.name)
                inputs.append(TrialInput(cell: cell.name, part: part))
                distributions.append(distribution)
            }
        }
        self.names = names
        self.cells = cells
        self.inputs = inputs
        self.distributions = distributions
    }

    public var isEmpty: Bool { names.isEmpty }
}
