/// A span of source text as UTF-8 byte offsets into the text it was parsed from.
///
/// Offsets stay cheap to carry on every token and node; they become
/// line:column only when a diagnostic is printed (see ``LineTable``).
///
/// They are kept in 32 bits each: a model keeps several syntax nodes per cell, each with a range,
/// and a model file is read only up to 256 MiB. (An offset past 2³¹ would be clamped, not trap.)
public struct SourceRange: Hashable, Sendable {
    private var storedStart: Int32
    private var storedEnd: Int32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }

    public init(start: Int, end: Int) {
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// Converts UTF-8 offsets of one text into 1-based line and column numbers.
///
/// Columns count characters, not bytes, so a caret lines up under the
/// character a person sees.
public struct LineTable: Sendable {
    public let bytes: [UInt8]
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]
    /// The number of the first line: 1 for a file, the line's own number for one line of a script.
    private let firstLine: Int

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        // A line ends at "\n", "\r\n" or a lone "\r" (old Mac files), as model files are read.
        var starts = [0]
        for (index, byte) in bytes.enumerated() {
            let endsLine = byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            if endsLine { starts.append(index + 1) }
        }
        lineStarts = starts
        firstLine = 1
    }

    /// One line of input read on its own (typed at the REPL, or line `number` of a script):
    /// whatever it holds, a `\r` included, is that one line, numbered `number`.
    public init(singleLine text: String, number: Int) {
        bytes = Array(text.utf8)
        lineStarts = [0]
        firstLine = number
    }

    /// The number of the last line (a text ending in a line break ends on an empty line).
    public var lastLine: Int { firstLine + lineStarts.count - 1 }

    /// 1-based line and column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let prefix = bytes[lineStart..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (low + firstLine, column)
    }

    /// The text of 1-based line `number`, without its line break.
    public func lineText(_ number: Int) -> String {
        let line = number - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end < bytes.count, bytes[end] == UInt8(ascii: "\n"), bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
