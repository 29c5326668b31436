/// What one read produced: the REPL loop switches on it instead of juggling optionals and flags.
public enum LineEvent: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the current line was cancelled; the caller just reads again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}
