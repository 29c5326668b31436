/// A line pasted with the prompt in front (`leadlag> leads = 150`, `leadlag[optimistic]> :compare`),
/// as it is copied from the README, a chat or a terminal: the part after the prompt is what was meant.
enum PastedPrompt {
    /// The text after a leading `leadlag>` or `leadlag[NAME]>` (and one space), or nil when the
    /// line does not start with a prompt.
    static func strippingPrompt(from line: String) -> String? {
        let bytes = Array(line.utf8)
        var index = bytes.firstIndex { !$0.isBlankByte } ?? bytes.count
        let word = Array("leadlag".utf8)
        guard bytes[index...].starts(with: word) else { return nil }
        index += word.count
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")),
                  bytes[(index + 1)..<close].allSatisfy(\.isNameByte) else { return nil }
            index = close + 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        index += 1
        guard index == bytes.count || bytes[index].isBlankByte else { return nil }
        if index < bytes.count { index += 1 }
        return String(decoding: bytes[index...], as: UTF8.self)
    }
}
