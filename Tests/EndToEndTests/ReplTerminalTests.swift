import Foundation
import Testing

/// The interactive REPL in a real terminal (tmux): completion, history, Ctrl-C and Ctrl-D
/// as a person meets them. Every step waits for the prompt before typing.
@Suite("The REPL at a terminal", .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReplTerminalTests {
    static let prompt = "leadlag> "

    /// Starts the REPL with its own history file and no colors, so the screen is plain text;
    /// `environment` adds to that (EDITOR for :edit).
    func start(
        _ arguments: [String] = [], history: String, in workspace: borrowing Workspace,
        environment: [String: String] = [:], columns: Int = 100
    ) throws -> TmuxSession {
        let binary = try #require(Leadlag.path, "the leadlag executable was not found")
        return try TmuxSession(
            arguments: [binary] + arguments,
            environment: ["HOME": workspace.folder.path, "LEADLAG_HISTORY": history, "NO_COLOR": "1"]
                .merging(environment) { _, added in added },
            columns: columns,
            workingDirectory: workspace.folder.path)
    }

    /// The REPL (on `model`, or a new one) after `edit`, at its second prompt: a session with unsaved changes.
    private func startWithUnsavedEdit(
        _ model: String?, edit: String = "leads = 150", in workspace: borrowing Workspace
    ) async throws -> TmuxSession {
        let repl = try start(model.map { [$0] } ?? [], history: workspace.path("history"), in: workspace)
        do {
            try await repl.waitFor(Self.prompt)
            try repl.type(edit)
            try repl.send(keys: "Enter")
            try await repl.waitFor(Self.prompt, occurrences: 2)
        } catch {
            repl.close()
            throw error
        }
        return repl
    }

    @Test("Tab completes a name defined a moment ago")
    func completesNewName() async throws {
        let workspace = try Workspace()
        let repl = try start(history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type("pipeline_value = 42")
        try repl.send(keys: "Enter")
        try await repl.waitFor("pipeline_value = 42 (new)")
        try await repl.waitFor(Self.prompt, occurrences: 2)
        try repl.type("pipe")
        try repl.send(keys: "Tab")
        try await repl.waitFor(Self.prompt + "pipeline_value", occurrences: 2)
        // A unique completion ends with a space, so the operator follows at once.
        try repl.type("* 2")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(screen.contains(Self.prompt + "pipeline_value * 2\n84"))
    }

    @Test("Tab completes commands and lists several candidates")
    func completesCommands() async throws {
        let workspace = try Workspace()
        let repl = try start([workspace.path("plan.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type(":expl")
        try repl.send(keys: "Tab")
        try await repl.waitFor(Self.prompt + ":explain")
        try repl.type(" rev")
        try repl.send(keys: "Tab")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 2)
        #expect(screen.contains("revenue "))
        #expect(screen.contains("└─ deal_value"))
    }

    @Test("Ctrl-D on a new model with changes asks for a file name and saves there")
    func endOfInputSavesNewModel() async throws {
        let workspace = try Workspace()
        let repl = try await startWithUnsavedEdit(nil, edit: "x = 5", in: workspace)
        defer { repl.close() }
        try repl.send(keys: "C-d")
        try await repl.waitFor("save changes? [y/n] ")
        try repl.type("y")
        try repl.send(keys: "Enter")
        try await repl.waitFor("save to file: ")
        try repl.type("fresh.model")
        try repl.send(keys: "Enter")
        #expect(try await repl.waitForExit() == 0)
        #expect(try workspace.read("fresh.model") == "x = 5\n")
    }

    @Test("Up recalls a line entered in an earlier run")
    func historyAcrossRuns() async throws {
        let workspace = try Workspace()
        let history = workspace.path("history")
        do {
            let first = try start(history: history, in: workspace)
            defer { first.close() }
            try await first.waitFor(Self.prompt)
            try first.type("6 * 7")
            try first.send(keys: "Enter")
            try await first.waitFor("42")
            try await first.waitFor(Self.prompt, occurrences: 2)
            try first.send(keys: "C-d")
            #expect(try await first.waitForExit() == 0)
        }
        #expect(try String(contentsOfFile: history, encoding: .utf8).contains("6"))
        let second = try start(history: history, in: workspace)
        defer { second.close() }
        try await second.waitFor(Self.prompt)
        try second.send(keys: "Up")
        try await second.waitFor(Self.prompt + "6 * 7")
        try second.send(keys: "Enter")
        try await second.waitFor("42")
    }

    @Test("Ctrl-C cancels the line and keeps the session")
    func interruptKeepsSession() async throws {
        let workspace = try Workspace()
        let repl = try await startWithUnsavedEdit(nil, edit: "x = 5", in: workspace)
        defer { repl.close() }
        try repl.type("this line is abandoned")
        // Ctrl-C once libedit has drawn the line, i.e. is waiting for a key: a Ctrl-C that lands
        // while it is still busy with the typed keys is lost (see the note in InterruptCatcher).
        try await repl.waitFor(Self.prompt + "this line is abandoned")
        try repl.send(keys: "C-c")
        try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(repl.exitStatus == nil)
        try repl.type("x + 1")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 4)
        #expect(screen.contains(Self.prompt + "x + 1\n6"))
        #expect(!screen.contains("abandoned\n"))
    }

    @Test("Ctrl-D on an empty line quits at once when nothing changed")
    func endOfInputQuits() async throws {
        let workspace = try Workspace()
        let repl = try start([workspace.path("plan.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.send(keys: "C-d")
        #expect(try await repl.waitForExit() == 0)
        #expect(!(try repl.screen().contains("save changes")))
    }

    @Test("Ctrl-D with unsaved changes asks first; y saves to the model's file")
    func endOfInputAsksToSave() async throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let repl = try await startWithUnsavedEdit(model, in: workspace)
        defer { repl.close() }
        try repl.send(keys: "C-d")
        try await repl.waitFor("save changes to \(model)? [y/n] ")
        try repl.type("y")
        try repl.send(keys: "Enter")
        #expect(try await repl.waitForExit() == 0)
        #expect(try repl.screen().contains("saved \(model)"))
        #expect(try workspace.read("plan.model").contains("leads = 150\n"))
    }

    @Test("answering n quits without saving; Ctrl-C at the question goes back to the REPL")
    func declineOrCancelSaving() async throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let repl = try await startWithUnsavedEdit(model, in: workspace)
        defer { repl.close() }
        try repl.type(":quit")
        try repl.send(keys: "Enter")
        try await repl.waitFor("[y/n] ")
        try repl.send(keys: "C-c")
        try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(repl.exitStatus == nil)
        try repl.send(keys: "C-d")
        try await repl.waitFor("[y/n] ", occurrences: 2)
        try repl.type("n")
        try repl.send(keys: "Enter")
        #expect(try await repl.waitForExit() == 0)
        #expect(try workspace.read("plan.model") == Workspace.model)
    }

    @Test("Ctrl-D at the save question cancels: the session and its edit stay")
    func endOfInputAtQuestionCancels() async throws {
        let workspace = try Workspace()
        let repl = try await startWithUnsavedEdit(workspace.path("plan.model"), in: workspace)
        defer { repl.close() }
        try repl.send(keys: "C-d")
        try await repl.waitFor("[y/n] ")
        try repl.send(keys: "C-d")
        try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(repl.exitStatus == nil)
        try repl.type("leads")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 4)
        #expect(screen.contains(Self.prompt + "leads\n150"))
        #expect(try workspace.read("plan.model") == Workspace.model)
    }

    @Test(":load and :new with unsaved edits ask first; n goes on, Ctrl-C keeps the edit")
    func replacingTheModelAsks() async throws {
        let workspace = try Workspace()
        try workspace.write("other.model", "other = 7\n")
        let repl = try await startWithUnsavedEdit(workspace.path("plan.model"), in: workspace)
        defer { repl.close() }
        try repl.type(":new")
        try repl.send(keys: "Enter")
        try await repl.waitFor("[y/n] ")
        try repl.send(keys: "C-c")
        try await repl.waitFor(Self.prompt, occurrences: 3)
        try repl.type(":load other.model")
        try repl.send(keys: "Enter")
        try await repl.waitFor("[y/n] ", occurrences: 2)
        try repl.type("n")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 4)
        #expect(screen.contains("now editing other.model"))
        #expect(!screen.contains("now editing a model with no file yet"))
        #expect(try workspace.read("plan.model") == Workspace.model)
    }

    @Test("an edit taken back with :undo leaves nothing to ask at Ctrl-D")
    func undoneEditQuitsWithoutQuestion() async throws {
        let workspace = try Workspace()
        let repl = try await startWithUnsavedEdit(workspace.path("plan.model"), in: workspace)
        defer { repl.close() }
        try repl.type(":undo")
        try repl.send(keys: "Enter")
        try await repl.waitFor(Self.prompt, occurrences: 3)
        try repl.send(keys: "C-d")
        #expect(try await repl.waitForExit() == 0)
        #expect(!(try repl.screen().contains("[y/n]")))
    }

    @Test("y at Ctrl-D does not replace a write-protected file or one changed on disk; the session stays")
    func saveAtLeavingRefusesWhatWouldLoseWork() async throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let repl = try await startWithUnsavedEdit(model, in: workspace)
        defer { repl.close() }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: model)
        try repl.send(keys: "C-d")
        try await repl.waitFor("[y/n] ")
        try repl.type("y")
        try repl.send(keys: "Enter")
        // The messages are longer than the window is wide: compared with its rows joined.
        let refused = try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(refused.replacingOccurrences(of: "\n", with: "")
            .contains("error: \(model): the file is write-protected: `:save!` replaces it"))
        #expect(repl.exitStatus == nil)
        #expect(try workspace.read("plan.model") == Workspace.model)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: model)
        try workspace.write("plan.model", "leads = 999\n")
        try repl.send(keys: "C-d")
        try await repl.waitFor("[y/n] ", occurrences: 2)
        try repl.type("y")
        try repl.send(keys: "Enter")
        let changed = try await repl.waitFor(Self.prompt, occurrences: 4)
        #expect(changed.replacingOccurrences(of: "\n", with: "")
            .contains("the file changed on disk since it was loaded: `:save!` overwrites, `:load` rereads"))
        #expect(repl.exitStatus == nil)
        #expect(try workspace.read("plan.model") == "leads = 999\n")
        try repl.type(":save!")
        try repl.send(keys: "Enter")
        try await repl.waitFor("saved \(model)")
        try repl.send(keys: "C-d")
        #expect(try await repl.waitForExit() == 0)
        #expect(try workspace.read("plan.model").contains("leads = 150\n"))
    }

    @Test(":export to /dev/stdout writes to the terminal, which stays a device")
    func exportToTerminal() async throws {
        let workspace = try Workspace()
        let repl = try start([workspace.path("plan.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type(":export csv /dev/stdout")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 2)
        #expect(screen.contains("name,value\nleads,120\n"))
        #expect(screen.contains("exported 7 cells to /dev/stdout"))
        try repl.send(keys: "C-d")
        #expect(try await repl.waitForExit() == 0)
    }
}
