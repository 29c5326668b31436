import Foundation
import Testing

/// FIFOs, devices, folders and leftovers given where a model, a script or an output file
/// belongs, through the binary: refused at once or written through, never a hang, and
/// never a special file turned into a plain one.
@Suite("Special files through the binary")
struct SpecialFileTests {
    /// Long enough for a loaded machine, short enough that a hang fails the test instead of the run.
    static let hangLimit: Duration = .seconds(30)

    private func makeFIFO(_ name: String, in workspace: borrowing Workspace) throws -> String {
        let path = workspace.path(name)
        try #require(mkfifo(path, 0o600) == 0, "mkfifo failed")
        return path
    }

    private func isFIFO(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
    }

    @Test("a FIFO as model or script is refused at once with exit 2", arguments: [
        ["check", "FIFO"], ["eval", "FIFO"], ["FIFO"], ["run", "FIFO"], ["run", "SCRIPT", "--model", "FIFO"],
    ])
    func fifoIsRefused(arguments: [String]) throws {
        let workspace = try Workspace()
        let fifo = try makeFIFO("plan.fifo", in: workspace)
        try workspace.write("script.leadlag", "1 + 1\n")
        let resolved = arguments.map { $0 == "FIFO" ? fifo : $0 == "SCRIPT" ? workspace.path("script.leadlag") : $0 }
        let outcome = try Leadlag.run(resolved, input: "1\n", timeout: Self.hangLimit)
        #expect(!outcome.timedOut, "leadlag \(arguments) hung on a FIFO")
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("\(fifo): error: "))
        #expect(outcome.errors.contains("not a regular file"))
        #expect(outcome.output.isEmpty)
    }

    @Test(":load of a FIFO fails at once and the session goes on")
    func loadFIFO() throws {
        let workspace = try Workspace()
        let fifo = try makeFIFO("plan.fifo", in: workspace)
        let outcome = try Leadlag.run([workspace.path("plan.model")], input: ":load \(fifo)\nleads\n", timeout: Self.hangLimit)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("\(fifo): error: not a regular file"))
        #expect(outcome.output == "120\n")
    }

    @Test(":save refuses a FIFO and a folder; both stay what they were")
    func saveRefusesSpecialFiles() throws {
        let workspace = try Workspace()
        let fifo = try makeFIFO("out.fifo", in: workspace)
        let folder = workspace.path("plans")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let outcome = try Leadlag.run(
            [workspace.path("plan.model")], input: ":save \(fifo)\n:save \(folder)/\n", timeout: Self.hangLimit)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("<stdin>:1: error: \(fifo): not a regular file"))
        #expect(outcome.errors.contains("<stdin>:2: error: \(folder)/: is a directory: give a file name"))
        #expect(isFIFO(fifo))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).sorted()
            == ["out.fifo", "plan.model", "plans"])
    }

    @Test(":export writes through a FIFO that a program reads, and the FIFO stays a FIFO")
    func exportThroughFIFO() throws {
        let workspace = try Workspace()
        let fifo = try makeFIFO("values.fifo", in: workspace)
        // The reading end, open before leadlag writes; the values fit the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let outcome = try Leadlag.run(
            [workspace.path("plan.model")], input: ":export csv \(fifo)\n", timeout: Self.hangLimit)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 0)
        #expect(outcome.output == "exported 7 cells to \(fifo)\n")
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        let received = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        #expect(received.hasPrefix("name,value\nleads,120\n"))
        #expect(isFIFO(fifo))
    }

    @Test(":export to a FIFO nobody reads is refused at once")
    func exportToUnreadFIFO() throws {
        let workspace = try Workspace()
        let fifo = try makeFIFO("values.fifo", in: workspace)
        let outcome = try Leadlag.run(
            [workspace.path("plan.model")], input: ":export csv \(fifo)\n", timeout: Self.hangLimit)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("\(fifo): no program is reading from this FIFO"))
        #expect(isFIFO(fifo))
    }

    @Test(":export to - and to /dev/stdout prints the values in order with the rest of the output")
    func exportToStandardOutput() throws {
        let workspace = try Workspace()
        let outcome = try Leadlag.run(
            [workspace.path("plan.model")], input: "leads\n:export csv -\n:export csv /dev/stdout\nleads\n",
            timeout: Self.hangLimit)
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The header and one row per cell, twice: once for -, once through /dev/stdout.
        let values = Array(lines.dropFirst().prefix(8))
        #expect(values.first == "name,value")
        #expect(values.dropFirst().first == "leads,120")
        #expect(lines == ["120"] + values + values + ["exported 7 cells to /dev/stdout", "120", ""])
    }

    @Test("a save removes the temporaries a killed save left, and only those")
    func staleTemporariesAreRemoved() throws {
        let workspace = try Workspace()
        let killed = try killedProcessID()
        let stale = ".plan.model.\(killed).1234567.tmp"
        let live = ".plan.model.\(getpid()).7654321.tmp"
        let otherModel = ".other.model.\(killed).1234567.tmp"
        for name in [stale, live, otherModel] { try workspace.write(name, "half a fi") }
        let outcome = try Leadlag.run([workspace.path("plan.model")], input: "leads = 150\n:save\n", timeout: Self.hangLimit)
        #expect(outcome.status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).sorted()
        #expect(left == [live, otherModel, "plan.model"].sorted())
        #expect(try workspace.read("plan.model").contains("leads = 150\n"))
    }

    /// The id of a process that was killed with SIGKILL and is gone, as a save killed halfway leaves it.
    private func killedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["600"]
        try process.run()
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        return pid
    }

    @Test("a model or script with old Mac line ends (CR only) reads line by line; the model saves byte for byte")
    func carriageReturnLineEnds() throws {
        let workspace = try Workspace()
        let text = "# plan\rleads = 120\rwins = leads * 10%\r"
        try workspace.write("mac.model", text)
        let check = try Leadlag.run(["check", workspace.path("mac.model")])
        #expect(check.output == "\(workspace.path("mac.model")): ok (2 cells, 0 goals, 0 scenarios)\n")
        let saved = try Leadlag.run([workspace.path("mac.model")], input: ":save\nwins\n")
        #expect(saved.status == 0)
        #expect(saved.output.hasSuffix("12\n"))
        #expect(try workspace.read("mac.model") == text)
        try workspace.write("mac.leadlag", "wins = leads * 20%\r:assert wins == 24\rwins\r")
        let script = try Leadlag.run(["run", workspace.path("mac.leadlag"), "--model", workspace.path("mac.model")])
        #expect(script.status == 0)
        #expect(script.output.hasSuffix("24\n"))
    }

    @Test("invalid UTF-8 in a comment is an error at its line and column, and the file is left alone")
    func invalidUTF8InComment() throws {
        let workspace = try Workspace()
        let path = workspace.path("latin1.model")
        let bytes = Array("leads = 120\nwins = leads  # M".utf8) + [0xFC] + Array("ller's number\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let outcome = try Leadlag.run(["check", path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix("\(path):2:18: error: invalid UTF-8 byte 0xFC"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }
}
