/// User text made safe to echo to a terminal: control characters (C0, DEL, C1)
/// are shown as `^[`-style or `\x9b`-style escapes instead of being sent raw, so a
/// model file holding `ESC [8m` cannot hide or repaint what an error listing shows.
public enum VisibleText {
    public static func escaping(_ text: Substring) -> String {
        var shown = ""
        shown.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { shown += visible(scalar) }
        return shown
    }

    public static func escaping(_ text: String) -> String { escaping(text[...]) }

    /// Text of several lines made safe line by line: the line breaks stay, every other control
    /// character is escaped. For messages that may hold an already rendered listing (escaping
    /// twice changes nothing: an escape is printable text).
    public static func escapingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(escaping).joined(separator: "\n")
    }

    /// One character as it is shown: itself, or its escape.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\t"
        case 0x00..<0x20: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0:
            let hex = String(scalar.value, radix: 16)
            return "\\x" + hex
        default: return String(scalar)
        }
    }
}
