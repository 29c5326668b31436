import Formula
import ModelFile

/// What the person said to do with unsaved changes before the model is left behind.
enum UnsavedChangesAnswer: Equatable {
    /// Save them first, to the model's own file or (for a new model) to `path`.
    case save(path: String?)
    /// Go on without saving.
    case discard
    /// Stay: nothing is saved, loaded, or left.
    case cancel
}

/// Saving, and settling unsaved changes before `:load`, `:new` or leaving: the one place
/// that decides, so every way of leaving a model asks the same question and saves the same way.
extension Session {
    /// Writes the model to `path` (or its own file) and reports it; `overwriting` is `:save!`,
    /// which replaces a file changed on disk since it was loaded, or a write-protected one.
    func save(to path: String?, overwriting: Bool, reply: inout Reply) {
        do throws(WorkbookError) {
            try workbook.save(to: path, overwriting: overwriting)
            plan.markSaved()
            reply.say("saved \(VisibleText.escaping(workbook.path ?? path ?? ""))")
        } catch .writeProtected(let protected) {
            reply.fail(WorkbookError.writeProtected(path: protected).description + ": `:save!` replaces it")
        } catch {
            reply.fail(error.description)
        }
    }

    /// Before an action that leaves the current model behind: at a terminal, unsaved changes
    /// are first offered for saving (see ``askAboutUnsavedChanges``). True to go on.
    ///
    /// Without a terminal (a script, piped input) nothing is asked and the action goes on, as
    /// it always has: a script saves with `:save` when it means to, and `:undo` still brings
    /// back a model replaced by `:load` or `:new`.
    func settleUnsavedChanges(reply: inout Reply) -> Bool {
        guard let ask = askAboutUnsavedChanges, hasUnsavedChanges else { return true }
        switch ask(workbook.path) {
        case .discard:
            return true
        case .cancel:
            return false
        case .save(let path):
            save(to: path, overwriting: false, reply: &reply)
            return !reply.failed
        }
    }
}
