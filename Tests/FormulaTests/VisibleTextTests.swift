import Testing
@testable import Formula

@Suite("control characters are shown, never sent raw to the terminal")
struct VisibleTextTests {
    @Test("an error listing shows ESC, BEL and C1 bytes as escapes, with the caret still under the problem")
    func diagnosticsEscapeControlCharacters() {
        let shown = parsed("x = \u{1B}[8m 1 + \u{07}")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(shown.contains("x = ^[[8m 1 + ^G"))
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        let source = lines[1], caret = lines[2]
        let column = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        #expect(column.map { source.dropFirst($0).hasPrefix("^[") || source.dropFirst($0).hasPrefix("^G") } == true)
    }

    @Test(arguments: [
        ("\u{1B}", "^["), ("\u{07}", "^G"), ("\u{7F}", "^?"), ("\u{9B}", "\\x9b"), ("\t", "\t"), ("é", "é"),
    ])
    func eachCharacter(raw: String, shown: String) {
        #expect(VisibleText.escaping(raw) == shown)
    }
}
