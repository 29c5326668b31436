import Foundation
import Testing

/// The notes of a questionable edit at the binary: a script's on standard error with its file and
/// line, `eval --set`'s on standard error; the edit is made either way.
@Suite("Edit notes through leadlag run and eval --set")
struct EditNoteCommandLineTests {
    @Test("a script that types a plain number into a percent cell gets a located warning and goes on")
    func script() throws {
        let workspace = try Workspace()
        try workspace.write("try.leadlag", "leads = 150\nwin_rate = 40\n:assert win_rate == 40\n")
        let outcome = try Leadlag.run(["run", workspace.path("try.leadlag"), "--model", workspace.path("plan.model")])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let script = workspace.path("try.leadlag")
        #expect(outcome.errors == """
            \(script):2: warning: win_rate was a percent: did you mean 40%? (:undo restores 33%)
            3 lines, 1 assertion passed

            """)
        #expect(outcome.output.contains("win_rate"))
    }

    @Test("eval --set over a lag indicator is allowed, with the warning on standard error")
    func evalSetLagIndicator() throws {
        let workspace = try Workspace()
        let outcome = try Leadlag.run([
            "eval", workspace.path("plan.model"), "--set", "opportunities=20", "--get", "wins", "--format", "csv",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.output == "name,value\nwins,6.6\n")
        #expect(outcome.errors
                == "warning: --set opportunities=20: opportunities was leads * conversion; it is now a fixed value\n")
    }

    @Test("eval --set of a plain number into a percent cell warns on standard error")
    func evalSetPercent() throws {
        let workspace = try Workspace()
        let outcome = try Leadlag.run(["eval", workspace.path("plan.model"), "--set", "win_rate=40", "--get", "wins", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "name,value\nwins,720\n")
        #expect(outcome.errors == "warning: --set win_rate=40: win_rate was a percent: did you mean 40%?\n")
    }
}
