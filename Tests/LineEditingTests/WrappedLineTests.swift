import Testing
@testable import LineEditing

struct WrappedLineTests {
    struct Case: Sendable {
        let promptWidth: Int
        let line: String
        let cursor: Int
        let terminalWidth: Int
        let rowsBelow: Int
    }

    @Test(arguments: [
        // Prompt and line on one row.
        Case(promptWidth: 6, line: "lea", cursor: 3, terminalWidth: 40, rowsBelow: 0),
        // 6 + 88 characters take rows 0, 1 and 2; the cursor at 6 + 50 is on row 1.
        Case(promptWidth: 6, line: String(repeating: "a", count: 88), cursor: 50, terminalWidth: 40, rowsBelow: 1),
        Case(promptWidth: 6, line: String(repeating: "a", count: 88), cursor: 0, terminalWidth: 40, rowsBelow: 2),
        Case(promptWidth: 6, line: String(repeating: "a", count: 88), cursor: 88, terminalWidth: 40, rowsBelow: 0),
        // A cursor past either end is taken as at that end.
        Case(promptWidth: 6, line: String(repeating: "a", count: 88), cursor: -4, terminalWidth: 40, rowsBelow: 2),
        Case(promptWidth: 6, line: String(repeating: "a", count: 88), cursor: 500, terminalWidth: 40, rowsBelow: 0),
        // Characters, not bytes.
        Case(promptWidth: 2, line: String(repeating: "é", count: 10), cursor: 0, terminalWidth: 10, rowsBelow: 1),
        Case(promptWidth: 2, line: "abc", cursor: 0, terminalWidth: 0, rowsBelow: 0),
    ])
    func rowsBelowCursor(_ example: Case) {
        let rows = WrappedLine.rowsBelowCursor(
            promptWidth: example.promptWidth, line: example.line,
            cursor: example.cursor, terminalWidth: example.terminalWidth)
        #expect(rows == example.rowsBelow)
    }
}
