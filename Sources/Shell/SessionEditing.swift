import Formula
import ModelFile
import PlanEngine
import WhatIf

/// Applying edits, taking them back and putting them back, each reported the same way:
/// the values that moved, names that became undefined, and goals that flipped.
extension Session {
    /// Applies a new edit and records it for `:undo`. A refused edit (a cycle, a taken
    /// name) prints its error and changes nothing. True when the edit was made.
    @discardableResult
    func perform(_ edit: Edit, reply: inout Reply) -> Bool {
        guard apply(edit, reply: &reply) else { return false }
        history.record(edit)
        return true
    }

    func undo(reply: inout Reply) {
        guard let edit = history.popUndo() else {
            reply.say("nothing to undo")
            return
        }
        reply.say("undid \(VisibleText.escaping(edit.summary))")
        // Taking an edit back is the way back itself: it warns of nothing.
        if !apply(edit.inverse, warns: false, reply: &reply) { history.revertUndo() }
    }

    func redo(reply: inout Reply) {
        guard let edit = history.popRedo() else {
            reply.say("nothing to redo")
            return
        }
        reply.say("redid \(VisibleText.escaping(edit.summary))")
        if !apply(edit, reply: &reply) { history.revertRedo() }
    }

    /// Where each goal stands on the model shown, with the goal as written; `withPlan` adds the
    /// plan without actuals on a model with actuals (one more model to compute).
    func goalStatuses(withPlan: Bool = false) -> [(entry: GoalEntry, status: GoalStatus)] {
        let model = self.model
        let plan = withPlan && model.hasActuals && !workbook.goals.isEmpty ? model.plan : nil
        return workbook.goals.map { ($0, GoalStatus($0.goal, in: model, plan: plan)) }
    }

    /// Where one goal stands, with the plan without actuals on a model with actuals: a goal's news.
    /// `plan` is that plan when the caller has it already.
    private func goalStatus(_ goal: Goal, plan: Model? = nil) -> GoalStatus {
        let model = self.model
        return GoalStatus(goal, in: model, plan: plan ?? (model.hasActuals ? model.plan : nil))
    }

    /// Applies `edit` and prints its effects, with the notes of what looks like a mistake when
    /// `warns`; false when it was refused.
    private func apply(_ edit: Edit, warns: Bool = true, reply: inout Reply) -> Bool {
        plan.keepSavedBase()
        let goalsBefore = goalStatuses()
        let notes = warns ? notes(for: edit) : []
        let changes: [CellChange]
        do throws(EditRefusal) {
            if plan.activeScenario == nil && !edit.touchesScenarios && plan.workbook.scenarios.isEmpty {
                // In place: a copy would cost a whole model per edit; a refused edit changes nothing anyway.
                // With scenarios, any edit of the base may break one of them: see `applyOnCopy`.
                changes = try EditRefusal.wording { () throws(WorkbookError) in try edit.apply(to: &plan) }
            } else {
                changes = try applyOnCopy(edit)
            }
        } catch {
            reply.fail(error.message)
            return false
        }
        report(edit, changes: changes, notes: notes, reply: &reply)
        if edit.replacesPlan { return true }
        announceFlips(from: goalsBefore, reply: &reply)
        return true
    }

    /// Applies an edit that may involve a scenario to a copy of the plan, keeping it only when
    /// the model to show builds from it and every scenario still loads from the saved text
    /// (an edit that turns an overridden input into a formula, or closes a cycle through a
    /// scenario's override, is refused). Returns the changes of the model shown, before to after.
    private func applyOnCopy(_ edit: Edit) throws(EditRefusal) -> [CellChange] {
        var trial = plan
        let baseChanges = try EditRefusal.wording { () throws(WorkbookError) in try edit.apply(to: &trial) }
        let shown: Model?
        do throws(WorkbookError) {
            shown = try trial.scenarioModel()
        } catch {
            throw EditRefusal(message: "scenario \(trial.activeScenario ?? ""): \(error)")
        }
        if let problem = trial.workbook.scenarioProblems.first {
            throw EditRefusal(message: "\(problem) (nothing changed)")
        }
        let before = model
        let wasScenario = scenarioModel != nil
        plan = trial
        scenarioModel = shown
        if edit.replacesPlan { return [] }
        guard wasScenario || shown != nil else { return baseChanges }
        return ModelDiff.changes(from: before, to: model, renamed: edit.renames)
    }

