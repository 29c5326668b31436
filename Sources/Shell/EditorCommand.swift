import Formula
import Foundation
import ModelFile

extension Command {
    static let edit: Command = Command(
        name: "edit",
        usage: ":edit",
        summary: "edit the model file in $VISUAL or $EDITOR; it is loaded again when the editor exits",
        details: "As psql's \\e: the model's file opens in your editor, and when the editor exits the file is "
            + "loaded again (:undo brings back the model as it was). A file that does not load then changes "
            + "nothing: its errors are listed and the model stays as it was; :edit again to fix them. "
            + "Save unsaved changes first (:save), so the file holds what you see."
    ) { input, session, reply in
        guard input.arguments.isEmpty else { return Command.edit.rejectArguments(&reply) }
        guard let editor = session.editor else {
            return reply.fail("no editor: set VISUAL or EDITOR (export EDITOR=nano) and :edit again")
        }
        guard let path = session.workbook.path else {
            return reply.fail("the model has no file yet: :save PATH first, then :edit")
        }
        guard !session.hasUnsavedChanges else {
            return reply.fail("the model has unsaved changes: :save them first, so the editor shows what you see")
        }
        let before = FileManager.default.contents(atPath: path)
        if let problem = ExternalEditor.open(path, with: editor) { return reply.fail(problem) }
        guard FileManager.default.contents(atPath: path) != before else {
            reply.say("\(VisibleText.escaping(path)) is unchanged")
            return
        }
        switch Workbook.load(path: path) {
        case .failure(let failure):
            reply.failWithRendered(failure.messages)
            reply.say("the model is as it was; :edit again to fix the file")
        case .success(let loaded):
            var replacement = PlanState(workbook: loaded)
            replacement.activeScenario = loaded.scenario(named: session.activeScenario ?? "") == nil ? nil : session.activeScenario
            session.perform(.replacePlan(from: session.plan, to: replacement, summary: ":edit"), reply: &reply)
            reply.warnRendered(loaded.warnings)
        }
    }
}

/// The person's own editor run on a file, on the terminal the REPL runs on, until it exits.
enum ExternalEditor {
    /// Runs `editor` (a shell command such as `vim` or `code --wait`) on `path`; nil when it
    /// exited with status 0, else why not.
    static func open(_ path: String, with editor: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The path is passed as a positional parameter, so no character of it is read by the shell.
        process.arguments = ["-c", editor + " \"$1\"", "leadlag-edit", path]
        do {
            try process.run()
        } catch {
            return "cannot start the editor '\(editor)': \(error.localizedDescription)"
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "the editor '\(editor)' exited with status \(process.terminationStatus); the model is as it was"
        }
        return nil
    }
}
