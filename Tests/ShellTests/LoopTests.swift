import Foundation
import LineEditing
import ModelFile
import Testing
@testable import Shell

/// A line reader that plays back events and records the prompts it was shown.
final class ScriptedReader: LineReader {
    private var events: [LineEvent]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    let isInteractive: Bool

    init(_ events: [LineEvent], isInteractive: Bool = true) {
        self.events = events
        self.isInteractive = isInteractive
    }

    /// Past the last event: end of input, and "n" should a question follow, so a loop that
    /// asks more than the test expected still ends instead of asking forever.
    func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        guard events.isEmpty else { return events.removeFirst() }
        readsPastTheEnd += 1
        return readsPastTheEnd.isMultiple(of: 2) ? .line("n") : .endOfInput
    }

    private(set) var readsPastTheEnd = 0

    func addToHistory(_ line: String) { history.append(line) }
}

/// Collects what a loop prints.
final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputLine] = []

    var console: Console { Console { line in self.lock.withLock { self.collected.append(line) } } }
    var lines: [OutputLine] { lock.withLock { collected } }
    var output: [String] { lines.filter { $0.stream == .output }.map(\.text) }
    var errors: [String] { lines.filter { $0.stream == .error }.map(\.text) }
}

@Suite("The terminal loop and the script runner, with scripted input")
struct LoopTests {
    private func runLoop(_ events: [LineEvent], session: Session = makeSession([]), interactive: Bool = true)
        -> (status: Int32, reader: ScriptedReader, printed: PrintedLines)
    {
        let reader = ScriptedReader(events, isInteractive: interactive)
        let printed = PrintedLines()
        let status = InteractiveLoop(session: session, reader: reader, console: printed.console).run()
        return (status, reader, printed)
    }

    @Test("lines run and go into history; Ctrl-C gives a fresh prompt; Ctrl-D quits when nothing changed")
    func readEvalPrint() {
        let (status, reader, printed) = runLoop([.line("6 * 7"), .interrupted, .line("1 + 1"), .endOfInput])
        #expect(status == 0)
        #expect(printed.output == ["42", "2"])
        #expect(reader.history == ["6 * 7", "1 + 1"])
        #expect(reader.prompts == Array(repeating: "leadlag> ", count: 4))
    }

    @Test("Ctrl-D with unsaved changes asks; n quits without saving")
    func declineSaving() {
        let (status, reader, printed) = runLoop([.line("x = 1"), .endOfInput, .line("n")])
        #expect(status == 0)
        #expect(reader.prompts.last == "save changes? [y/n] ")
        #expect(printed.output == ["x = 1 (new)"])
    }

