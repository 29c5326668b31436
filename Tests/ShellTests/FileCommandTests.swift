import Foundation
import Testing
@testable import Shell

@Suite(":save, :load, :export and :assert")
struct FileCommandTests {
    @Test(":save PATH writes the model to disk and makes PATH the model's file")
    func save() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.model").path
        let session = makeSession()
        _ = session.handle("goal revenue >= 15k")
        #expect(session.hasUnsavedChanges)
        let reply = session.handle(":save \(path)")
        #expect(reply.output == ["saved \(path)"])
        #expect(!session.hasUnsavedChanges)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (funnel + ["goal revenue >= 15k"]).joined(separator: "\n") + "\n")

        _ = session.handle("leads = 150")
        #expect(session.handle(":save").output == ["saved \(path)"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("leads = 150\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["plan.model"])
    }

    @Test(":save without a file name on a new model says how to give one")
    func saveWithoutPath() {
        let reply = makeSession().handle(":save")
        #expect(reply.failed)
        #expect(reply.errors == ["error: no file name yet: give one, as in :save plan.model"])
    }

    @Test(":save into a folder that does not exist fails and keeps the changes unsaved")
    func saveFails() {
        let session = makeSession()
        let reply = session.handle(":save /nonexistent-folder-for-leadlag/plan.model")
        #expect(reply.failed)
        #expect(reply.errors.first?.hasPrefix("error: /nonexistent-folder-for-leadlag/plan.model: ") == true)
        #expect(session.hasUnsavedChanges)
    }

    @Test(":load of a file with errors prints every diagnostic and changes nothing")
    func loadBadFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.model").path
        try "leads = 100\nwins = leads *\nrate = (2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(":load \(path)")
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors.contains { $0.hasPrefix("\(path):2:") && $0.contains("error") })
        #expect(reply.errors.contains { $0.hasPrefix("\(path):3:") })
        #expect(reply.errors.contains("wins = leads *"))
        #expect(session.workbook.render() == before)
        #expect(session.workbook.path == nil)
        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value")
    }

    @Test(":load of a missing file fails and changes nothing")
    func loadMissingFile() {
        let session = makeSession()
        let reply = session.handle(":load /no/such/plan.model")
        #expect(reply.failed)
        #expect(reply.errors.first?.hasPrefix("/no/such/plan.model: error: ") == true)
        #expect(session.workbook.model.count == funnel.count)
    }

    @Test(":load replaces the model, prints its warnings, and :undo brings the old one back")
    func loadGoodFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("small.model").path
        try "# a small plan\nleads = 10\ntotal = leads * price\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = makeSession()
        let reply = session.handle(":load \(path)")
        #expect(!reply.failed)
        #expect(reply.output == ["now editing \(path): 2 cells, 0 goals, 0 scenarios"])
        #expect(reply.errors.first?.contains("warning: 'price' is not defined") == true)
        #expect(session.workbook.path == path)
        #expect(shown("leads", in: session) == "10")
        _ = session.handle(":undo")
        #expect(shown("leads", in: session) == "120")
        #expect(session.workbook.path == nil)
    }

    @Test(":export json prints one object in file order at 15 significant digits")
    func exportJSON() {
        let session = makeSession(["leads = 120", "rate = 1/3", "big = leads > 100", "bad = 1/0"])
        #expect(session.handle(":export json").output == [
            "{",
            "  \"leads\": 120,",
            "  \"rate\": 0.333333333333333,",
            "  \"big\": true,",
            "  \"bad\": \"#DIV/0!\"",
            "}",
        ])
    }

    @Test(":export csv prints name,value rows at 15 significant digits")
    func exportCSV() {
        let session = makeSession(["leads = 120", "rate = 1/3", "big = leads > 100", "bad = 1/0"])
        #expect(session.handle(":export csv").output == [
            "name,value", "leads,120", "rate,0.333333333333333", "big,true", "bad,#DIV/0!",
        ])
    }

    @Test(":export FORMAT PATH writes the file instead", arguments: ["csv", "json"])
    func exportToFile(format: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("values.\(format)").path
        let session = makeSession()
        let reply = session.handle(":export \(format) \(path)")
        #expect(reply.output == ["exported 7 cells to \(path)"])
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == session.handle(":export \(format)").output.joined(separator: "\n") + "\n")
    }

    @Test(":assert passes silently when true or non-zero",
          arguments: ["revenue > 10k", "leads", "true", "wins * 0 + 1"])
    func assertPasses(expression: String) {
        let reply = makeSession().handle(":assert \(expression)")
        #expect(!reply.failed)
        #expect(reply.lines.isEmpty)
    }

    @Test(":assert fails with the expression and its value", arguments: [
        ("revenue > 20k", "error: assertion failed: revenue > 20k (false, revenue = $14,256)"),
        ("leads - 120", "error: assertion failed: leads - 120 (0)"),
        ("leads / 0 > 1", "error: assertion failed: leads / 0 > 1 (#DIV/0!, leads / 0 = #DIV/0!)"),
        ("false", "error: assertion failed: false (false)"),
        ("nothing > 1", "error: assertion failed: nothing > 1 (#NAME?, nothing = #NAME?)"),
    ])
    func assertFails(expression: String, message: String) {
        let reply = makeSession().handle(":assert \(expression)")
        #expect(reply.failed)
        #expect(reply.errors == [message])
    }

    @Test(":assert with a malformed expression points at the column in the line as typed")
    func assertParseError() throws {
        let reply = makeSession().handle(":assert revenue >")
        #expect(reply.failed)
        let header = try #require(reply.errors.first)
        #expect(header.hasPrefix("<input>:1:"))
        #expect(reply.errors.dropFirst().first == ":assert revenue >")
        let column = try #require(Int(header.split(separator: ":")[2]))
        #expect(column > ":assert ".count)
    }
}
