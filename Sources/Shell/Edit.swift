import ModelFile
import PlanEngine

/// One change to the workbook that `:undo` can take back.
///
/// Undo wraps the engine from outside: every edit knows its inverse, and undoing
/// applies the inverse as an ordinary edit, so the engine and the file keep no
/// history of their own.
enum Edit: Sendable {
    /// Gives a cell a formula. `previous` is its definition before (nil for a new cell);
    /// `position` is where the cell stands or will stand.
    case define(Definition, previous: Definition?, position: Int)
    /// Removes a cell; `scenarios` are the scenarios that overrode it, as they were.
    case delete(Definition, position: Int, scenarios: [Scenario])
    /// Puts a deleted cell back where it stood, with its scenario overrides.
    case restore(Definition, position: Int, scenarios: [Scenario])
    case rename(from: String, to: String)
    case addGoal(GoalEntry)
    /// Takes back an `addGoal`: goals are only ever added at the end.
    case removeLastGoal(GoalEntry)
    /// `:load` and `:new`: the whole workbook swapped, so undo can bring back unsaved work.
    case replaceWorkbook(from: Workbook, to: Workbook, summary: String)

    /// What the edit did, as `:undo` and `:redo` name it: `leads = 150`, `:rename wins deals`.
    var summary: String {
        switch self {
        case .define(let definition, _, _): "\(definition.name) = \(definition.formula)"
        case .delete(let definition, _, _): ":delete \(definition.name)"
        case .restore(let definition, _, _): "\(definition.name) = \(definition.formula)"
        case .rename(let old, let new): ":rename \(old) \(new)"
        case .addGoal(let entry): "goal \(entry.text)"
        case .removeLastGoal(let entry): "remove goal \(entry.text)"
        case .replaceWorkbook(_, _, let summary): summary
        }
    }

    /// The edit that takes this one back.
    var inverse: Edit {
        switch self {
        case .define(let definition, let previous?, let position):
            .define(previous, previous: definition, position: position)
        case .define(let definition, nil, let position):
            .delete(definition, position: position, scenarios: [])
        case .delete(let definition, let position, let scenarios):
            .restore(definition, position: position, scenarios: scenarios)
        case .restore(let definition, let position, let scenarios):
            .delete(definition, position: position, scenarios: scenarios)
        case .rename(let old, let new):
            .rename(from: new, to: old)
        case .addGoal(let entry):
            .removeLastGoal(entry)
        case .removeLastGoal(let entry):
            .addGoal(entry)
        case .replaceWorkbook(let before, let after, let summary):
            .replaceWorkbook(from: after, to: before, summary: summary)
        }
    }

    /// Applies the edit; on a refusal nothing has changed.
    func apply(to workbook: inout Workbook) throws(ModelError) -> [CellChange] {
        switch self {
        case .define(let definition, let previous, let position):
            // A redefinition stays where the cell is; only a new cell is placed.
            return try workbook.define(definition, at: previous == nil ? position : nil)
        case .delete(let definition, _, _):
            return try workbook.delete(definition.name)
        case .restore(let definition, let position, let scenarios):
            let changes = try workbook.define(definition, at: position)
            for scenario in scenarios { workbook.setScenario(scenario) }
            return changes
        case .rename(let old, let new):
            return try workbook.rename(old, to: new)
        case .addGoal(let entry):
            workbook.addGoal(entry)
            return []
        case .removeLastGoal:
            workbook.removeGoal(at: workbook.goals.count - 1)
            return []
        case .replaceWorkbook(_, let replacement, _):
            workbook = replacement
            return []
        }
    }
}

/// The edits of this session, for `:undo` and `:redo`. A new edit clears the redo side,
/// as in every editor.
struct EditHistory: Sendable {
    private(set) var undoable: [Edit] = []
    private(set) var redoable: [Edit] = []

    mutating func record(_ edit: Edit) {
        undoable.append(edit)
        redoable.removeAll()
    }

    /// The edit to take back, moved to the redo side.
    mutating func popUndo() -> Edit? {
        guard let edit = undoable.popLast() else { return nil }
        redoable.append(edit)
        return edit
    }

    /// The edit to apply again, moved back to the undo side.
    mutating func popRedo() -> Edit? {
        guard let edit = redoable.popLast() else { return nil }
        undoable.append(edit)
        return edit
    }

    /// Puts back an edit that could not be undone or redone, so the stacks match the workbook.
    mutating func revertUndo() {
        if let edit = redoable.popLast() { undoable.append(edit) }
    }

    mutating func revertRedo() {
        if let edit = undoable.popLast() { redoable.append(edit) }
    }
}
