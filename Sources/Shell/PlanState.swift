import ModelFile
import PlanEngine

/// What the session's edits change: the workbook, the scenario being shown, and the
/// base model as it was last loaded, saved or created.
///
/// The saved base is what `:scenario new` measures the current edits against: the
/// lead indicators changed since then are the overrides a new scenario records. Only their
/// definitions are kept: a copy of the whole model would share its storage, and the next edit
/// would then copy every cell of it.
struct PlanState: Sendable {
    var workbook: Workbook
    /// Nil while the base model is shown.
    var activeScenario: String?
    /// The base model's lead indicators as last loaded, saved or created, by name.
    var savedBase: [String: Definition]

    /// A plan as loaded or created: the base model shown, and measured against itself.
    init(workbook: Workbook) {
        self.workbook = workbook
        savedBase = workbook.model.leadIndicatorDefinitions
    }

    /// The base model with the active scenario's overrides applied; nil while none is active.
    /// Fails when the overrides no longer apply (an edit made them close a cycle).
    func scenarioModel() throws(WorkbookError) -> Model? {
        guard let activeScenario else { return nil }
        return try workbook.model(applying: activeScenario)
    }
}
