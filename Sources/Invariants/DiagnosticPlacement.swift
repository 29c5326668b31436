import Formula

/// Checks that a printed diagnostic points into the text it is about: its header
/// `PATH:LINE:COLUMN: …` names a line of that text and a column at most one past the
/// line's last character.
enum DiagnosticPlacement {
    /// `header` is the first line of a diagnostic printed for `text` under `path`.
    static func check(header: String, path: String, text: LineTable) throws(InvariantViolation) {
        guard header.hasPrefix(path + ":") else {
            throw InvariantViolation("diagnostic does not start with the path \(path): \(header.debugDescription)")
        }
        let numbers = header.dropFirst(path.count + 1).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard numbers.count == 3, let line = Int(numbers[0]), let column = Int(numbers[1]) else {
            // `PATH: N more errors not shown` carries no place, and needs none.
            if header.hasSuffix("more errors not shown") { return }
            throw InvariantViolation("diagnostic has no line and column: \(header.debugDescription)")
        }
        guard (1...text.lastLine).contains(line) else {
            throw InvariantViolation("diagnostic names line \(line) of \(text.lastLine): \(header.debugDescription)")
        }
        // The line as the columns count it: characters, with the `\r` of a CRLF line.
        let lineLength = text.lineText(line).count + 1
        guard (1...lineLength + 1).contains(column) else {
            throw InvariantViolation(
                "diagnostic names column \(column) of a line of \(lineLength - 1) characters: \(header.debugDescription)")
        }
    }
}
