import Foundation
import Testing
import LineEditing

struct PlainLineReaderTests {
    @Test(arguments: [
        ("a = 1\nb = a * 2\n", [LineEvent.line("a = 1"), .line("b = a * 2")]),
        // The last line counts without its newline.
        ("a = 1\nb = 2", [.line("a = 1"), .line("b = 2")]),
        ("a = 1\r\nb = 2\r\n", [.line("a = 1"), .line("b = 2")]),
        // A lone carriage return ends a line too (old Mac files), as in model files.
        ("x\r\r\ny\rz\n", [.line("x"), .line(""), .line("y"), .line("z")]),
        ("a = 1\rb = 2\r", [.line("a = 1"), .line("b = 2")]),
        ("a = 1\rb = 2", [.line("a = 1"), .line("b = 2")]),
        ("\n\nlast", [.line(""), .line(""), .line("last")]),
        ("", []),
        ("\n", [.line("")]),
        ("héllo → wörld\n", [.line("héllo → wörld")]),
    ])
    func readsLinesFromAPipe(input: String, expected: [LineEvent]) throws {
        let reader = try reader(for: Data(input.utf8))
        #expect(readAll(reader) == expected)
    }

    @Test func endOfInputRepeatsOnceReached() throws {
        let reader = try reader(for: Data("only\n".utf8))
        #expect(reader.readLine(prompt: "> ") == .line("only"))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let reader = try reader(for: Data([0x61, 0xFF, 0x62, 0x0A]))
        #expect(readAll(reader) == [.line("a\u{FFFD}b")])
    }

    /// A carriage return at the end of one chunk and its newline at the start of the next are one line end.
    @Test func carriageReturnAndNewlineAcrossChunks() throws {
        let first = String(repeating: "x", count: 64 * 1024 - 1)
        // A file, as a pipe would not take more than its buffer before someone reads.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data((first + "\r\nnext\n").utf8).write(to: url)
        let reader = PlainLineReader(fileHandle: try FileHandle(forReadingFrom: url))
        #expect(readAll(reader) == [.line(first), .line("next")])
    }

    /// Lines that straddle the reader's 64 KiB chunks come out whole.
    @Test func readsAFileLargerThanOneChunk() throws {
        let lines = (0..<20_000).map { "cell\($0) = \($0) * 1.5" }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let reader = PlainLineReader(fileHandle: try FileHandle(forReadingFrom: url))
        #expect(readAll(reader) == lines.map(LineEvent.line))
    }

    @Test func isNotInteractiveAndKeepsNoHistory() throws {
        let reader = try reader(for: Data("a\n".utf8))
        reader.addToHistory("a")
        #expect(!reader.isInteractive)
        #expect(readAll(reader) == [.line("a")])
    }

    private func reader(for input: Data) throws -> PlainLineReader {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: input)
        try pipe.fileHandleForWriting.close()
        return PlainLineReader(fileHandle: pipe.fileHandleForReading)
    }

    private func readAll(_ reader: PlainLineReader) -> [LineEvent] {
        var events: [LineEvent] = []
        while case let event = reader.readLine(prompt: "> "), event != .endOfInput {
            events.append(event)
        }
        return events
    }
}
