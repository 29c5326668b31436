import LineEditing

/// Runs lines of REPL input without a person at the keyboard: `leadlag run SCRIPT`
/// and `leadlag [MODEL] < FILE`.
///
/// No prompts and no escape codes; every message names the file and line.
/// `leadlag run` stops at the first error (like sqlite3's `-bail`), because the
/// rest of a script usually depends on it. Piped input goes on after an error,
/// as sqlite3 and psql do, so a person can see every problem at once; either way
/// the exit status is 1 if any line failed (SPEC §6), 0 otherwise.
struct BatchRunner {
    let session: Session
    let reader: any LineReader
    /// The name errors carry: the script's path, or `<stdin>`.
    let sourceName: String
    let stopsAtFirstError: Bool
    var console = Console.standardStreams
    /// Whether a run that reaches its end says so: `12 lines, 5 assertions passed` (on standard
    /// error, so the script's own output can still be piped).
    var summarizes = false

    func run() -> Int32 {
        var lineNumber = 0
        var anyFailed = false
        var assertionsPassed = 0
        reading: while true {
            switch reader.readLine(prompt: "") {
            case .line(let text):
                lineNumber += 1
                let reply = session.handle(text, at: InputLocation(path: sourceName, line: lineNumber))
                console.print(reply)
                if reply.assertionPassed { assertionsPassed += 1 }
                if reply.failed {
                    anyFailed = true
                    if stopsAtFirstError { return ExitStatus.failure }
                }
                if reply.quitRequested { break reading }
            case .interrupted:
                continue
            case .endOfInput:
                break reading
            }
        }
        if summarizes && !anyFailed {
            console.complain("\(counted(lineNumber, "line")), \(counted(assertionsPassed, "assertion")) passed")
        }
        return anyFailed ? ExitStatus.failure : ExitStatus.success
    }
}
