import ModelFile
import PlanEngine

/// What the session's edits change: the workbook, the scenario being shown, and the
/// base model as it was last loaded, saved or created.
///
/// The saved base is what `:scenario new` measures the current edits against: the
/// lead indicators changed since then are the overrides a new scenario records.
struct PlanState: Sendable {
    var workbook: Workbook
    /// Nil while the base model is shown.
    var activeScenario: String?
    var savedBase: Model

    /// A plan as loaded or created: the base model shown, and measured against itself.
    init(workbook: Workbook) {
        self.workbook = workbook
        savedBase = workbook.model
    }

    /// The base model with the active scenario's overrides applied; nil while none is active.
    /// Fails when the overrides no longer apply (an edit made them close a cycle).
    func scenarioModel() throws(WorkbookError) -> Model? {
        guard let activeScenario else { return nil }
        return try workbook.model(applying: activeScenario)
    }
}
