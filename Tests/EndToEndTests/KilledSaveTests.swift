import Foundation
import Testing

/// Fault injection: `kill -9` lands at random moments while the REPL saves a large model
/// over and over. Whatever the moment, the file on disk is the whole old text or the whole
/// new one, and the temporary file a killed save leaves is removed by the next save.
@Suite("kill -9 during :save never leaves a torn file")
struct KilledSaveTests {
    static let trials = 20
    static let cells = 6_000

    /// `c0 = FIRST`, then thousands of cells with comments: about 380 KB, so a save takes a while.
    static func model(first: Int) -> String {
        var lines = ["c0 = \(first)"]
        for index in 1..<cells { lines.append("c\(index) = \(index)   # an input with a comment to make the file long") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the REPL on `plan.model` with `script` as its input, its output into a file, and kills
    /// it `delay` after its first save is done (or lets it finish when nil); returns its process id
    /// once it has exited.
    static func runREPL(in workspace: borrowing Workspace, script: String, killAfter delay: Duration?) async throws -> Int32 {
        try workspace.write("script.txt", script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Leadlag.path, "the leadlag executable was not found"))
        process.arguments = ["plan.model"]
        process.currentDirectoryURL = workspace.folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": workspace.folder.path]
        process.standardInput = try FileHandle(forReadingFrom: workspace.folder.appendingPathComponent("script.txt"))
        FileManager.default.createFile(atPath: workspace.path("output.txt"), contents: nil)
        let output = try FileHandle(forWritingTo: workspace.folder.appendingPathComponent("output.txt"))
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = KillAtDeadline(process: process, after: .seconds(120))
        if let delay {
            // Loading the large model takes a while: the kills aim at the saves, not at the load.
            while process.isRunning, !((try? workspace.read("output.txt")) ?? "").contains("saved") { usleep(5000) }
            try await Task.sleep(for: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(!deadline.finish(), "the REPL did not finish its script in time")
        return process.processIdentifier
    }

    static func temporaries(in workspace: borrowing Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("20 kills at random moments: the file is always the whole old or the whole new text")
    func killsDuringSave() async throws {
        let workspace = try Workspace()
        let old = Self.model(first: 1)
        let new = Self.model(first: 2)
        try workspace.write("plan.model", old)
        // Saves back to back, alternating the two texts, so most moments fall inside a save.
        let script = String(repeating: "c0 = 2\n:save\nc0 = 1\n:save\n", count: 200) + ":quit\n"
        var outcomes: [String: Int] = [:]
        for trial in 0..<Self.trials {
            let delay = Duration.milliseconds(Int.random(in: 0...500))
            let pid = try await Self.runREPL(in: workspace, script: script, killAfter: delay)
            let text = try workspace.read("plan.model")
            let whole = text == old ? "old" : text == new ? "new" : nil
            #expect(whole != nil, "trial \(trial), killed after \(delay): the file is torn (\(text.utf8.count) bytes)")
            let temporaries = try Self.temporaries(in: workspace)
            // Each run saved at least once, which removed what the runs killed before it left.
            #expect(temporaries.allSatisfy { $0.hasPrefix(".plan.model.\(pid).") }, "trial \(trial): \(temporaries)")
            let leftOver = temporaries.isEmpty ? "" : " with a temporary left"
            outcomes["\(whole ?? "torn")\(leftOver)", default: 0] += 1
        }
        print("kill -9 during :save, \(Self.trials) trials: \(outcomes.sorted { $0.key < $1.key })")

        // A save that is not killed cleans up what the killed ones left.
        print("temporaries left by the last killed save: \(try Self.temporaries(in: workspace))")
        _ = try await Self.runREPL(in: workspace, script: "c0 = 3\n:save\n:quit\n", killAfter: nil)
        #expect(try workspace.read("plan.model") == Self.model(first: 3))
        #expect(try Self.temporaries(in: workspace).isEmpty)
    }
}
