import Foundation
import ModelFile
import PlanEngine
import Testing
@testable import Shell

/// `periods = …` typed at the REPL: one undoable edit that adds the line to the model's file, once.
@Suite struct TypedPeriodsTests {
    static let header = """
        # A plan for one month.

        leads = 120
        deal = $2400
        revenue = leads * 10% * deal

        """

    @Test func theLineGoesUnderTheFilesHeaderAndEveryFormulaRunsOverThePeriods() throws {
        let session = Session(workbook: try Workbook.parse(Self.header, path: "plan.model").get())
        let reply = session.handle("periods = 2027-01 .. 2027-03   # a quarter")
        #expect(reply.errors.isEmpty)
        #expect(reply.output == ["every cell is a series over 2027-01 .. 2027-03 now (3 periods): :list shows them"])
        #expect(session.workbook.render() == """
            # A plan for one month.

            periods = 2027-01 .. 2027-03   # a quarter

            leads = 120
            deal = $2400
            revenue = leads * 10% * deal

            """)
        #expect(session.hasUnsavedChanges)
        #expect(session.workbook.path == "plan.model")
        #expect(session.handle("leads = 100 + 10 * t").output.first == "leads total       360 → 330      -8.33%  ▁▅█")
        #expect(session.model.values(of: "revenue") == [.number(24_000), .number(26_400), .number(28_800)])
    }

    /// The session after typing a periods line and editing reads as a fresh load of its file:
    /// a cell reading a name not defined (and what reads it) varies over time in both or in neither.
    @Test func anEditAfterTypedPeriodsLeavesTheModelAsAFreshLoadOfItsFile() throws {
        let text = "leads = 120\nopportunities = leads * conversion\nwins = opportunities * 33%\n"
        let session = Session(workbook: try Workbook.parse(text, path: "plan.model").get())
        _ = session.handle("periods = 2027-01 .. 2027-03")
        _ = session.handle("leads = 120 * 1.1 ^ t")
        let fresh = try Workbook.parse(session.workbook.render(), path: "plan.model").get().model
        // Expressions hold where their file put them; what is compared is what each cell holds.
        let held = { (model: Model) in model.cellsInOrder.map { "\($0.name) = \($0.formula): \($0.values) \($0.format)" } }
        #expect(held(session.model) == held(fresh))
        #expect(session.model.isSeries("wins"))
        #expect(session.model.values(of: "wins") == Array(repeating: .error(.name), count: 3))
    }

    /// A typed periods line is an edit of its own kind, told apart from a plan swapped by `:new`
    /// or `:load` by what it is, whatever its text.
    @Test func undoingAPeriodsLineAndANewPlanEachSayWhatTheyWere() throws {
        let session = Session(workbook: try Workbook.parse(Self.header, path: "plan.model").get())
        _ = session.handle("periods = 2027-01 .. 2027-03")
        _ = session.handle(":new")
        #expect(session.handle(":undo").output == ["undid :new", "now editing plan.model: 3 cells, 0 goals, 0 scenarios"])
        #expect(session.model.timeline.count == 3)
        #expect(session.handle(":undo").output == [
            "undid periods = 2027-01 .. 2027-03", "the plan has one period again: every cell is one value",
        ])
        #expect(session.handle(":redo").output == [
            "redid periods = 2027-01 .. 2027-03",
            "every cell is a series over 2027-01 .. 2027-03 now (3 periods): :list shows them",
        ])
    }

    @Test func undoTakesTheLineAwayAndRedoPutsItBack() throws {
        let session = Session(workbook: try Workbook.parse(Self.header, path: "plan.model").get())
        _ = session.handle("periods = 2027-Q1 .. 2027-Q4")
        #expect(session.handle(":undo").output == [
            "undid periods = 2027-Q1 .. 2027-Q4", "the plan has one period again: every cell is one value",
        ])
        #expect(session.workbook.render() == Self.header)
        #expect(!session.hasUnsavedChanges)
        #expect(!session.model.timeline.hasPeriods)
        _ = session.handle(":redo")
        #expect(session.model.timeline.count == 4)
        #expect(session.workbook.render().hasPrefix("# A plan for one month.\n\nperiods = 2027-Q1 .. 2027-Q4\n\nleads = 120\n"))
    }

    @Test func aNewModelGetsTheLineFirstAndKeepsNoFile() {
        let session = makeSession(["leads = 120", "wins = leads * 10%"])
        _ = session.handle("periods = 2027 .. 2029")
        #expect(session.workbook.render() == "periods = 2027 .. 2029\n\nleads = 120\nwins = leads * 10%\n")
        #expect(session.workbook.path == nil)
        #expect(session.handle(":list").output == [
            "       2027  2028  2029", "lead indicators", "leads  120", "", "lag indicators", "wins   12",
        ])
    }

    @Test func aSecondPeriodsLineIsRefusedAtItsPeriodsAndNothingChanges() throws {
        let session = Session(workbook: try Workbook.parse(SeriesReplTests.plan, path: "plan.model").get())
        let reply = session.handle("periods = 2027-01 .. 2027-12")
        #expect(reply.failed)
        #expect(reply.errors == [
            "<input>:1:11: error: the plan already has periods (2027-01 .. 2027-03): :edit the file to change them",
            "periods = 2027-01 .. 2027-12",
            "          ^~~~~~~~~~~~~~~~~~",
        ])
        #expect(session.workbook.render() == SeriesReplTests.plan)
        #expect(session.handle(":undo").output == ["nothing to undo"])
    }

    @Test func aPeriodsLineThatCannotBeAPlanIsRefusedAtItsPeriods() {
        let session = makeSession()
        #expect(session.handle("periods = 2027-06 .. 2027-01").errors.first
            == "<input>:1:11: error: the range runs backwards: 2027-06 comes after 2027-01")
        #expect(!session.model.timeline.hasPeriods)
    }
}
