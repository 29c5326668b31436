import ModelFile
import PlanEngine

/// One change to the session's plan that `:undo` can take back.
///
/// Undo wraps the engine from outside: every edit knows its inverse, and undoing
/// applies the inverse as an ordinary edit, so the engine and the file keep no
/// history of their own. Switching scenarios is an edit too: it changes every value
/// on the screen, and keeping it on the stack means each edit is undone in the very
/// state it was made in.
enum Edit: Sendable {
    /// Gives a base cell a formula. `previous` is its definition before (nil for a new cell);
    /// `position` is where the cell stands or will stand; `comment`, when the input carried one,
    /// is the comment its file line gets.
    case define(Definition, previous: Definition?, position: Int, comment: CommentChange?)
    /// Removes a cell; `scenarios` are the scenarios that overrode it, as they were, and
    /// `removal` (when the cell was in the file) what putting it back needs to restore its lines.
    case delete(Definition, position: Int, scenarios: [Scenario], removal: Workbook.RemovedCell?)
    /// Puts a deleted cell back where it stood, with its scenario overrides.
    case restore(Definition, position: Int, scenarios: [Scenario], removal: Workbook.RemovedCell?)
    case rename(from: String, to: String)
    case addGoal(GoalEntry)
    /// Takes back an `addGoal`: goals are only ever added at the end.
    case removeLastGoal(GoalEntry)
    /// `:goals delete`: one goal taken out of the list and the file.
    case deleteGoal(Workbook.RemovedGoal)
    /// Puts a deleted goal back where it stood.
    case restoreGoal(Workbook.RemovedGoal)
    /// A whole-line comment typed in the REPL, kept for the file.
    case addComment(String)
    case removeComment(String)
    /// `:load`, `:new` and `:edit`: the whole plan swapped, so undo can bring back unsaved work.
    case replacePlan(from: PlanState, to: PlanState, summary: String)
    /// A `periods` line typed at the REPL (`line`, as typed), or its undo: the same file read again
    /// over other periods, every cell evaluated anew, so the plans before and after are kept whole.
    case setPeriods(from: PlanState, to: PlanState, line: String)
    /// Overrides a base cell in some periods (`leads[2027-03] = 150`); `previous` is the override
    /// of the same periods it replaces, nil when there was none.
    case setOverride(Definition, previous: Definition?)
    /// Takes away an override of some periods: the cell's formula gives them again.
    case removeOverride(Definition)
    /// Sets (or, with nil, removes) the override of cell `name` in `scenario`; `previous` is
    /// the override before, nil when the scenario did not override the cell.
    case override(name: String, in: String, to: Definition?, previous: Definition?)
    /// Adds a scenario: a new one at the end, or (with `removal`, when undoing a delete) one
    /// put back where it stood, its section's lines as they were written.
    case addScenario(Scenario, removal: Workbook.RemovedScenario?)
    case removeScenario(Scenario, removal: Workbook.RemovedScenario?)
    /// Which scenario the session shows: nil is the base model.
    case switchScenario(from: String?, to: String?)
    /// Several edits that stand or fall together and are undone as one.
    case compound([Edit], summary: String)
    /// Actual results recorded, replaced or cleared (a typed `actual` line, `:actuals import`,
    /// `:actuals clear`): the actuals and file text before and after, so undo puts the file back
    /// byte for byte; either way only what the differing actuals reach is recomputed.
    case actuals(from: Workbook.ActualsSnapshot, to: Workbook.ActualsSnapshot, summary: String)

