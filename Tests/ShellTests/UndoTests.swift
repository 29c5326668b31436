import ModelFile
import Testing
@testable import Shell

@Suite(":undo and :redo of every kind of edit")
struct UndoTests {
    @Test("undoing a redefinition restores the old formula and reports the values moving back")
    func redefinition() {
        let session = makeSession()
        _ = session.handle("leads = 150")
        let undo = session.handle(":undo")
        #expect(undo.output.first == "undid leads = 150")
        #expect(undo.output.contains("leads            150 → 120      -20%"))
        #expect(session.workbook.model["leads"]?.formula == "120")
        let redo = session.handle(":redo")
        #expect(redo.output.first == "redid leads = 150")
        #expect(shown("revenue", in: session) == "$17,820")
    }

    @Test("undoing a new cell removes it; redo puts it back in the same place")
    func newCell() {
        let session = makeSession()
        _ = session.handle("profit = revenue * 20%")
        #expect(session.handle(":undo").output == ["undid profit = revenue * 20%", "profit deleted (was $2,851.20)"])
        #expect(session.workbook.model["profit"] == nil)
        _ = session.handle(":redo")
        #expect(session.workbook.model.names.last == "profit")
    }

    @Test("undoing a delete puts the cell back at its position with its formula")
    func delete() {
        let session = makeSession()
        let names = session.workbook.model.names
        let deletion = session.handle(":delete wins")
        #expect(deletion.output == ["wins deleted (was 5.94)", "revenue $14,256 → #NAME?"])
        #expect(deletion.errors == ["warning: 'wins' is not defined (used by revenue)"])
        let undo = session.handle(":undo")
        #expect(undo.output == ["undid :delete wins", "wins = 5.94 (restored)", "revenue #NAME? → $14,256"])
        #expect(session.workbook.model.names == names)
        #expect(session.workbook.model["wins"]?.formula == "opportunities * win_rate")
        #expect(shown("revenue", in: session) == "$14,256")
        _ = session.handle(":redo")
        #expect(session.workbook.model["wins"] == nil)
    }

    @Test("undoing a rename renames back and restores the formulas that used the name")
    func rename() {
        let session = makeSession()
        let rename = session.handle(":rename wins deals")
        #expect(rename.output == ["renamed wins → deals"])
        #expect(session.workbook.model["revenue"]?.formula == "deals * deal_value")
        #expect(session.handle(":undo").output == ["undid :rename wins deals", "renamed deals → wins"])
        #expect(session.workbook.model["revenue"]?.formula == "wins * deal_value")
        #expect(session.workbook.model.names == makeSession().workbook.model.names)
        _ = session.handle(":redo")
        #expect(session.workbook.model["deals"] != nil)
    }

    @Test("a rename the engine refuses changes nothing and is not recorded", arguments: [
        (":rename wins revenue", "error: a cell named 'revenue' already exists"),
        (":rename nope other", "error: no cell named 'nope'"),
        (":rename wins if", "error: 'if' is a reserved word"),
    ])
    func refusedRename(line: String, error: String) {
        let session = makeSession()
        let reply = session.handle(line)
        #expect(reply.errors == [error])
        #expect(reply.failed)
        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value")
    }

    @Test("undoing a goal removes it")
    func goal() {
        let session = makeSession()
        _ = session.handle("goal revenue >= 15k")
        #expect(session.workbook.goals.count == 1)
        #expect(session.handle(":undo").output == ["undid goal revenue >= 15k", "removed goal revenue >= 15k"])
        #expect(session.workbook.goals.isEmpty)
        _ = session.handle(":redo")
        #expect(session.workbook.goals.map(\.text) == ["revenue >= 15k"])
    }

    @Test(":new can be undone, bringing back unsaved work")
    func newModel() {
        let session = makeSession()
        #expect(session.handle(":new").output == [
            "now editing a model with no file yet: 0 cells, 0 goals, 0 scenarios",
        ])
        #expect(session.workbook.model.count == 0)
        #expect(session.handle(":undo").output == [
            "undid :new", "now editing a model with no file yet: 7 cells, 0 goals, 0 scenarios",
        ])
        #expect(shown("revenue", in: session) == "$14,256")
    }

    @Test("undo and redo walk the history in order, and a new edit clears what could be redone")
    func history() {
        let session = makeSession(["x = 1"])
        _ = session.handle("x = 2")
        _ = session.handle("x = 3")
        _ = session.handle(":undo")
        _ = session.handle(":undo")
        #expect(shown("x", in: session) == "1")
        _ = session.handle(":redo")
        #expect(shown("x", in: session) == "2")
        _ = session.handle("x = 10")
        #expect(session.handle(":redo").output == ["nothing to redo"])
        _ = session.handle(":undo")
        _ = session.handle(":undo")
        _ = session.handle(":undo")
        #expect(session.handle(":undo").output == ["nothing to undo"])
        #expect(session.workbook.model.count == 0)
    }
}

@Suite("undo gives the file back its own text")
struct UndoKeepsFileTextTests {
    static let text = """
        # plan
        leads = 120        # per month
        conversion = 15%   # about 15% if unknown

        # the lags
        opportunities = leads * conversion

        [scenario big]
        leads = 200   # a good month
        conversion = 20%

        """

    @Test("a delete undone puts back its lines, comments and scenario overrides where they were")
    func deleteUndoneRestoresLinesVerbatim() throws {
        for name in ["leads", "conversion", "opportunities"] {
            let workbook = try Workbook.parse(Self.text, path: "plan.model").get()
            let session = Session(workbook: workbook)
            #expect(!session.handle(":delete \(name)").failed)
            #expect(session.workbook.render() != Self.text)
            #expect(!session.handle(":undo").failed)
            #expect(session.workbook.render() == Self.text, "after :delete \(name) and :undo")
            #expect(!session.handle(":redo").failed)
            #expect(session.workbook.model[name] == nil)
            #expect(!session.handle(":undo").failed)
            #expect(session.workbook.render() == Self.text, "after :redo and :undo of \(name)")
            #expect(session.workbook.scenarios.first?.overrides.map(\.name) == ["leads", "conversion"])
        }
    }
}

@Suite("a comment typed with a definition goes into the file")
struct TypedCommentTests {
    @Test("replaces the line's comment; undo puts the old one back; a new cell keeps its comment")
    func typedCommentIsSaved() throws {
        let text = "leads = 120        # per month\nwins = leads * 5%\n"
        let session = Session(workbook: try Workbook.parse(text, path: "plan.model").get())
        #expect(!session.handle("leads = 150   # after the trade show").failed)
        #expect(session.workbook.render() == "leads = 150   # after the trade show\nwins = leads * 5%\n")
        #expect(!session.handle("leads = 160").failed)
        #expect(session.workbook.render() == "leads = 160   # after the trade show\nwins = leads * 5%\n")
        #expect(!session.handle(":undo").failed)
        #expect(!session.handle(":undo").failed)
        #expect(session.workbook.render() == text)
        #expect(!session.handle("deals = wins * 2 # two per win").failed)
        #expect(session.workbook.render() == text + "deals = wins * 2 # two per win\n")
    }
}
