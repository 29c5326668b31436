import Formula
import ModelFile
import PlanEngine

/// Applying edits, taking them back and putting them back, each reported the same way:
/// the values that moved, names that became undefined, and goals that flipped.
extension Session {
    /// Applies a new edit and records it for `:undo`. A refused edit (a cycle, a taken
    /// name) prints its error and changes nothing.
    func perform(_ edit: Edit, reply: inout Reply) {
        if apply(edit, reply: &reply) { history.record(edit) }
    }

    func undo(reply: inout Reply) {
        guard let edit = history.popUndo() else {
            reply.say("nothing to undo")
            return
        }
        reply.say("undid \(edit.summary)")
        if !apply(edit.inverse, reply: &reply) { history.revertUndo() }
    }

    func redo(reply: inout Reply) {
        guard let edit = history.popRedo() else {
            reply.say("nothing to redo")
            return
        }
        reply.say("redid \(edit.summary)")
        if !apply(edit, reply: &reply) { history.revertRedo() }
    }

    /// Applies `edit` and prints its effects; false when the engine refused it.
    private func apply(_ edit: Edit, reply: inout Reply) -> Bool {
        let goalsBefore = GoalStatus.all(in: workbook)
        let changes: [CellChange]
        do throws(ModelError) {
            // In place: a copy would cost a whole model per edit; a refused edit changes nothing anyway.
            changes = try edit.apply(to: &workbook)
        } catch {
            reply.fail(error.description)
            return false
        }
        report(edit, changes: changes, reply: &reply)
        announceFlips(from: goalsBefore, reply: &reply)
        return true
    }

    private func report(_ edit: Edit, changes: [CellChange], reply: inout Reply) {
        let model = workbook.model
        switch edit {
        case .define(let definition, _, _), .restore(let definition, _, _):
            if changes.isEmpty {
                let name = definition.name
                let value = ValueFormatter.display(model.value(of: name), format: model.format(of: name))
                reply.say("\(colorizer.cellName(definition.name, in: model)) = \(value) (unchanged)")
            }
            let label = if case .restore = edit { "restored" } else { "new" }
            reply.say(ChangeReport.lines(for: changes, colorizer: colorizer, width: width, newLabel: label))
            for name in model[definition.name]?.references ?? [] where model[name] == nil {
                reply.warn("'\(name)' is not defined")
            }
        case .delete(let definition, _, _):
            reply.say(ChangeReport.lines(for: changes, colorizer: colorizer, width: width))
            let users = model.dependents(of: definition.name)
            if !users.isEmpty {
                reply.warn("'\(definition.name)' is not defined (used by \(users.joined(separator: ", ")))")
            }
        case .rename(let old, let new):
            reply.say("renamed \(old) → \(colorizer.cellName(new, in: model))")
            reply.say(ChangeReport.lines(for: changes, colorizer: colorizer, width: width))
        case .addGoal(let entry):
            let status = GoalStatus(entry, in: model)
            reply.say("goal \(entry.text): \(status.summary(colorizer: colorizer))")
        case .removeLastGoal(let entry):
            reply.say("removed goal \(entry.text)")
        case .replaceWorkbook(_, let replacement, _):
            let name = replacement.path ?? "a model with no file yet"
            reply.say("now editing \(name): \(describe(replacement))")
        }
    }

    /// Goals whose status an edit changed: the news a planner wants most.
    private func announceFlips(from before: [GoalStatus], reply: inout Reply) {
        let after = GoalStatus.all(in: workbook)
        // Goals only change by adding or removing the last one, so the common prefix lines up.
        for (old, new) in zip(before, after) where old.entry == new.entry && old.isMet != new.isMet {
            reply.say("goal \(new.entry.text): now \(new.summary(colorizer: colorizer))")
        }
    }

    /// `3 cells, 1 goal, 2 scenarios`.
    func describe(_ workbook: Workbook) -> String {
        [
            counted(workbook.model.count, "cell"),
            counted(workbook.goals.count, "goal"),
            counted(workbook.scenarios.count, "scenario"),
        ].joined(separator: ", ")
    }
}

/// `1 cell`, `2 cells`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