    /// What the edit did, as `:undo` and `:redo` name it: `leads = 150`, `:rename wins deals`.
    var summary: String {
        switch self {
        case .define(let definition, _, _, _): "\(definition.name) = \(definition.formula)"
        case .setOverride(let definition, _): "\(definition.targetText) = \(definition.formula)"
        case .removeOverride(let definition): "remove \(definition.targetText) = \(definition.formula)"
        case .delete(let definition, _, _, _): ":delete \(definition.name)"
        case .restore(let definition, _, _, _): "\(definition.name) = \(definition.formula)"
        case .rename(let old, let new): ":rename \(old) \(new)"
        case .addGoal(let entry): "goal \(entry.text)"
        case .removeLastGoal(let entry): "remove goal \(entry.text)"
        case .deleteGoal(let removed): ":goals delete \(removed.entry.text)"
        case .restoreGoal(let removed): "goal \(removed.entry.text)"
        case .addComment(let text): text
        case .removeComment(let text): "remove \(text)"
        case .replacePlan(_, _, let summary): summary
        case .setPeriods(_, _, let line): line
        case .override(let name, let scenario, let definition, _):
            definition.map { "\($0.targetText) = \($0.formula) in scenario \(scenario)" }
                ?? "remove \(name) from scenario \(scenario)"
        case .addScenario(let scenario, _): "add scenario \(scenario.name)"
        case .removeScenario(let scenario, _): ":scenario delete \(scenario.name)"
        case .switchScenario(_, let name): name.map { ":scenario use \($0)" } ?? ":scenario base"
        case .compound(_, let summary), .actuals(_, _, let summary): summary
        }
    }

    /// The edit that takes this one back.
    var inverse: Edit {
        switch self {
        case .define(let definition, let previous?, let position, let comment):
            .define(previous, previous: definition, position: position, comment: comment?.reversed)
        case .define(let definition, nil, let position, _):
            .delete(definition, position: position, scenarios: [], removal: nil)
        case .setOverride(let definition, let previous?):
            .setOverride(previous, previous: definition)
        case .setOverride(let definition, nil):
            .removeOverride(definition)
        case .removeOverride(let definition):
            .setOverride(definition, previous: nil)
        case .delete(let definition, let position, let scenarios, let removal):
            .restore(definition, position: position, scenarios: scenarios, removal: removal)
        case .restore(let definition, let position, let scenarios, let removal):
            .delete(definition, position: position, scenarios: scenarios, removal: removal)
        case .rename(let old, let new):
            .rename(from: new, to: old)
        case .addGoal(let entry):
            .removeLastGoal(entry)
        case .removeLastGoal(let entry):
            .addGoal(entry)
        case .deleteGoal(let removed):
            .restoreGoal(removed)
        case .restoreGoal(let removed):
            .deleteGoal(removed)
        case .addComment(let text):
            .removeComment(text)
        case .removeComment(let text):
            .addComment(text)
        case .replacePlan(let before, let after, let summary):
            .replacePlan(from: after, to: before, summary: summary)
        case .setPeriods(let before, let after, let line):
            .setPeriods(from: after, to: before, line: line)
        case .override(let name, let scenario, let definition, let previous):
            .override(name: name, in: scenario, to: previous, previous: definition)
        case .addScenario(let scenario, let removal):
            .removeScenario(scenario, removal: removal)
        case .removeScenario(let scenario, let removal):
            .addScenario(scenario, removal: removal)
        case .switchScenario(let old, let new):
            .switchScenario(from: new, to: old)
        case .compound(let edits, let summary):
            .compound(edits.reversed().map(\.inverse), summary: summary)
        case .actuals(let before, let after, let summary):
            .actuals(from: after, to: before, summary: summary)
        }
    }

    /// Whether the edit can change which scenario is shown or what it overrides: such an
    /// edit is tried on a copy of the plan, since the view it leaves may not build.
    var touchesScenarios: Bool {
        switch self {
        case .override, .addScenario, .removeScenario, .switchScenario, .compound, .replacePlan, .setPeriods: true
        case .define, .delete, .restore, .rename, .addGoal, .removeLastGoal, .deleteGoal, .restoreGoal,
             .addComment, .removeComment, .setOverride, .removeOverride, .actuals: false
        }
    }

    /// Whether the edit swaps the whole plan for another (`:load`, a typed `periods` line): its
    /// news is the plan it leaves, not values that moved or goals that flipped.
    var replacesPlan: Bool {
        switch self {
        case .replacePlan, .setPeriods: true
        default: false
        }
    }

    /// The cell a `restore` brings back (undo of a delete), which the change display calls `restored`.
    var restoredCell: String? {
        if case .restore(let definition, _, _, _) = self { return definition.name }
        return nil
    }

    /// The cells the edit renames, new name to old: what a comparison of the models before
    /// and after must pair up instead of reporting one cell deleted and another new.
    var renames: [String: String] {
        switch self {
        case .rename(let old, let new): [new: old]
        case .compound(let edits, _): edits.reduce(into: [:]) { $0.merge($1.renames) { first, _ in first } }
        default: [:]
        }
    }

