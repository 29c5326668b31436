import Foundation
import Testing

/// The habits a person brings from other REPLs and editors, at a real terminal: pasting a line
/// with its prompt, opening a file that does not exist yet, editing the model in $EDITOR.
extension ReplTerminalTests {
    @Test("a line pasted with the prompt in front runs as the text after it")
    func pastedPrompt() async throws {
        let workspace = try Workspace()
        let repl = try start([workspace.path("plan.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type("leadlag> leads = 150")
        try repl.send(keys: "Enter")
        // The pasted prompt is on the screen too: the next prompt is the third.
        let screen = try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(screen.contains("leads            120 → 150      +25%"), "\(screen)")
    }

    @Test("leadlag NEW.model opens an empty model that :save writes to that path")
    func newFile() async throws {
        let workspace = try Workspace()
        let repl = try start(
            [workspace.path("new.model")], history: workspace.path("history"), in: workspace, columns: 200)
        defer { repl.close() }
        try await repl.waitFor("new.model (a new file: :save writes it)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("new.model")))
        try repl.type("x = 5")
        try repl.send(keys: "Enter")
        try await repl.waitFor(Self.prompt, occurrences: 2)
        try repl.type(":save")
        try repl.send(keys: "Enter")
        try await repl.waitFor("saved \(workspace.path("new.model"))")
        #expect(try workspace.read("new.model") == "x = 5\n")
    }

    @Test(":edit runs $EDITOR on the file at the terminal and loads the result")
    func editInEditor() async throws {
        let workspace = try Workspace()
        let repl = try start(
            [workspace.path("plan.model")], history: workspace.path("history"), in: workspace,
            environment: ["EDITOR": "sed -i s/120/150/"])
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type(":edit")
        try repl.send(keys: "Enter")
        try await repl.waitFor("now editing \(workspace.path("plan.model"))")
        try await repl.waitFor(Self.prompt, occurrences: 2)
        try repl.type("leads")
        try repl.send(keys: "Enter")
        let screen = try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(screen.contains(Self.prompt + "leads\n150"), "\(screen)")
        #expect(try workspace.read("plan.model").contains("leads = 150\n"))
    }
}

extension ReplTerminalTests {
    @Test("a table typed after the window shrank fits the new width")
    func resizeIsSeen() async throws {
        let workspace = try Workspace()
        try workspace.write("long.model", "leads = 120\nrevenue = leads * 2 + leads * 3 + leads * 4 + leads * 5 + leads * 6 + leads * 7\n")
        let repl = try start([workspace.path("long.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        try repl.type(":list")
        try repl.send(keys: "Enter")
        let wide = try await repl.waitFor(Self.prompt, occurrences: 2)
        #expect(wide.contains("leads * 6 + leads * 7"))
        try repl.resize(columns: 40)
        try repl.type(":list")
        try repl.send(keys: "Enter")
        let narrow = try await repl.waitFor(Self.prompt, occurrences: 3)
        let afterResize = narrow.components(separatedBy: Self.prompt + ":list").last ?? ""
        let revenueLine = afterResize.split(separator: "\n").first { $0.hasPrefix("revenue") }
        #expect(revenueLine.map { $0.count <= 40 && $0.hasSuffix("…") } == true, "\(afterResize)")
    }
}

extension ReplTerminalTests {
    @Test("the banner wraps at spaces on a narrow terminal")
    func bannerWraps() async throws {
        let workspace = try Workspace()
        // The model named from its folder, so no word is longer than a line.
        let repl = try start(["plan.model"], history: workspace.path("history"), in: workspace, columns: 40)
        defer { repl.close() }
        let screen = try await repl.waitFor(Self.prompt)
        let banner = screen.components(separatedBy: "\nType :help")[0].split(separator: "\n")
        #expect(banner.count > 1)
        #expect(banner.allSatisfy { $0.count <= 40 }, "\(banner)")
        let joined = banner.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined == "leadlag — plan.model (7 cells, 1 goal, 0 scenarios)")
    }
}
