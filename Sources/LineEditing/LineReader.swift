/// A source of REPL input lines, so the session runs the same on a terminal, on a pipe, and in tests.
///
/// Choose once, by `Terminal.standardInputIsTerminal`: `EditLineReader` for a person at a
/// terminal, `PlainLineReader` for a pipe or file, which must never touch libedit (it would
/// write a script's lines into the history file).
public protocol LineReader: AnyObject {
    /// Reads one line showing `prompt` (ignored when not interactive).
    func readLine(prompt: String) -> LineEvent
    /// Adds an entered line to history (no-op for plain input).
    func addToHistory(_ line: String)
    /// True when reading from a terminal with line editing.
    var isInteractive: Bool { get }
}
