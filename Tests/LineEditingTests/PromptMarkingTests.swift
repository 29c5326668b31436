import Testing
@testable import LineEditing

struct PromptMarkingTests {
    @Test(arguments: [
        ("> ", "> "),
        ("", ""),
        // Colors (CSI) are wrapped one sequence at a time.
        ("\u{1B}[1;34mleadlag\u{1B}[0m> ", "\u{01}\u{1B}[1;34m\u{01}leadlag\u{01}\u{1B}[0m\u{01}> "),
        ("\u{1B}[38;5;208m→\u{1B}[m ", "\u{01}\u{1B}[38;5;208m\u{01}→\u{01}\u{1B}[m\u{01} "),
        // A window title (OSC) ends at BEL or at ESC \.
        ("\u{1B}]0;title\u{07}> ", "\u{01}\u{1B}]0;title\u{07}\u{01}> "),
        ("\u{1B}]0;t\u{1B}\\> ", "\u{01}\u{1B}]0;t\u{1B}\\\u{01}> "),
        // Any other escape is ESC and one character.
        ("\u{1B}7> ", "\u{01}\u{1B}7\u{01}> "),
        // A sequence cut off at the end is still wrapped whole.
        ("> \u{1B}[1", "> \u{01}\u{1B}[1\u{01}"),
        ("> \u{1B}", "> \u{01}\u{1B}\u{01}"),
        // A marker in the caller's text would upset the counting, so it is dropped.
        ("a\u{01}b> ", "ab> "),
    ])
    func marksEscapeSequences(prompt: String, marked: String) {
        #expect(PromptMarking.mark(prompt) == marked)
    }

    @Test(arguments: [
        ("> ", 2),
        ("\u{1B}[1;34mleadlag\u{1B}[0m> ", 9),
        ("\u{1B}]0;title\u{07}→ ", 2),
        ("", 0),
    ])
    func visibleWidthLeavesOutEscapes(prompt: String, width: Int) {
        #expect(PromptMarking.visibleWidth(of: PromptMarking.mark(prompt)) == width)
    }
}
