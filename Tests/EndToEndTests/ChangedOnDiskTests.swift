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
    ) throws -> (status: Int32, output: String, errors: String) {
        let executable = try #require(Leadlag.path, "the leadlag executable was not found")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = KillAtDeadline(process: process, after: .seconds(120))
        input.fileHandleForWriting.write(Data(before.utf8))
        var shown = Data()
        while !shown.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            shown += more
        }
        try meanwhile()
        input.fileHandleForWriting.write(Data(after.utf8))
        try input.fileHandleForWriting.close()
        shown += output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(!deadline.finish(), "leadlag hung")
        return (process.terminationStatus, String(decoding: shown, as: UTF8.self), String(decoding: complaints, as: UTF8.self))
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
