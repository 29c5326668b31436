/// Measures, cuts and pads text by the columns it takes up on a terminal.
///
/// `String.count` is wrong for this twice over: ANSI color codes take up no
/// columns, and East Asian wide characters and emoji take up two. A grapheme
/// cluster is one unit (`→`, `é` written with a combining accent), so text is
/// never cut inside a character.
public enum DisplayWidth {
    /// What stands in for the text cut off by `truncated(_:toWidth:)`.
    public static let ellipsis = "…"
    /// The same where the output keeps to ASCII.
    public static let asciiEllipsis = "~"
    private static let resetStyle = "\u{1B}[0m"

    /// The number of terminal columns `text` takes up.
    public static func of(_ text: String) -> Int {
        // Most text in a plan is printable ASCII, one column per byte; skip the character walk for it.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return text.utf8.count }
        // So is a change display row or a chart line: printable ASCII and one-column blocks (no
        // escape, no combining mark, no joiner), one column per scalar, without grapheme breaking.
        if let count = oneColumnScalarCount(text) { return count }
        return EscapeSequences.pieces(of: text).reduce(0) { total, piece in
            guard case .visible(let shown) = piece else { return total }
            return total + shown.reduce(0) { $0 + columns(of: $1) }
        }
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when anything was cut.
    /// Escape sequences before the cut are kept, and the style is reset after
    /// the ellipsis so a cut-off color does not leak into what follows.
    public static func truncated(_ text: String, toWidth width: Int, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        let room = width - of(ellipsis)
        var result = ""
        var used = 0
        var keptEscape = false
        cutting: for piece in EscapeSequences.pieces(of: text) {
            switch piece {
            case .escape(let sequence):
                result += sequence
                keptEscape = true
            case .visible(let shown):
                for character in shown {
                    let needed = columns(of: character)
                    guard used + needed <= room else { break cutting }
                    result.append(character)
                    used += needed
                }
            }
        }
        return result + ellipsis + (keptEscape ? resetStyle : "")
    }

    /// `text` filled with spaces to `width` columns, on the right for left alignment
    /// and on the left for right alignment; text already as wide is returned as is.
    public static func padded(_ text: String, toWidth width: Int, alignment: ColumnAlignment) -> String {
        let fill = String(repeating: " ", count: max(width - of(text), 0))
        switch alignment {
        case .left: return text + fill
        case .right: return fill + text
        }
    }

    /// Columns for one character: none for control characters, two for wide ones.
    static func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if (0x20..<0x7F).contains(first.value) && character.unicodeScalars.count == 1 { return 1 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        // What the tables and charts draw with (arrows, box lines, blocks, braille, Latin letters,
        // € and …) is one column: answered before the slower emoji property lookup.
        if character.unicodeScalars.count == 1, isOneColumnAlone(first) { return 1 }
        if isWide(first) || character.unicodeScalars.contains(emojiPresentationSelector) { return 2 }
        return 1
    }

    /// Printable ASCII, or a character of the blocks with no wide and no emoji-presentation
    /// character (Latin-1 and Latin Extended, general punctuation, currency signs, arrows, box
    /// drawing and block elements, braille): one column when nothing combines with it.
    private static func isOneColumnAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0x00A0...0x024F, 0x2010...0x2027, 0x20A0...0x20BF, 0x2190...0x21FF, 0x2500...0x259F,
             0x2800...0x28FF: true
        default: false
        }
    }

    /// The number of scalars of `text` when each is ``isOneColumnAlone(_:)``, in one pass; nil otherwise.
    private static func oneColumnScalarCount(_ text: String) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isOneColumnAlone(scalar) else { return nil }
            count += 1
        }
        return count
    }

    /// VARIATION SELECTOR-16 asks for a character to be drawn as an emoji, two columns wide.
    private static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    /// The East Asian Wide and Fullwidth blocks (Unicode UAX #11), in short.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initials
        0x2E80...0x303E,  // CJK radicals, punctuation
        0x3041...0x33FF,  // kana, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE30...0xFE4F,  // CJK compatibility forms
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x20000...0x3FFFD,  // CJK extensions B and later
    ]

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmojiPresentation || wideRanges.contains { $0.contains(scalar.value) }
    }
}
