/// A run of terminal text: characters that take up columns, or an ANSI escape
/// sequence that only changes how they look and takes up none.
public enum TerminalTextPiece: Equatable, Sendable {
    case visible(String)
    case escape(String)
}

/// Splits terminal text into what is shown and the ANSI escape sequences around it,
/// so widths can be measured and cells cut without counting or breaking the escapes.
///
/// Knows CSI sequences (`ESC [ … final`, colors and cursor moves), OSC sequences
/// (`ESC ] … BEL` or `ESC ] … ESC \`, such as hyperlinks), and two-character escapes.
public enum EscapeSequences {
    private static let escape: Unicode.Scalar = "\u{1B}"
    private static let bell: Unicode.Scalar = "\u{07}"

    public static func pieces(of text: String) -> [TerminalTextPiece] {
        guard text.unicodeScalars.contains(escape) else { return text.isEmpty ? [] : [.visible(text)] }
        let scalars = Array(text.unicodeScalars)
        var pieces: [TerminalTextPiece] = []
        var visible = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == escape else {
                visible.append(scalars[index])
                index += 1
                continue
            }
            if !visible.isEmpty {
                pieces.append(.visible(String(visible)))
                visible = String.UnicodeScalarView()
            }
            let end = endOfSequence(startingAt: index, in: scalars)
            pieces.append(.escape(String(String.UnicodeScalarView(scalars[index..<end]))))
            index = end
        }
        if !visible.isEmpty { pieces.append(.visible(String(visible))) }
        return pieces
    }

    /// The index just past the escape sequence that starts at `start`; an unfinished
    /// sequence runs to the end of the text, as a terminal would swallow it.
    private static func endOfSequence(startingAt start: Int, in scalars: [Unicode.Scalar]) -> Int {
        let introducer = start + 1
        guard introducer < scalars.count else { return scalars.count }
        switch scalars[introducer] {
        case "[":
            // Parameter and intermediate bytes, then one final byte in 0x40...0x7E.
            var index = introducer + 1
            while index < scalars.count {
                if (0x40...0x7E).contains(scalars[index].value) { return index + 1 }
                index += 1
            }
            return scalars.count
        case "]":
            var index = introducer + 1
            while index < scalars.count {
                if scalars[index] == bell { return index + 1 }
                if scalars[index] == escape && index + 1 < scalars.count && scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return scalars.count
        default:
            return introducer + 1
        }
    }
}
