/// A source of REPL input lines, so the session runs the same on a terminal, on a pipe, and in tests.
public protocol LineReader: AnyObject {
    /// Reads one line showing `prompt` (ignored when not interactive).
    func readLine(prompt: String) -> LineEvent
    /// Adds an entered line to history (no-op for plain input).
    func addToHistory(_ line: String)
    /// True when reading from a terminal with line editing.
    var isInteractive: Bool { get }
}

/// The reader for this process's standard input: line editing on a terminal, plain lines otherwise.
///
/// Piped input never goes through libedit, so a script can neither write into the history file
/// nor have its lines echoed.
public func makeLineReader(
    programName: String,
    historyPath: String?,
    completion: @escaping CompletionProvider
) -> any LineReader {
    guard Terminal.standardInputIsTerminal else { return PlainLineReader() }
    return EditLineReader(programName: programName, historyPath: historyPath, completion: completion)
}
