/// A session's input as the session fuzz target reads it: optionally a model file, then
/// the lines typed. A line `%%` ends the model; without one, every line is typed into an
/// empty session (as the golden transcripts are).
public struct SessionScript: Sendable {
    public static let modelEnd = "%%"

    /// The model file's bytes, nil to start empty.
    public let model: [UInt8]?
    public let lines: [String]

    public init(model: String?, lines: [String]) {
        self.model = model.map { Array($0.utf8) }
        self.lines = lines
    }

    public init(bytes: [UInt8]) {
        let end = Array(("\n" + Self.modelEnd + "\n").utf8)
        var modelBytes: [UInt8]?
        var rest = bytes[...]
        if bytes.starts(with: Array((Self.modelEnd + "\n").utf8)) {
            modelBytes = []
            rest = bytes.dropFirst(end.count - 1)
        } else if let split = Self.firstIndex(of: end, in: bytes) {
            modelBytes = Array(bytes[..<(split + 1)])
            rest = bytes[(split + end.count)...]
        }
        model = modelBytes
        // Split on the byte, as a line reader does: as Characters, "\r\n" is one and never splits.
        lines = rest.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
