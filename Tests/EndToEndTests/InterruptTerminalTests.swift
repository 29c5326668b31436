import Foundation
import Testing

/// Ctrl-C while a long command runs, at a real terminal: the command stops, the session stays.
extension ReplTerminalTests {
    /// `x` and `y` feed a chain of 5,000 cells, so every point of a table of `c5000` recomputes
    /// all of them: a 500 × 500 table is over a billion cell evaluations, minutes of work.
    static let longChain: String = {
        var lines = ["x = 1", "y = 1", "c1 = x + y"]
        for index in 2...5000 { lines.append("c\(index) = c\(index - 1) + x") }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("Ctrl-C stops a long :table: its message starts a new line and the prompt returns")
    func interruptStopsALongTable() async throws {
        let workspace = try Workspace()
        try workspace.write("chain.model", Self.longChain)
        let repl = try start([workspace.path("chain.model")], history: workspace.path("history"), in: workspace)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        let command = ":table c5000 by x 1..500 step 1, y 1..500 step 1"
        try repl.type(command)
        try await repl.waitFor(Self.prompt + command)
        try repl.send(keys: "Enter")
        // Time for Enter to reach the REPL and the table to start: it then computes for minutes.
        // (A Ctrl-C that came before Enter would cancel the line instead, and the wait below fail.)
        try await Task.sleep(for: .seconds(1))
        try repl.send(keys: "C-c")
        // A bounded wait, not a timing: the table alone would run for minutes.
        try await repl.waitFor("stopped (Ctrl-C): nothing was changed", timeout: .seconds(10))
        // The screen is read once the prompt is back: until the next line is written, the message's
        // line break is not on it yet.
        let screen = try await repl.waitFor(Self.prompt, occurrences: 2, timeout: .seconds(10))
        // The message starts a line, under the ^C the terminal echoed.
        #expect(screen.contains(command + "\n^C\nerror: stopped (Ctrl-C): nothing was changed\n"), "\(screen)")
        #expect(repl.exitStatus == nil)
        try repl.type("c3")
        try repl.send(keys: "Enter")
        let after = try await repl.waitFor(Self.prompt, occurrences: 3)
        #expect(after.contains(Self.prompt + "c3\n4"), "\(after)")
    }
}
