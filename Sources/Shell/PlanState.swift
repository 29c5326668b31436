import ModelFile
import PlanEngine

/// What the session's edits change: the workbook, the scenario being shown, and the
/// base model as it was last loaded, saved or created.
///
/// The saved base is what `:scenario new` measures the current edits against: the
/// lead indicators changed since then are the overrides a new scenario records. Only their
/// definitions are kept (a copy of the whole model would share its storage, and the next edit
/// would then copy every cell of it), and only once an edit comes: loading and saving take none.
struct PlanState: Sendable {
    var workbook: Workbook
    /// Nil while the base model is shown.
    var activeScenario: String?
    /// The base model's lead indicators as last loaded, saved or created, in file order; nil
    /// while the base model is still as it was then.
    private var savedInputs: [Definition]?

    /// A plan as loaded or created: the base model shown, and measured against itself.
    init(workbook: Workbook) {
        self.workbook = workbook
    }

    /// The base model's lead indicators as last loaded, saved or created, in file order.
    var savedBase: [Definition] { savedInputs ?? workbook.model.leadIndicatorDefinitions }

    /// Takes note of the saved base before an edit, unless one since the last save already did.
    mutating func keepSavedBase() {
        if savedInputs == nil { savedInputs = workbook.model.leadIndicatorDefinitions }
    }

    /// What the file now holds is what the next `:scenario new` measures edits against.
    mutating func markSaved() {
        savedInputs = nil
    }

    /// The base model with the active scenario's overrides applied; nil while none is active.
    /// Fails when the overrides no longer apply (an edit made them close a cycle).
    func scenarioModel() throws(WorkbookError) -> Model? {
        guard let activeScenario else { return nil }
        return try workbook.model(applying: activeScenario)
    }
}
