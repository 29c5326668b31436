import Testing
import TextLayout

@Suite struct DisplayWidthTests {
    static let red = "\u{1B}[31m"
    static let reset = "\u{1B}[0m"

    static let widths: [(String, Int)] = [
        ("", 0),
        ("leads", 5),
        ("120 → 150", 9),
        ("…", 1),
        ("cafe\u{301}", 4),  // e + combining acute accent is one character
        ("\(red)leads\(reset)", 5),
        ("\u{1B}[1;34mbold blue\u{1B}[0m", 9),
        ("\u{1B}]8;;https://example.com\u{07}link\u{1B}]8;;\u{07}", 4),
        ("\u{1B}]8;;https://example.com\u{1B}\\link", 4),
        ("\u{1B}[31", 0),  // an unfinished escape hides the rest, as on a terminal
        ("表計算", 6),
        ("ｘ", 2),
        ("📈", 2),
        ("a\tb", 2),
    ]

    @Test(arguments: widths)
    func measuresShownColumns(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    static let truncations: [(String, Int, String)] = [
        ("leads * conversion", 18, "leads * conversion"),
        ("leads * conversion", 30, "leads * conversion"),
        ("leads * conversion", 8, "leads *…"),
        ("leads * conversion", 1, "…"),
        ("leads * conversion", 0, ""),
        ("leads * conversion", -3, ""),
        ("a → b → c", 4, "a →…"),
        ("表計算", 4, "表…"),
        ("表計算", 5, "表計…"),
        ("cafe\u{301}s", 5, "cafe\u{301}s"),
        ("cafe\u{301}s", 4, "caf…"),
        ("\(red)leads * conversion\(reset)", 6, "\(red)leads…\(reset)"),
        ("ok \(red)leads * conversion\(reset)", 2, "o…"),
    ]

    @Test(arguments: truncations)
    func truncatesWithAnEllipsis(_ text: String, _ width: Int, _ expected: String) {
        let cut = DisplayWidth.truncated(text, toWidth: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= max(width, 0))
    }

    static let paddings: [(String, Int, ColumnAlignment, String)] = [
        ("120", 6, .right, "   120"),
        ("120", 6, .left, "120   "),
        ("120", 2, .right, "120"),
        ("\(red)18\(reset)", 4, .right, "  \(red)18\(reset)"),
        ("→", 3, .left, "→  "),
    ]

    @Test(arguments: paddings)
    func padsToWidth(_ text: String, _ width: Int, _ alignment: ColumnAlignment, _ expected: String) {
        #expect(DisplayWidth.padded(text, toWidth: width, alignment: alignment) == expected)
    }
}

/// The one-column shortcut for the blocks tables and charts draw with must agree with the rule:
/// none of those characters is drawn as an emoji or wide.
@Suite struct NarrowBlockTests {
    @Test("arrows, box lines, blocks, braille, Latin letters, € and … are one column each",
          arguments: [0x00A0...0x024F, 0x2010...0x2027, 0x20A0...0x20BF, 0x2190...0x21FF, 0x2500...0x259F, 0x2800...0x28FF])
    func oneColumn(block: ClosedRange<UInt32>) {
        for value in block {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.isEmojiPresentation else {
                Issue.record("U+\(String(value, radix: 16)) is drawn as an emoji")
                continue
            }
            #expect(scalar.properties.generalCategory != .nonspacingMark, "U+\(String(value, radix: 16)) is a combining mark")
            #expect(DisplayWidth.of(String(scalar)) == 1, "U+\(String(value, radix: 16))")
        }
    }
}
