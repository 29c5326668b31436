import Formula

/// Where a line of input came from, so a batch error can name the file and line
/// (`plan.leadlag:7: error: …`) while the REPL, where the line was just typed, does not.
public struct InputLocation: Sendable, Equatable {
    public let path: String
    /// 1-based.
    public let line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}

/// One line of session output and the stream it belongs on.
public struct OutputLine: Sendable, Equatable {
    /// Results go to standard output, problems to standard error.
    public enum Stream: Sendable, Equatable {
        case output
        case error
    }

    public let text: String
    public let stream: Stream

    public init(_ text: String, stream: Stream = .output) {
        self.text = text
        self.stream = stream
    }
}

/// Everything one input line produced: the lines to print, whether it failed
/// (which stops a script), and whether it asked to leave.
///
/// Replies are values so tests read exactly what a person would see, and the
/// terminal loop and the script runner print them the same way. Every line on standard error
/// goes through ``VisibleText``: an error or warning that quotes what was typed (`no cell named
/// '…'`, a path) can never send a control character to the terminal raw. Standard output carries
/// the colors of the change display, so its lines escape user text where they quote it.
public struct Reply: Sendable, Equatable {
    public private(set) var lines: [OutputLine] = []
    /// True when the line was an error: a bad statement, a refused edit, a failed `:assert`.
    public private(set) var failed = false
    /// True after an `:assert` that held, for the summary of a script.
    public internal(set) var assertionPassed = false
    /// True after `:quit`.
    public internal(set) var quitRequested = false
    /// Nil in the REPL: errors then carry no file and line.
    let location: InputLocation?

    init(location: InputLocation?) {
        self.location = location
    }

    /// Standard output, one line per element.
    public var output: [String] { lines.filter { $0.stream == .output }.map(\.text) }
    /// Standard error, one line per element.
    public var errors: [String] { lines.filter { $0.stream == .error }.map(\.text) }
    /// Both streams in the order they were written, as a person at a terminal sees them.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Prints text (split at line breaks) on standard output.
    mutating func say(_ text: String) {
        // Most text is one line: finding no line feed byte is far cheaper than splitting into characters.
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return lines.append(OutputLine(text)) }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(OutputLine(String(line)))
        }
    }

    mutating func say(_ lines: [String]) {
        for line in lines { say(line) }
    }

    /// Everything `other` printed, after what this reply holds; failed if either failed.
    mutating func append(_ other: Reply) {
        lines += other.lines
        failed = failed || other.failed
    }

    /// A problem that does not stop anything, such as a reference to a name not yet defined.
    mutating func warn(_ message: String) {
        appendError(locationPrefix + "warning: " + message)
    }

    /// An error: `error: MESSAGE`, or `PATH:LINE: error: MESSAGE` in a script.
    mutating func fail(_ message: String) {
        appendError(locationPrefix + "error: " + message)
        failed = true
    }

    /// A hint that is also a failure: `Usage: :rename OLD NEW`, `unknown command ':foo' (try :help)`.
    /// At a terminal the hint stands alone; in a script it is an error like any other.
    mutating func failWithHint(_ hint: String) {
        if location == nil {
            appendError(hint)
            failed = true
        } else {
            fail(hint)
        }
    }

    /// Arguments that do not fit a command: what is wrong (`seek wants '=' between the target
    /// and its value`) as the error, then the `Usage:` line; without a problem, the usage alone.
    mutating func failWithUsage(_ usage: String, problem: String?) {
        guard let problem else { return failWithHint("Usage: " + usage) }
        failWithHint(problem)
        appendError("Usage: " + usage)
    }

    /// A diagnostic in `text`, the input line, printed with the line and a caret under the column.
    mutating func fail(_ diagnostic: Diagnostic, in text: String) {
        // The line is one line, whatever it holds: a `\r` pasted into it starts no new one.
        let source = SourceText(path: location?.path ?? "<input>", line: text, number: location?.line ?? 1)
        failWithRendered([DiagnosticPrinter.render(diagnostic, in: source)])
    }

    /// Messages already rendered with their own locations (a model file that did not load).
    mutating func failWithRendered(_ messages: [String]) {
        warnRendered(messages)
        failed = true
    }

    /// Warnings already rendered with their own locations.
    mutating func warnRendered(_ messages: [String]) {
        for message in messages {
            for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
                appendError(String(line))
            }
        }
    }

    private mutating func appendError(_ text: String) {
        lines.append(OutputLine(VisibleText.escapingLines(text), stream: .error))
    }

    private var locationPrefix: String {
        location.map { "\($0.path):\($0.line): " } ?? ""
    }
}
