/// Prose broken into lines at spaces, so help text and messages fit a narrow terminal without a
/// word cut in two (the terminal's own wrapping breaks anywhere).
public enum WordWrap {
    /// `text` in lines of at most `width` display columns, broken at spaces; every line after
    /// the first starts with `indent`. A word longer than a line stands alone on its own line,
    /// whole. Without a width, the text as it is.
    public static func lines(_ text: String, width: Int?, indent: String = "") -> [String] {
        guard let width else { return [text] }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            let prefix = lines.isEmpty ? "" : indent
            if current.isEmpty {
                current = prefix + word
            } else if DisplayWidth.of(current) + 1 + DisplayWidth.of(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = indent + word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
