import Foundation
import Testing
@testable import Shell

@Suite("Goals and comments typed in the REPL: :goals delete, :help goal, comments saved where typed")
struct GoalDeleteAndCommentTests {
    private let file = """
        leads = 120
        wins = leads * 2
        goal wins >= 100   # the monthly target
        goal leads > 500
        goal wins < 1000

        [scenario high]
        leads = 200

        """

    /// A session on `file` saved in a fresh folder; the caller removes the folder.
    private func session() throws -> (Session, String, URL) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("plan.model").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        let session = Session()
        #expect(!session.handle(":load \(path)").failed)
        return (session, path, folder)
    }

    @Test(":goals delete N removes the N-th goal from the list and the file; :undo puts it back in its place")
    func deleteByNumber() throws {
        let (session, path, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.handle(":goals delete 1").output == ["removed goal wins >= 100"])
        #expect(session.workbook.goals.map(\.text) == ["leads > 500", "wins < 1000"])
        _ = session.handle(":save")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == file.replacingOccurrences(of: "goal wins >= 100   # the monthly target\n", with: ""))
        _ = session.handle(":undo")
        _ = session.handle(":save")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == file)
    }

    @Test(":goal delete TEXT finds the goal as written, spaces aside")
    func deleteByText() throws {
        let (session, _, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.handle(":goal delete leads>500").output == ["removed goal leads > 500"])
        #expect(session.handle(":goals delete goal wins < 1000").output == ["removed goal wins < 1000"])
        #expect(session.workbook.goals.map(\.text) == ["wins >= 100"])
    }

    @Test(":goals delete of a goal that is not there says which there are and changes nothing")
    func deleteUnknown() throws {
        let (session, _, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.handle(":goals delete 4").errors == ["error: no goal 4: goals are 1 to 3 (:goals lists them)"])
        #expect(session.handle(":goals delete revenue > 1").errors == ["error: no goal revenue > 1: goals are 1 to 3 (:goals lists them)"])
        #expect(session.handle(":goals delete").errors == ["which goal? give its number or its text", "Usage: :goals [delete N|GOAL]"])
        #expect(session.workbook.goals.count == 3)
        #expect(!session.hasUnsavedChanges)
    }

    @Test(":help goal explains goal lines")
    func helpGoal() {
        let output = makeSession().handle(":help goal").output
        #expect(output.first == "Usage: :goals [delete N|GOAL]")
        #expect(output.contains { $0.hasPrefix("A goal line records a target to track: type goal revenue >= 50k") })
    }

    @Test("a whole-line comment typed in the REPL is saved where it was typed; :undo takes it back")
    func commentsAreKept() throws {
        let (session, path, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = session.handle("# new this quarter")
        _ = session.handle("churn = 2%")
        _ = session.handle("  # end of the new cells")
        #expect(session.hasUnsavedChanges)
        _ = session.handle(":save")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved == file.replacingOccurrences(
            of: "goal wins < 1000\n", with: "goal wins < 1000\n# new this quarter\nchurn = 2%\n# end of the new cells\n"))
        _ = session.handle(":undo")
        _ = session.handle(":save")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("churn = 2%\n\n[scenario high]\nleads = 200\n"))
    }

    @Test("a comment in a script belongs to the script: the model is unchanged")
    func scriptComments() {
        let session = makeSession()
        let before = session.workbook.render()
        _ = session.handle("# a script comment", at: InputLocation(path: "s.leadlag", line: 1))
        #expect(session.workbook.render() == before)
    }
}
