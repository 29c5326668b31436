import Foundation
import Testing

/// The built `leadlag` executable and a way to run it to completion.
///
/// `swift build` puts it next to the test bundle; `LEADLAG_BIN` points elsewhere.
enum Leadlag {
    static let path: String? = {
        if let explicit = ProcessInfo.processInfo.environment["LEADLAG_BIN"], !explicit.isEmpty { return explicit }
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("leadlag"),
            bundle.appendingPathComponent("leadlag"),
            URL(fileURLWithPath: CommandLine.arguments[0])
                .deletingLastPathComponent().appendingPathComponent("leadlag"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
        /// True when the program was still running at the deadline and was killed.
        var timedOut = false
    }

    /// Runs `leadlag ARGUMENTS` with `input` on standard input (empty when nil) and waits for it,
    /// killing it after `timeout` so that a program that hangs fails its test instead of the whole run.
    static func run(
        _ arguments: [String], input: String? = nil, in folder: URL? = nil, timeout: Duration = .seconds(120)
    ) throws -> Outcome {
        let running = try Running(arguments, in: folder, timeout: timeout)
        return try running.finish(input: input ?? "")
    }

    /// A started `leadlag` with pipes on its three streams.
    struct Running {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        let deadline: KillAtDeadline

        init(_ arguments: [String], in folder: URL? = nil, timeout: Duration = .seconds(120)) throws {
            let executable = try #require(path, "the leadlag executable was not found; build it first or set LEADLAG_BIN")
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "HOME": NSTemporaryDirectory()]
            if let folder { process.currentDirectoryURL = folder }
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            deadline = KillAtDeadline(process: process, after: timeout)
        }

        /// Writes `text` to the program's standard input, which stays open.
        func send(_ text: String) {
            input.fileHandleForWriting.write(Data(text.utf8))
        }

        /// Standard output up to the end of its first line (what the program has answered so far).
        func firstOutputLine() -> Data {
            var shown = Data()
            while !shown.contains(UInt8(ascii: "\n")) {
                let more = output.fileHandleForReading.availableData
                if more.isEmpty { break }
                shown += more
            }
            return shown
        }

        /// Sends the rest of the input, closes it, and waits for the program; `shown` is output read earlier.
        func finish(input text: String, shown: Data = Data()) throws -> Outcome {
            // Write the input and read both pipes at the same time, so neither a large input nor a
            // large output can block the program while the other waits.
            let writing = LockedData()
            let writer = Thread { [self] in
                send(text)
                try? input.fileHandleForWriting.close()
                writing.set(Data())
            }
            writer.start()
            let errorData = LockedData()
            let errorReader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
            errorReader.start()
            let rest = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            while !errorData.isSet || !writing.isSet { usleep(1000) }
            return Outcome(
                status: process.terminationStatus,
                output: String(decoding: shown + rest, as: UTF8.self),
                errors: String(decoding: errorData.value, as: UTF8.self),
                timedOut: deadline.finish())
        }
    }
}

/// Kills a process still running at a deadline; `finish()` says whether it had to.
final class KillAtDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var killed = false

    init(process: Process, after timeout: Duration) {
        let pid = process.processIdentifier
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                guard !done else { return }
                killed = true
                kill(pid, SIGKILL)
            }
        }
    }

    /// Called once the process has exited: no kill after this.
    func finish() -> Bool {
        lock.withLock {
            done = true
            return killed
        }
    }
}

/// Data handed from the thread that drains standard error.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// A scratch folder with a model file in it.
struct Workspace: ~Copyable {
    let folder: URL

    static let model = """
        # a bottoms-up plan
        leads = 120
        conversion = 15%
        opportunities = leads * conversion
        win_rate = 33%
        wins = opportunities * win_rate
        deal_value = $2400
        revenue = wins * deal_value
        goal revenue >= 15k

        """

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write("plan.model", Self.model)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}

