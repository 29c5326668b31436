/// Where the cursor sits in an input line that wraps at the terminal's edge, so that output can
/// be printed below all of the line rather than over its tail.
enum WrappedLine {
    /// Rows of the prompt and line that lie below the cursor's row. Widths count characters.
    static func rowsBelowCursor(promptWidth: Int, line: String, cursor: Int, terminalWidth: Int) -> Int {
        guard terminalWidth > 0 else { return 0 }
        let length = line.count
        let cursorColumn = promptWidth + min(max(0, cursor), length)
        return (promptWidth + length) / terminalWidth - cursorColumn / terminalWidth
    }
}