    @Test("y saves to the model's own file")
    func acceptSaving() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.model").path
        try "leads = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let workbook = try Workbook.load(path: path).get()
        let (status, reader, printed) = runLoop(
            [.line("leads = 2"), .line(":quit"), .line("maybe"), .line("y")], session: Session(workbook: workbook))
        #expect(status == 0)
        #expect(reader.prompts.suffix(2) == ["save changes to \(path)? [y/n] ", "save changes to \(path)? [y/n] "])
        #expect(printed.output.contains("please answer y or n (Ctrl-C to go back)"))
        #expect(printed.output.last == "saved \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "leads = 2\n")
    }

    @Test("y on a model without a file asks for one; an empty answer saves nothing and stays")
    func saveAsksForAPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.model").path
        let saved = runLoop([.line("x = 1"), .endOfInput, .line("y"), .line(path)])
        #expect(saved.status == 0)
        #expect(saved.reader.prompts.last == "save to file: ")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x = 1\n")
        // No file name is no decision to lose the changes: back to the REPL.
        let unsaved = runLoop([.line("x = 1"), .endOfInput, .line("y"), .line(""), .line("x")])
        #expect(unsaved.printed.output.suffix(2) == ["not saved", "1"])
        #expect(unsaved.reader.readsPastTheEnd == 2)
    }

    @Test("Ctrl-D at the question cancels like Ctrl-C: the session stays")
    func endOfInputAtTheQuestionCancels() {
        let (status, reader, printed) = runLoop([.line("x = 1"), .endOfInput, .endOfInput, .line("x"), .endOfInput, .line("n")])
        #expect(status == 0)
        #expect(printed.output == ["x = 1 (new)", "1"])
        #expect(reader.readsPastTheEnd == 0)
    }

    @Test("an edit taken back with :undo leaves nothing to ask about")
    func undoneEditIsNotUnsaved() {
        let (status, reader, _) = runLoop([.line("x = 1"), .line(":undo"), .endOfInput])
        #expect(status == 0)
        #expect(!reader.prompts.contains { $0.contains("[y/n]") })
        #expect(reader.readsPastTheEnd == 0)
    }

    @Test(":load and :new ask before leaving unsaved changes; n goes on, Ctrl-C keeps the model", arguments: [":new", ":load PATH"])
    func replacingAsks(command: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.model").path
        try "other = 7\n".write(toFile: path, atomically: true, encoding: .utf8)
        let line = command.replacingOccurrences(of: "PATH", with: path)
        let (status, reader, printed) = runLoop([
            .line("x = 1"), .line(line), .interrupted, .line("x"), .line(line), .line("n"), .line("x"), .endOfInput,
        ])
        #expect(status == 0)
        #expect(reader.prompts.filter { $0 == "save changes? [y/n] " }.count == 2)
        #expect(printed.output.prefix(2) == ["x = 1 (new)", "1"])
        #expect(printed.output.contains { $0.hasPrefix("now editing") })
        #expect(printed.output.last == "#NAME?")
        #expect(reader.readsPastTheEnd == 0)
    }

    @Test("Ctrl-C at the question goes back to the REPL; a failed save keeps it open too")
    func stayAfterCancelOrFailure() {
        let (status, reader, printed) = runLoop([
            .line("x = 1"), .endOfInput, .interrupted, .line("x"),
            .endOfInput, .line("y"), .line("/no/such/folder/x.model"),
            .line("x + 1"), .endOfInput, .line("n"),
        ])
        #expect(status == 0)
        #expect(printed.output == ["x = 1 (new)", "1", "2"])
        #expect(printed.errors.first?.hasPrefix("error: /no/such/folder/x.model: ") == true)
        #expect(reader.prompts.filter { $0 == "leadlag> " }.count == 6)
    }

    @Test("without line editing there is no question, even with unsaved changes")
    func noQuestionWhenNotInteractive() {
        let (status, reader, _) = runLoop([.line("x = 1"), .endOfInput], interactive: false)
        #expect(status == 0)
        #expect(!reader.prompts.contains { $0.contains("[y/n]") })
    }

    @Test("a script stops at its first error with status 1; piped input goes on but still ends with 1")
    func batch() {
        let lines: [LineEvent] = [.line("x = 1"), .line("z = z"), .line("y = 2"), .line(":assert y == 3"), .line("y")]
        let stopping = PrintedLines()
        let stopped = BatchRunner(
            session: makeSession([]), reader: ScriptedReader(lines, isInteractive: false),
            sourceName: "s.leadlag", stopsAtFirstError: true, console: stopping.console
        ).run()
        #expect(stopped == 1)
        #expect(stopping.output == ["x = 1 (new)"])
        #expect(stopping.errors == ["s.leadlag:2: error: cycle: z → z"])

        let going = PrintedLines()
        let finished = BatchRunner(
            session: makeSession([]), reader: ScriptedReader(lines, isInteractive: false),
            sourceName: "<stdin>", stopsAtFirstError: false, console: going.console
        ).run()
        #expect(finished == 1)
        #expect(going.output == ["x = 1 (new)", "y = 2 (new)", "2"])
        #expect(going.errors == [
            "<stdin>:2: error: cycle: z → z", "<stdin>:4: error: assertion failed: y == 3 (false, y = 2)",
        ])
    }

    @Test("a script without errors ends with status 0, and :quit ends it early")
    func batchSuccess() {
        let printed = PrintedLines()
        let status = BatchRunner(
            session: makeSession([]),
            reader: ScriptedReader([.line("x = 1"), .line(":quit"), .line("x = 2")], isInteractive: false),
            sourceName: "s", stopsAtFirstError: true, console: printed.console
        ).run()
        #expect(status == 0)
        #expect(printed.output == ["x = 1 (new)"])
    }
}
