import Foundation

/// Reads lines from a pipe or file without libedit, for scripts and tests.
///
/// It never touches history or the terminal. A last line without a newline still counts, and
/// lines end as in model files: at a newline, a carriage return and newline (a file saved on
/// Windows) or a lone carriage return (an old Mac file).
public final class PlainLineReader: LineReader {
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let chunkSize = 64 * 1024

    /// Kept so the descriptor stays open as long as this reader.
    private let fileHandle: FileHandle
    private var pending: [UInt8] = []
    private var lineStart = 0
    private var reachedEnd = false

    public let isInteractive = false

    public init(fileHandle: FileHandle = .standardInput) {
        self.fileHandle = fileHandle
    }

    public func readLine(prompt: String) -> LineEvent {
        while true {
            if let end = pending[lineStart...].firstIndex(where: { $0 == Self.newline || $0 == Self.carriageReturn }) {
                if pending[end] == Self.newline { return .line(takeLine(upTo: end, skipping: 1)) }
                // A carriage return: whether a newline follows may be in the next chunk.
                if end + 1 < pending.count {
                    return .line(takeLine(upTo: end, skipping: pending[end + 1] == Self.newline ? 2 : 1))
                }
                if reachedEnd { return .line(takeLine(upTo: end, skipping: 1)) }
            } else if reachedEnd {
                guard lineStart < pending.count else { return .endOfInput }
                return .line(takeLine(upTo: pending.count, skipping: 0))
            }
            readMore()
        }
    }

    public func addToHistory(_ line: String) {}

    private func takeLine(upTo end: Int, skipping separatorLength: Int) -> String {
        let bytes = pending[lineStart..<end]
        lineStart = end + separatorLength
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the next chunk of input, first dropping the lines already handed out.
    private func readMore() {
        pending.removeSubrange(..<lineStart)
        lineStart = 0
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileHandle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0, errno == EINTR { continue }
            // End of file, or an error that more reading will not cure.
            reachedEnd = true
            return
        }
    }
}
