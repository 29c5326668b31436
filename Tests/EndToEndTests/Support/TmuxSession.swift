import Foundation

/// Runs a program in a real terminal, so end-to-end tests can type at it and read the screen it
/// draws: the only way to check line editing, completion, history and Ctrl-C as a person meets them.
///
/// Each session has its own tmux server (`tmux -S` with a socket in the session's scratch
/// directory, so nothing is left behind in tmux's shared one), no tmux configuration
/// (`-f /dev/null`), a fixed window size and a clean environment, so a test neither sees nor
/// disturbs the developer's tmux, history or settings. The window stays after the program exits, so its last
/// output can still be read.
///
///     let session = try TmuxSession(arguments: [leadlagPath], environment: ["HOME": home])
///     defer { session.close() }
///     try await session.waitFor("leadlag> ")
///     try session.type("lea")
///     try session.send(keys: "Tab")
final class TmuxSession {
    /// A tmux command that failed, or text that never appeared; carries the screen to show why.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The pane's environment before the caller's additions: enough to find programs and to
    /// read and draw UTF-8.
    static let baseEnvironment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    ]

    /// True when tmux is on PATH; tests that need a terminal skip otherwise.
    static var isAvailable: Bool { executablePath != nil }

    private static var executablePath: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories
            .map { "\($0)/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static let pollInterval: Duration = .milliseconds(50)
    private static let windowName = "main"

    private let tmuxPath: String
    private let scratchDirectory: URL
    private var statusFile: URL { scratchDirectory.appendingPathComponent("status") }
    private var socket: URL { scratchDirectory.appendingPathComponent("socket") }
    private var isClosed = false

    /// Starts `arguments` (program path first) in a `columns`×`rows` window.
    ///
    /// - Parameter environment: added to `baseEnvironment` (and winning over it); nothing else
    ///   of the test process's environment reaches the program, so pass HOME, LEADLAG_HISTORY or
    ///   NO_COLOR explicitly.
    init(
        arguments: [String],
        environment: [String: String] = [:],
        columns: Int = 100,
        rows: Int = 30,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws {
        guard let tmuxPath = Self.executablePath else { throw Failure(description: "tmux is not on PATH") }
        self.tmuxPath = tmuxPath
        // Short, because a socket path may not exceed about 100 bytes.
        scratchDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)

        let variables = Self.baseEnvironment.merging(environment) { _, caller in caller }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        let program = (["env", "-i"] + variables + arguments).map(Self.shellQuoted).joined(separator: " ")
        // The program runs under a shell that records its exit status (128 + N when killed by
        // signal N). "trap : INT" keeps that shell alive through Ctrl-C while the program gets
        // SIGINT as usual; the status is renamed into place so it is never read half-written.
        let status = Self.shellQuoted(statusFile.path)
        let wrapper = "trap : INT; ( exec \(program) ); echo $? > \(status).new && mv \(status).new \(status)"

        // remain-on-exit is set before the program starts, so even one that exits at once leaves
        // its screen behind.
        try tmux(["-f", "/dev/null", "start-server", ";",
                  "set-option", "-g", "remain-on-exit", "on", ";",
                  "set-option", "-g", "status", "off", ";",
                  "set-option", "-g", "history-limit", "10000", ";",
                  "new-session", "-d", "-s", Self.windowName, "-x", String(columns), "-y", String(rows),
                  "-c", workingDirectory, "exec bash -c \(Self.shellQuoted(wrapper))"])
    }

    deinit {
        close()
    }

    /// Presses keys by tmux name: `"Tab"`, `"Enter"`, `"Up"`, `"C-c"`, `"C-d"`, `"Escape"` …
    func send(keys: String...) throws {
        try tmux(["send-keys", "-t", Self.windowName, "--"] + keys)
    }

    /// Resizes the window, as a person dragging the terminal's corner does (the program gets SIGWINCH).
    func resize(columns: Int, rows: Int = 30) throws {
        try tmux(["resize-window", "-t", Self.windowName, "-x", String(columns), "-y", String(rows)])
    }

    /// Types `text` literally, with no key names looked up.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.windowName, "-l", "--", text])
    }

    /// Everything the program has shown, scrollback included, without trailing blanks and
    /// without tmux's own "Pane is dead" notice. Joining wrapped lines, a line the terminal
    /// wrapped because it was wider than the window comes back as the one line the program wrote.
    func screen(joiningWrappedLines: Bool = false) throws -> String {
        let captured = try tmux(["capture-pane", "-t", Self.windowName, "-p", "-S", "-"] + (joiningWrappedLines ? ["-J"] : []))
        var lines = captured.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Pane is dead") }
            .map(Self.withoutTrailingSpaces)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Waits until `text` has appeared at least `occurrences` times (count the prompts to wait
    /// for the next one) and returns the screen; throws with the screen after `timeout`, or as
    /// soon as the program has exited without showing it.
    ///
    /// Spaces at the end of `text` are ignored, because the screen has none at the ends of its
    /// lines: waiting for the prompt `"leadlag> "` finds it while the cursor sits after it.
    @discardableResult
    func waitFor(_ text: String, occurrences: Int = 1, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        let wanted = Self.withoutTrailingSpaces(Substring(text))
        while true {
            let exited = exitStatus != nil
            let shown = try screen()
            if shown.components(separatedBy: wanted).count - 1 >= occurrences { return shown }
            if exited {
                throw Failure(description: "program exited before showing \(String(reflecting: text)):\n\(shown)")
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "timed out waiting for \(String(reflecting: text)):\n\(shown)")
            }
            try await Task.sleep(for: Self.pollInterval)
        }
    }

    /// The program's exit status, or nil while it runs.
    var exitStatus: Int32? {
        guard let recorded = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(recorded.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the program to exit and returns its status; throws with the screen after `timeout`.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = exitStatus { return status }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "program still running after \(timeout):\n\(try screen())")
            }
            try await Task.sleep(for: Self.pollInterval)
        }
    }

    /// Stops the tmux server (and with it the program) and removes the session's files.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: scratchDirectory)
    }

    /// Runs one tmux command against this session's server and returns what it printed.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = scratchDirectory.appendingPathComponent("tmux-output")
        let complaint = scratchDirectory.appendingPathComponent("tmux-errors")
        // The tmux server inherits this environment; a clean one keeps a surrounding tmux
        // (TMUX=…) and the developer's settings out of it.
        let environment = ["PATH=\(Self.baseEnvironment["PATH"] ?? "/usr/bin:/bin")", "LANG=C.UTF-8"]
        let status = try Self.spawnAndWait(
            [tmuxPath, "-S", socket.path] + arguments, environment: environment,
            output: output.path, errors: complaint.path)
        guard status == 0 else {
            let message = (try? String(contentsOf: complaint, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(status)): \(message)")
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// Runs a program to completion with output sent to files, and returns its exit status.
    ///
    /// Not `Process`, for two reasons. Tests run on threads that block nearly every signal, and
    /// a child inherits that mask: the tmux server, and through it the program under test,
    /// would never see Ctrl-C (or SIGTERM). Here the child starts with no signal blocked and
    /// every handler at its default. And the server outlives the command that starts it, so
    /// reading its output from a pipe would wait forever; a file has no end to wait for.
    private static func spawnAndWait(
        _ arguments: [String], environment: [String], output: String, errors: String
    ) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of the test process (Foundation's pipes are inherited by default): a
        // server holding another test's pipe would keep that test waiting for an end of file
        // until this session closes.
        for descriptor in Self.openDescriptors() where descriptor > STDERR_FILENO {
            posix_spawn_file_actions_addclose(&files, descriptor)
        }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &files, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "lost track of \(arguments[0])") }
        }
        // The wait status holds the exit code in bits 8-15 when the low 7 bits (the signal) are 0.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return listed.compactMap { Int32($0) }
    }

    private static func withoutTrailingSpaces(_ line: Substring) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return String(line)
    }

    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
