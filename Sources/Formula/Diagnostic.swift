/// A problem found in user input, with where it is. Diagnostics are values:
/// they are collected, returned and printed by ``DiagnosticPrinter`` alone.
public struct Diagnostic: Error, Hashable, Sendable {
    /// An error stops a file from loading or an input from running; a warning only informs.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange, severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.range = range
    }
}

/// Text a diagnostic points into: the path to print and the text itself.
public struct SourceText: Sendable {
    public let path: String
    public let lines: LineTable

    public init(path: String, text: String) {
        self.path = path
        self.lines = LineTable(text)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.lines = LineTable(bytes: bytes)
    }

    /// One line of input on its own, numbered `number` (see ``LineTable/init(singleLine:number:)``).
    public init(path: String, line: String, number: Int) {
        self.path = path
        self.lines = LineTable(singleLine: line, number: number)
    }
}

/// The one printer of diagnostics:
///
///     models/plan.model:3:14: error: expected an expression after '*'
///     revenue = wins *
///                      ^
public enum DiagnosticPrinter {
    /// Lines longer than this are shown as a window around the column, so a one-line
    /// formula of a million characters still gives a readable message.
    static let shownLineWidth = 120

    public static func render(_ diagnostic: Diagnostic, in source: SourceText) -> String {
        let (line, column) = source.lines.location(of: diagnostic.range.start)
        let characters = Array(source.lines.lineText(line))
        var start = 0
        var end = characters.count
        if characters.count > shownLineWidth {
            start = max(0, min(column - 1 - shownLineWidth / 2, characters.count - shownLineWidth))
            end = min(characters.count, start + shownLineWidth)
        }
        let lead = start > 0 ? "…" : ""
        let shown = lead + VisibleText.escaping(String(characters[start..<end])) + (end < characters.count ? "…" : "")
        let before = VisibleText.escaping(String(characters[start..<min(max(column - 1, start), end)]))
        let caretPad = String(repeating: " ", count: lead.count + before.count + max(0, column - 1 - end))
        let available = max(1, end - (column - 1))
        let width = min(available, max(1, underlineWidth(diagnostic.range, source: source, line: line, column: column)))
        let caret = "^" + String(repeating: "~", count: width - 1)
        return "\(source.path):\(line):\(column): \(diagnostic.severity.rawValue): \(VisibleText.escaping(diagnostic.message))\n"
            + "\(shown)\n\(caretPad)\(caret)"
    }

    /// Width of the underline in characters, kept to the diagnostic's first line.
    private static func underlineWidth(_ range: SourceRange, source: SourceText, line: Int, column: Int) -> Int {
        let (endLine, endColumn) = source.lines.location(of: range.end)
        if endLine != line { return source.lines.lineText(line).count - column + 1 }
        return endColumn - column
    }
}
