import Foundation
import Testing

/// Escape bytes in a model, a script, a path or an argument never reach the terminal raw
/// from the binary: every echo shows them as `^[` or `\x9b`.
@Suite("Control characters in echoed text, through the built binary")
struct VisibleEchoCommandLineTests {
    /// No ESC and no C1 control (U+0080–U+009F) in the text.
    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0x1B || (0x80..<0xA0).contains($0.value) }
    }

    @Test("a warning on a line with an escape in its comment, in check and at load in run")
    func commentInModel() throws {
        let workspace = try Workspace()
        try workspace.write("odd.model", "leads = 120\nwins = lead * 2   # \u{1B}[8mhidden \u{9B}2J\n")
        let check = try Leadlag.run(["check", workspace.path("odd.model")])
        #expect(check.errors.contains("# ^[[8mhidden \\x9b2J"), "\(check.errors)")
        #expect(Self.isClean(check.errors) && Self.isClean(check.output))
        try workspace.write("s.leadlag", ":show \u{1B}[8mwins\n")
        let run = try Leadlag.run(["run", workspace.path("s.leadlag"), "--model", workspace.path("odd.model")])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: no cell named '^[[8mwins'"), "\(run.errors)")
        #expect(Self.isClean(run.errors) && Self.isClean(run.output))
    }

    @Test("a path or a name given on the command line is echoed escaped", arguments: [
        ["check", "\u{1B}[8mmissing.model"],
        ["eval", "PLAN", "--get", "\u{1B}[8mrevenue"],
        ["eval", "PLAN", "--set", "\u{9B}2J=1"],
        ["eval", "PLAN", "--scenario", "\u{1B}[8mbest"],
        ["run", "\u{1B}[8mmissing.leadlag"],
        ["--\u{1B}[8m"],
    ])
    func arguments(_ arguments: [String]) throws {
        let workspace = try Workspace()
        let outcome = try Leadlag.run(arguments.map { $0 == "PLAN" ? workspace.path("plan.model") : $0 })
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("^[[8m") || outcome.errors.contains("\\x9b2J"), "\(outcome.errors)")
        #expect(Self.isClean(outcome.errors) && Self.isClean(outcome.output))
    }

    @Test("check names a model file whose name holds an escape escaped")
    func checkedPath() throws {
        let workspace = try Workspace()
        try workspace.write("\u{1B}[8mplan.model", Workspace.model)
        let outcome = try Leadlag.run(["check", workspace.path("\u{1B}[8mplan.model")])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasSuffix("^[[8mplan.model: ok (7 cells, 1 goal, 0 scenarios)\n"), "\(outcome.output)")
        #expect(Self.isClean(outcome.output))
    }
}