    private func report(_ edit: Edit, changes: [CellChange], notes: [EditNote], reply: inout Reply) {
        let model = self.model
        let periods = model.timeline.periods.map(\.description)
        switch edit {
        case .define(let definition, _, _, _), .restore(let definition, _, _, _),
             .override(_, _, let definition?, _), .setOverride(let definition, _), .removeOverride(let definition):
            if changes.isEmpty {
                // A series says which one value stands for it (total $46,000), never its first period.
                let value = model[definition.name].map(SeriesDisplay.summaryText) ?? ""
                reply.say("\(colorizer.cellName(definition.name, in: model)) = \(value) (unchanged)")
            }
            ChangeReport.tell(
                changes, notes: notes, colorizer: colorizer, width: width,
                newLabel: definition.name == edit.restoredCell ? "restored" : "new",
                periods: periods, unicode: isUnicode, reply: &reply)
            for warning in model[definition.name].map({ model.undefinedUseWarnings(in: $0.expression) }) ?? [] {
                reply.warn(warning)
            }
        case .delete(let definition, _, _, _):
            reply.say(ChangeReport.lines(for: changes, colorizer: colorizer, width: width, periods: periods, unicode: isUnicode))
            let users = model.dependents(of: definition.name)
            if !users.isEmpty {
                reply.warn("'\(definition.name)' is not defined (used by \(NameList.text(users)))")
            }
        case .rename(let old, let new):
            reply.say("renamed \(old) → \(colorizer.cellName(new, in: model))")
            reply.say(ChangeReport.lines(for: changes, colorizer: colorizer, width: width, periods: periods, unicode: isUnicode))
        case .addGoal(let entry):
            let status = goalStatus(entry.goal)
            reply.say("goal \(entry.shownText): \(status.summary(colorizer: colorizer))")
            for warning in [entry.goal.lhs, entry.goal.rhs].flatMap(model.undefinedUseWarnings) {
                reply.warn(warning)
            }
        case .removeLastGoal(let entry):
            reply.say("removed goal \(entry.shownText)")
        case .deleteGoal(let removed):
            reply.say("removed goal \(removed.entry.shownText)")
        case .restoreGoal(let removed):
            reply.say("goal \(removed.entry.shownText): \(goalStatus(removed.entry.goal).summary(colorizer: colorizer))")
        case .addComment, .removeComment:
            break
        case .actuals:
            if changes.isEmpty { reply.say("no values change") }
            ChangeReport.tell(changes, notes: notes, colorizer: colorizer, width: width,
                              periods: model.timeline.periods.map(\.description), unicode: isUnicode, reply: &reply)
        case .setPeriods(_, let replacement, _):
            reply.say(PeriodsLine.news(replacement.workbook.model.timeline))
        case .replacePlan(_, let replacement, _):
            let name = replacement.workbook.path ?? "a model with no file yet"
            reply.say("now editing \(VisibleText.escaping(name)): \(describe(replacement.workbook))")
        case .override, .addScenario, .removeScenario, .switchScenario, .compound:
            reply.say(ScenarioNews.headlines(of: edit, colorizer: colorizer))
            if changes.isEmpty { reply.say("no values change") }
            ChangeReport.tell(changes, notes: notes, colorizer: colorizer, width: width, periods: periods, unicode: isUnicode, reply: &reply)
        }
    }

    /// Goals whose status an edit changed: the news a planner wants most.
    private func announceFlips(from before: [(entry: GoalEntry, status: GoalStatus)], reply: inout Reply) {
        let after = goalStatuses()
        // Goals only change by adding or removing the last one, so the common prefix lines up.
        let flipped = zip(before, after).filter { old, new in
            old.entry == new.entry && (old.status.isMet != new.status.isMet
                || old.status.periods?.metCount != new.status.periods?.metCount
                || old.status.tracking?.soFar?.metCount != new.status.tracking?.soFar?.metCount)
        }
        // The plan without actuals is computed once, and only when there is news to word. A monthly goal
        // met (or missed) in the same period as before, whose count of periods alone moved, is `still` so.
        guard !flipped.isEmpty else { return }
        let plan = model.hasActuals ? model.plan : nil
        for (old, new) in flipped {
            let still = old.status.isMet == new.status.isMet && old.status.periods?.current == new.status.periods?.current
            reply.say("goal \(new.entry.shownText): \(still ? "still" : "now") \(goalStatus(new.entry.goal, plan: plan).summary(colorizer: colorizer))")
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

/// Why an edit was not made, as the person reads it; nothing changed.
struct EditRefusal: Error {
    let message: String

    static func wording<T>(_ body: () throws(WorkbookError) -> T) throws(EditRefusal) -> T {
        do throws(WorkbookError) {
            return try body()
        } catch {
            throw EditRefusal(message: error.description)
        }
    }
}

/// `1 cell`, `2 cells`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