@Suite("leadlag run SCRIPT and piped input, through the built binary")
struct RunCommandTests {
    @Test("a script that succeeds prints its output without escape codes and exits 0")
    func success() throws {
        let workspace = try Workspace()
        try workspace.write("ok.leadlag", "leads = 150\n:assert revenue > 15k\nrevenue\n")
        let outcome = try Leadlag.run(["run", workspace.path("ok.leadlag"), "--model", workspace.path("plan.model")])
        #expect(outcome.status == 0)
        #expect(outcome.output == """
            leads            120 → 150      +25%
            opportunities     18 → 22.5     +25%
            wins            5.94 → 7.43     +25%
            revenue      $14,256 → $17,820  +25%
            goal revenue >= 15k: now met ($17,820, ahead by $2,820)
            $17,820

            """)
        #expect(outcome.errors == "3 lines, 1 assertion passed\n")
        #expect(!outcome.output.contains("\u{1B}"))
    }

    @Test("run --quiet prints nothing when all goes well, and only the error when not")
    func quiet() throws {
        let workspace = try Workspace()
        try workspace.write("ok.leadlag", "leads = 150\n:assert revenue > 15k\n:assert wins > 1\nrevenue\n")
        let model = workspace.path("plan.model")
        let ok = try Leadlag.run(["run", workspace.path("ok.leadlag"), "--model", model, "--quiet"])
        #expect(ok.status == 0)
        #expect(ok.output.isEmpty)
        #expect(ok.errors.isEmpty)
        let loud = try Leadlag.run(["run", workspace.path("ok.leadlag"), "--model", model])
        #expect(loud.errors == "4 lines, 2 assertions passed\n")
        try workspace.write("bad.leadlag", "leads = 150\n:assert revenue > 50k\n")
        let bad = try Leadlag.run(["run", workspace.path("bad.leadlag"), "--model", model, "--quiet"])
        #expect(bad.status == 1)
        #expect(bad.output.isEmpty)
        #expect(bad.errors.hasPrefix(workspace.path("bad.leadlag") + ":2: error: assertion failed"))
        #expect(!bad.errors.contains("passed"))
    }

    @Test("a failed :assert stops the script with SCRIPT:LINE and exits 1; nothing after it runs")
    func failedAssertion() throws {
        let workspace = try Workspace()
        let script = workspace.path("check.leadlag")
        let save = ":save \(workspace.path("out.model"))"
        try workspace.write("check.leadlag", "# check the plan\n:assert revenue >= 15k\n\(save)\n")
        let outcome = try Leadlag.run(["run", script, "--model", workspace.path("plan.model")])
        #expect(outcome.status == 1)
        #expect(outcome.errors == "\(script):2: error: assertion failed: revenue >= 15k (false, revenue = $14,256)\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out.model")))
    }

    @Test("an error in a script stops it with SCRIPT:LINE and exits 1", arguments: [
        ("leads = revenue", ":2: error: cycle: "),
        ("wins = (", ":2:9: error: "),
        (":nope", ":2: error: unknown command ':nope' (try :help)"),
        (":rename leads", ":2: error: rename wants two names, the old one and the new one\nUsage: :rename OLD NEW"),
    ])
    func errorStops(line: String, message: String) throws {
        let workspace = try Workspace()
        let script = workspace.path("bad.leadlag")
        try workspace.write("bad.leadlag", "leads\n\(line)\nleads = 1\n")
        let outcome = try Leadlag.run(["run", script, "--model", workspace.path("plan.model")])
        #expect(outcome.status == 1)
        #expect(outcome.output == "120\n")
        #expect(outcome.errors.hasPrefix(script + message))
    }

    @Test("an expression that evaluates to an error value is an evaluation error: exit 1")
    func errorValueStops() throws {
        let workspace = try Workspace()
        let script = workspace.path("div.leadlag")
        try workspace.write("div.leadlag", "wins / (leads - 120)\nleads\n")
        let outcome = try Leadlag.run(["run", script, "--model", workspace.path("plan.model")])
        #expect(outcome.status == 1)
        #expect(outcome.output == "#DIV/0!\n")
        #expect(outcome.errors == "\(script):1: error: the expression evaluates to #DIV/0!\n")
    }

    @Test(":save in a script writes the file, keeping the model's own text")
    func saveWritesFile() throws {
        let workspace = try Workspace()
        try workspace.write("save.leadlag", "leads = 150\n:save \(workspace.path("new.model"))\n")
        let outcome = try Leadlag.run(["run", workspace.path("save.leadlag"), "--model", workspace.path("plan.model")])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasSuffix("saved \(workspace.path("new.model"))\n"))
        let edited = Workspace.model.replacingOccurrences(of: "leads = 120", with: "leads = 150")
        #expect(try workspace.read("new.model") == edited)
        #expect(try workspace.read("plan.model") == Workspace.model)
    }

    @Test("a model that does not load exits 2 with its diagnostics, running nothing")
    func badModel() throws {
        let workspace = try Workspace()
        try workspace.write("broken.model", "leads = 120\nwins = leads *\n")
        try workspace.write("s.leadlag", ":save \(workspace.path("x.model"))\n")
        let outcome = try Leadlag.run(["run", workspace.path("s.leadlag"), "--model", workspace.path("broken.model")])
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix(workspace.path("broken.model") + ":2:"))
        #expect(outcome.errors.contains("wins = leads *\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("x.model")))
    }

    @Test("a script that does not exist exits 2")
    func missingScript() throws {
        let outcome = try Leadlag.run(["run", "/no/such/script.leadlag"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("/no/such/script.leadlag"))
    }

    @Test("piped input runs without prompts or escape codes and exits 0")
    func pipedSuccess() throws {
        let workspace = try Workspace()
        let outcome = try Leadlag.run([workspace.path("plan.model")], input: "wins * 2\n:goals\n")
        #expect(outcome.status == 0)
        #expect(outcome.output == """
            11.88
            goal              value  status  gap
            revenue >= 15k  $14,256  missed  short by $744

            """)
        #expect(!outcome.output.contains("leadlag>"))
        #expect(!outcome.output.contains("\u{1B}"))
    }

    @Test("a long piped session answers every line: input and output far beyond a pipe's buffer")
    func pipedLongSession() throws {
        let workspace = try Workspace()
        let lines = 20_000
        let outcome = try Leadlag.run([workspace.path("plan.model")], input: String(repeating: "wins * 2\n", count: lines))
        #expect(!outcome.timedOut)
        #expect(outcome.status == 0)
        #expect(outcome.output == String(repeating: "11.88\n", count: lines))
    }

    @Test("piped input goes on after an error, names <stdin> and the line, and exits 1")
    func pipedContinuesAfterErrors() throws {
        let outcome = try Leadlag.run([], input: "x = 1\nz = z + 1\ny = x * 3\n:assert y > 5\ny\n")
        #expect(outcome.status == 1)
        #expect(outcome.output == "x = 1 (new)\ny = 3 (new)\n3\n")
        #expect(outcome.errors.contains("<stdin>:2: error: cycle: z → z"))
        #expect(outcome.errors.contains("<stdin>:4: error: assertion failed: y > 5 (false, y = 3)"))
    }

    @Test(":quit ends piped input there")
    func pipedQuit() throws {
        let outcome = try Leadlag.run([], input: "x = 1\n:quit\nx = 2\n")
        #expect(outcome.status == 0)
        #expect(outcome.output == "x = 1 (new)\n")
    }

    @Test("the REPL on a model that does not exist exits 2")
    func missingModel() throws {
        let outcome = try Leadlag.run(["/no/such/plan.model"], input: "1\n")
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix("/no/such/plan.model: error: "))
        #expect(outcome.output.isEmpty)
    }
}
