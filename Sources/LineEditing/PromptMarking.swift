import TextLayout

/// Makes a colored prompt safe for libedit, which counts every byte of the prompt as a column.
///
/// Each terminal escape sequence is wrapped in `marker` characters, which libedit (told about
/// the marker with `EL_PROMPT_ESC`) prints without counting, so the cursor lands where the
/// visible prompt ends.
enum PromptMarking {
    /// Start of Heading: never part of a visible prompt.
    static let marker: Unicode.Scalar = "\u{01}"

    static func mark(_ prompt: String) -> String {
        // A stray marker in the caller's text would flip libedit's counting on and off.
        let cleaned = String(String.UnicodeScalarView(prompt.unicodeScalars.filter { $0 != marker }))
        return EscapeSequences.pieces(of: cleaned).map { piece in
            switch piece {
            case .visible(let text): text
            case .escape(let sequence): "\(Character(marker))\(sequence)\(Character(marker))"
            }
        }.joined()
    }

    /// Columns a marked prompt takes: its characters outside the marked runs.
    static func visibleWidth(of marked: String) -> Int {
        var hidden = false
        var width = 0
        for character in marked {
            if character.unicodeScalars.first == marker {
                hidden.toggle()
            } else if !hidden {
                width += 1
            }
        }
        return width
    }
}