    /// Applies the edit. A refused edit changes nothing, except that a compound edit may
    /// stop halfway: the session applies those to a copy. Returns the base model's changes.
    func apply(to plan: inout PlanState) throws(WorkbookError) -> [CellChange] {
        switch self {
        case .define(let definition, let previous, let position, let comment):
            // A redefinition stays where the cell is; only a new cell is placed.
            return try engine { () throws(ModelError) in
                try plan.workbook.define(definition, at: previous == nil ? position : nil, trailing: comment?.new)
            }
        case .setOverride(let definition, _):
            return try engine { () throws(ModelError) in try plan.workbook.define(definition) }
        case .removeOverride(let definition):
            guard let periods = definition.periods?.periods else { return [] }
            return try engine { () throws(ModelError) in try plan.workbook.removeOverride(definition.name, periods: periods) }
        case .delete(let definition, _, _, _):
            return try engine { () throws(ModelError) in try plan.workbook.delete(definition.name) }
        case .restore(_, _, _, let removal?):
            return try engine { () throws(ModelError) in try plan.workbook.restore(removal) }
        case .restore(let definition, let position, let scenarios, nil):
            let changes = try engine { () throws(ModelError) in try plan.workbook.define(definition, at: position) }
            for scenario in scenarios { plan.workbook.setScenario(scenario) }
            return changes
        case .rename(let old, let new):
            return try engine { () throws(ModelError) in try plan.workbook.rename(old, to: new) }
        case .addGoal(let entry):
            plan.workbook.addGoal(entry)
        case .removeLastGoal:
            plan.workbook.removeGoal(at: plan.workbook.goals.count - 1)
        case .deleteGoal(let removed):
            plan.workbook.removeGoal(at: removed.index)
        case .restoreGoal(let removed):
            plan.workbook.restoreGoal(removed)
        case .addComment(let text):
            plan.workbook.addComment(text)
        case .removeComment(let text):
            plan.workbook.removeComment(text)
        case .replacePlan(_, let replacement, _), .setPeriods(_, let replacement, _):
            plan = replacement
        case .override(let name, let scenarioName, let definition, let previous):
            guard var scenario = plan.workbook.scenario(named: scenarioName) else {
                throw .unknownScenario(scenarioName)
            }
            if let definition, let index = scenario.overrides.firstIndex(where: { $0.target == definition.target }) {
                scenario.overrides[index] = definition
            } else if let definition {
                scenario.overrides.append(definition)
            } else {
                let target = previous?.target ?? DefinitionTarget(name: name)
                scenario.overrides.removeAll { $0.target == target }
            }
            plan.workbook.setScenario(scenario)
        case .addScenario(_, let removal?):
            try plan.workbook.restoreScenario(removal)
        case .addScenario(let scenario, nil):
            guard plan.workbook.scenario(named: scenario.name) == nil else { throw .scenarioExists(scenario.name) }
            plan.workbook.setScenario(scenario)
        case .removeScenario(let scenario, _):
            try plan.workbook.removeScenario(named: scenario.name)
        case .switchScenario(_, let name):
            if let name, plan.workbook.scenario(named: name) == nil { throw .unknownScenario(name) }
            plan.activeScenario = name
        case .compound(let edits, _):
            var changes: [[CellChange]] = []
            for edit in edits { changes.append(try edit.apply(to: &plan)) }
            return CellChange.combining(changes)
        case .actuals(_, let after, _):
            return try engine { () throws(ModelError) in try plan.workbook.restore(after) }
        }
        return []
    }

    /// Runs an engine edit, its refusal worded as the workbook's.
    private func engine(_ edit: () throws(ModelError) -> [CellChange]) throws(WorkbookError) -> [CellChange] {
        do throws(ModelError) {
            return try edit()
        } catch {
            throw .model(error)
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

/// The text after a formula on its file line, as an edit changes it: what the user typed
/// (`   # after the trade show`) and what was there, so undo can put it back.
struct CommentChange: Sendable {
    let new: String
    let old: String

    var reversed: CommentChange { CommentChange(new: old, old: new) }
}
