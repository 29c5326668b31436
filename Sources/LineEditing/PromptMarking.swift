/// Makes a colored prompt safe for libedit, which counts every byte of the prompt as a column.
///
/// Each terminal escape sequence is wrapped in `marker` characters, which libedit (told about
/// the marker with `EL_PROMPT_ESC`) prints without counting, so the cursor lands where the
/// visible prompt ends.
enum PromptMarking {
    /// Start of Heading: never part of a visible prompt.
    static let marker: Unicode.Scalar = "\u{01}"

    private static let escape: Unicode.Scalar = "\u{1B}"
    private static let bell: Unicode.Scalar = "\u{07}"

    static func mark(_ prompt: String) -> String {
        // A stray marker in the caller's text would flip libedit's counting on and off.
        let scalars = Array(prompt.unicodeScalars.filter { $0 != marker })
        var marked = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == escape else {
                marked.append(scalars[index])
                index += 1
                continue
            }
            let end = endOfEscapeSequence(in: scalars, startingAt: index)
            marked.append(marker)
            marked.append(contentsOf: scalars[index..<end])
            marked.append(marker)
            index = end
        }
        return String(marked)
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

    /// Index just past the escape sequence starting at `start` (which holds ESC).
    ///
    /// CSI (`ESC [` parameters, intermediates, one final byte) covers colors; OSC
    /// (`ESC ]` … BEL or `ESC \`) covers titles and links; anything else is ESC plus one character.
    private static func endOfEscapeSequence(in scalars: [Unicode.Scalar], startingAt start: Int) -> Int {
        let introducer = start + 1
        guard introducer < scalars.count else { return scalars.count }
        switch scalars[introducer] {
        case "[":
            var index = introducer + 1
            while index < scalars.count, ("\u{20}"..."\u{3F}").contains(scalars[index]) { index += 1 }
            return min(index + 1, scalars.count)
        case "]":
            var index = introducer + 1
            while index < scalars.count {
                if scalars[index] == bell { return index + 1 }
                if scalars[index] == escape, index + 1 < scalars.count, scalars[index + 1] == "\\" { return index + 2 }
                index += 1
            }
            return scalars.count
        default:
            return introducer + 1
        }
    }
}
