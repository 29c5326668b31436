import Foundation
import Testing

/// A model file changed by someone else while leadlag has it open (a teammate's `git pull`):
/// `:save` refuses to overwrite their work, `:save!` overwrites, `:load` rereads.
@Suite("A file changed on disk")
struct ChangedOnDiskTests {
    /// Runs the REPL on piped input in two parts: `before`, then (once its first output line is
    /// out, so the model is loaded and edited) `meanwhile` runs, then `after`.
    private func run(
        _ arguments: [String], before: String, meanwhile: () throws -> Void, after: String
    ) throws -> Leadlag.Outcome {
        let running = try Leadlag.Running(arguments)
        running.send(before)
        let shown = running.firstOutputLine()
        try meanwhile()
        let outcome = try running.finish(input: after, shown: shown)
        #expect(!outcome.timedOut, "leadlag hung")
        return outcome
    }

    @Test(":save refuses to overwrite a file changed since it was loaded; :save! overwrites")
    func saveRefusesThenOverwrites() throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let teammates = Workspace.model.replacingOccurrences(of: "leads = 120", with: "leads = 200  # from the CRM")
        let outcome = try run(
            [model], before: "leads = 150\n", meanwhile: { try workspace.write("plan.model", teammates) },
            after: ":save\n:save!\n")
        #expect(outcome.errors.contains(
            "<stdin>:2: error: \(model): the file changed on disk since it was loaded: `:save!` overwrites, `:load` rereads"))
        #expect(outcome.output.hasSuffix("saved \(model)\n"))
        #expect(outcome.output.components(separatedBy: "saved").count == 2)
        #expect(try workspace.read("plan.model").contains("leads = 150\n"))
    }

    @Test("the refused save leaves the teammate's file as it is; :load rereads it")
    func loadRereads() throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let teammates = Workspace.model.replacingOccurrences(of: "leads = 120", with: "leads = 200")
        let outcome = try run(
            [model], before: "leads = 150\n", meanwhile: { try workspace.write("plan.model", teammates) },
            after: ":save\n:load\nleads\n")
        #expect(outcome.status == 1)
        #expect(outcome.output.hasSuffix("now editing \(model): 7 cells, 1 goal, 0 scenarios\n200\n"))
        #expect(try workspace.read("plan.model") == teammates)
    }

    @Test("a file rewritten with the same text does not count as changed")
    func sameContentIsNoChange() throws {
        let workspace = try Workspace()
        let model = workspace.path("plan.model")
        let outcome = try run(
            [model], before: "leads = 150\n", meanwhile: { try workspace.write("plan.model", "# a note\n" + Workspace.model); try workspace.write("plan.model", Workspace.model) },
            after: ":save\n")
        #expect(outcome.status == 0)
        #expect(outcome.output.hasSuffix("saved \(model)\n"))
    }
}
