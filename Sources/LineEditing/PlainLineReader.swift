import Foundation

/// Reads lines from a pipe or file without libedit, for scripts and tests.
///
/// It never touches history or the terminal. A last line without a newline still counts, and
/// a carriage return before the newline (a file saved on Windows) is dropped.
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
            if let end = pending[lineStart...].firstIndex(of: Self.newline) {
                return .line(takeLine(upTo: end, skipping: 1))
            }
            if reachedEnd {
                guard lineStart < pending.count else { return .endOfInput }
                return .line(takeLine(upTo: pending.count, skipping: 0))
            }
            readMore()
        }
    }

    public func addToHistory(_ line: String) {}

    private func takeLine(upTo end: Int, skipping separatorLength: Int) -> String {
        var bytes = pending[lineStart..<end]
        if bytes.last == Self.carriageReturn { bytes = bytes.dropLast() }
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
