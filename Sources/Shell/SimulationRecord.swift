import PlanEngine
import Simulation

/// The last `:simulate` of a session, with what it ran on, so `:assert` and typed expressions can
/// read it (`p10(revenue)`, `chance(revenue >= 50k)`) and refuse it once the model has changed.
struct SimulationRecord {
    let result: SimulationResult
    /// The goals' texts, in the order of ``SimulationResult/goalChances``.
    let goalTexts: [String]
    let fingerprint: [String]

    /// What a simulation's numbers depend on: every cell's formula, overrides and actuals, and the scenario shown.
    static func fingerprint(of model: Model, scenario: String?) -> [String] {
        var parts = [scenario ?? ""]
        for cell in model.cellsInOrder {
            parts.append(cell.name + "=" + cell.formula)
            for override in cell.overrides { parts.append(override.targetText + "=" + override.formula) }
            for period in cell.actuals.keys.sorted() {
                parts.append("actual \(cell.name)[\(period)]=\(cell.actuals[period] ?? 0)")
            }
        }
        return parts
    }
}
