import Foundation
import Testing
@testable import Shell

@Suite("The habits of other REPLs: aliases, bare quit and help, :edit in the person's editor")
struct HabitsTests {
    @Test("aliases run their command", arguments: [(":q", true), (":exit", true), (":quit", true), (":h", false)])
    func aliases(line: String, quits: Bool) {
        let reply = makeSession().handle(line)
        #expect(!reply.failed)
        #expect(reply.quitRequested == quits)
        if !quits { #expect(reply.output.contains { $0.hasPrefix(":seek") }) }
    }

    @Test("quit, exit and help alone are commands, unless a cell has that name")
    func bareWords() {
        let session = makeSession()
        #expect(session.handle("quit").quitRequested)
        #expect(session.handle(" exit ").quitRequested)
        #expect(session.handle("help").output.first?.hasPrefix("Type a definition") == true)
        let withCell = makeSession(["help = 3"])
        #expect(withCell.handle("help").output == ["3"])
        #expect(!withCell.handle("help").quitRequested)
    }

    @Test(":help of a command names its aliases")
    func helpNamesAliases() {
        #expect(makeSession().handle(":help quit").output.last == "Also: :q, :exit")
    }

    /// A session on a model file in a fresh folder, with `editor` as its editor.
    private func editing(_ text: String, editor: String?) throws -> (Session, String, URL) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.model").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let session = makeSession()
        #expect(!session.handle(":load \(path)").failed)
        session.editor = editor
        return (session, path, folder)
    }

    @Test(":edit runs the editor on the model's file and loads what it wrote; :undo brings the old model back")
    func editReloads() throws {
        let (session, path, folder) = try editing(funnel.joined(separator: "\n") + "\n", editor: "sed -i s/120/150/")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reply = session.handle(":edit")
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output.first == "now editing \(path): 7 cells, 0 goals, 0 scenarios")
        #expect(session.model["leads"]?.formula == "150")
        #expect(shown("revenue", in: session) == "$17,820")
        #expect(!session.hasUnsavedChanges)
        _ = session.handle(":undo")
        #expect(session.model["leads"]?.formula == "120")
    }

    @Test(":edit that leaves a file that does not load lists its errors and keeps the model")
    func editKeepsModelOnErrors() throws {
        let (session, path, folder) = try editing(funnel.joined(separator: "\n") + "\n", editor: "sed -i 's/= 120/= 120 +/'")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reply = session.handle(":edit")
        #expect(reply.failed)
        #expect(reply.errors.first?.hasPrefix("\(path):1:") == true, "\(reply.errors)")
        #expect(reply.output == ["the model is as it was; :edit again to fix the file"])
        #expect(session.model["leads"]?.formula == "120")
        #expect(session.model.count == 7)
    }

    @Test(":edit refuses without an editor, without a file, with unsaved changes, and when the editor fails")
    func editRefusals() throws {
        let (session, _, folder) = try editing("leads = 1\n", editor: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.handle(":edit").errors == ["error: no editor: set VISUAL or EDITOR (export EDITOR=nano) and :edit again"])
        session.editor = "false"
        #expect(session.handle(":edit").errors == ["error: the editor 'false' exited with status 1; the model is as it was"])
        session.editor = "true"
        #expect(session.handle(":edit").output.last?.hasSuffix("plan.model is unchanged") == true)
        _ = session.handle("leads = 2")
        #expect(session.handle(":edit").errors
            == ["error: the model has unsaved changes: :save them first, so the editor shows what you see"])
        let unnamed = makeSession()
        unnamed.editor = "true"
        #expect(unnamed.handle(":edit").errors == ["error: the model has no file yet: :save PATH first, then :edit"])
    }
}
