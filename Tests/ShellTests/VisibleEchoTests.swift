import Foundation
import Testing
@testable import Shell

/// Whatever the REPL quotes back (a name, a command, a path, a comment) reaches the terminal with
/// its control characters escaped: `ESC [8m` typed or pasted cannot hide or repaint the screen.
@Suite("Echoed user text shows control characters as escapes")
struct VisibleEchoTests {
    @Test("errors that quote the input escape ESC and C1 bytes", arguments: [
        (":show \u{1B}[8mfoo", "error: no cell named '^[[8mfoo'"),
        (":show \u{9B}2Jfoo", "error: no cell named '\\x9b2Jfoo'"),
        (":\u{1B}[8mfoo", "unknown command ':^[[8mfoo' (try :help)"),
        (":help \u{9B}2J", "unknown command ':\\x9b2J' (try :help)"),
        (":scenario use \u{1B}[8mq", "error: no scenario named '^[[8mq' (there are none yet)"),
        (":rename leads \u{1B}[8m", "error: '^[[8m' is not a valid name (letters, digits and _, not starting with a digit)"),
        (":list \u{9B}2J", "list shows lead or lag indicators, not '\\x9b2J'"),
    ])
    func errors(line: String, message: String) {
        let reply = makeSession().handle(line)
        #expect(reply.failed)
        #expect(reply.errors.first == message)
        #expect(!reply.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }

    @Test("a script's error names the script's path escaped too")
    func scriptPath() {
        let reply = makeSession().handle(":show nope", at: InputLocation(path: "\u{1B}[8mrun.leadlag", line: 2))
        #expect(reply.errors.first == "^[[8mrun.leadlag:2: error: no cell named 'nope'")
    }

    @Test("a typed comment with escape bytes comes back escaped when :undo names it")
    func comment() {
        let session = makeSession()
        _ = session.handle("# after the \u{1B}[8mtrade\u{9B}2J show")
        let undo = session.handle(":undo")
        #expect(undo.output == ["undid # after the ^[[8mtrade\\x9b2J show"])
        let redo = session.handle(":redo")
        #expect(redo.output == ["redid # after the ^[[8mtrade\\x9b2J show"])
    }

    @Test("a path that does not load is named escaped")
    func loadPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\u{1B}[8mmissing.model").path
        let reply = makeSession().handle(":load \(path)")
        #expect(reply.failed)
        #expect(reply.errors.first?.contains("^[[8mmissing.model") == true, "\(reply.errors)")
        #expect(!reply.text.contains("\u{1B}"))
    }

    @Test("exporting to a path with escape bytes names it escaped")
    func exportPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\u{1B}[8mvalues.json").path
        let reply = makeSession().handle(":export json \(path)")
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output == ["exported 7 cells to \(folder.path)/^[[8mvalues.json"])
    }

    @Test("a definition, goal or command holding a carriage return is refused, echoed with it escaped",
          arguments: ["bonus = leads *\r2", "goal revenue\r>= 1", ":show revenue\rx"])
    func carriageReturnRefused(line: String) {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(!reply.text.contains("\r"), "\(reply.text)")
        #expect(reply.errors.dropFirst().first == line.replacingOccurrences(of: "\r", with: "^M"))
        #expect(session.workbook.render() == before)
    }
}
