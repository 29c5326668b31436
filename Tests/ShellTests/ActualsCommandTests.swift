import Foundation
import ModelFile
import Testing
@testable import Shell

/// `actual` lines typed, `:actuals import`, `:actuals clear` and `:variance` in a session:
/// all or nothing, reported as values that moved, and undone byte for byte.
@Suite struct ActualsCommandTests {
    static let plan = """
        periods = 2027-01 .. 2027-03
        leads = 100            # per month
        conversion = 10%
        opportunities = leads * conversion
        pipeline = prev(pipeline) + opportunities

        """

    private func session() throws -> Session {
        Session(workbook: try Workbook.parse(Self.plan, path: "plan.model").get())
    }

    private func csv(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("actuals.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aTypedActualMovesWhatItReachesAndUndoRestoresTheFile() throws {
        let session = try session()
        let reply = session.handle("actual leads[2027-02] = 80")
        #expect(reply.output == [
            "leads[2027-02]        100 → 80    -20%  █▁█",
            "opportunities[2027-02] 10 → 8     -20%  █▁█",
            "pipeline last          30 → 28  -6.67%  ▁▄█",
        ])
        #expect(session.workbook.render().contains("leads = 100            # per month\nactual leads[2027-02] = 80\n"))
        _ = session.handle(":undo")
        #expect(session.workbook.render() == Self.plan)
    }

    @Test func anImportWithBadRowsReportsEveryOneAndChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try csv("name,period,value\nleads,2027-01,90\nleeds,2027-01,1\nleads,2027-09,1\nleads,2027-02,lots\n",
                           in: folder)
        let session = try session()
        let reply = session.handle(":actuals import \(path)")
        #expect(reply.failed)
        #expect(reply.errors == [
            "\(path):3: error: no cell named 'leeds' (did you mean leads?)",
            "\(path):4: error: 2027-09 is outside the plan (2027-01 .. 2027-03)",
            "\(path):5: error: 'lots' is not a number (leads in 2027-02)",
            "nothing imported",
        ])
        #expect(session.workbook.render() == Self.plan)
        #expect(session.workbook.model.actuals.isEmpty)
        #expect(session.handle(":undo").output == ["nothing to undo"])
    }

    @Test func aReimportReplacesAndSaysWhatMovedThenUndoRestoresBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try session()
        let first = try csv("\u{FEFF}leads,2027-01,\"1,000\"\r\nconversion,2027-01,8%\r\n", in: folder)
        #expect(session.handle(":actuals import \(first)").output.first == "imported 2 actuals from \(first)")
        let afterFirst = session.workbook.render()
        #expect(afterFirst.contains("leads = 100            # per month\nactual leads[2027-01] = 1000\n"))
        #expect(afterFirst.contains("conversion = 10%\nactual conversion[2027-01] = 8%\n"))
        #expect(session.workbook.model.values(of: "opportunities").compactMap(\.numeric) == [80, 10, 10])

        let second = try csv("leads,2027-01,1000\nconversion,2027-01,9%\n", in: folder)
        let reply = session.handle(":actuals import \(second)")
        #expect(reply.output == [
            "imported 2 actuals from \(second) (2 replaced, 1 of them with a new value)",
            "conversion[2027-01]    8% → 9%   +12.5%  ▁██",
            "opportunities[2027-01] 80 → 90   +12.5%  █▁▁",
            "pipeline last         100 → 110    +10%  ▁▅█",
        ])
        _ = session.handle(":undo")
        #expect(session.workbook.render() == afterFirst)
        _ = session.handle(":undo")
        #expect(session.workbook.render() == Self.plan)
    }

    @Test func clearTakesOneAwayAndUndoPutsTheUsersLineBack() throws {
        let text = Self.plan + "actual leads[2027-01]=90   # from the CRM\n"
        let session = Session(workbook: try Workbook.parse(text, path: "plan.model").get())
        #expect(session.handle(":actuals clear leads[2027-02]").errors == ["error: leads has no actual for 2027-02"])
        let cleared = session.handle(":actuals clear leads[2027-01]")
        #expect(cleared.output.first == "leads[2027-01]        90 → 100  +11.11%  ▄▄▄")
        #expect(session.workbook.render() == Self.plan)
        _ = session.handle(":undo")
        #expect(session.workbook.render() == text)
    }

    @Test func varianceListsPlanActualDifferenceAndYearToDate() throws {
        let session = try session()
        _ = session.handle("actual leads[2027-01] = 90")
        _ = session.handle("actual opportunities[2027-01] = 6")
        _ = session.handle("actual opportunities[2027-02] = 12")
        #expect(session.handle(":variance").output == [
            "cell           period     plan  actual  difference     %",
            "leads          2027-01     100      90         -10  -10%",
            "               YTD total   100      90         -10  -10%",
            "opportunities  2027-01      10       6          -4  -40%",
            "               2027-02      10      12          +2  +20%",
            "               YTD total    20      18          -2  -10%",
        ])
        #expect(session.handle(":variance conversion").output == ["conversion has no actuals"])
        #expect(session.handle(":actuals").output.last == "current period: 2027-02 (the last with an actual)")
    }

    @Test func listMarksActualValuesApartFromThePlan() throws {
        let session = try session()
        _ = session.handle("actual leads[2027-02] = 80")
        let lines = session.handle(":list").output
        #expect(lines.contains { $0.hasPrefix("leads") && $0.contains("100       80*     100     280") })
        #expect(lines.last == "* actual; the other values follow from the plan and the actuals")
        // Periods without an actual are listed without marks or legend; a narrow terminal wraps the legend.
        let later = session.handle(":list 2027-03 .. 2027-03").output
        #expect(!later.contains { $0.contains("*") } && later.contains { $0.hasPrefix("leads") && $0.hasSuffix("100") }, "\(later)")
        let narrow = Session(workbook: session.workbook, width: 40).handle(":list").output
        #expect(narrow.suffix(2) == ["* actual; the other values follow from", "the plan and the actuals"], "\(narrow)")
    }

    @Test func anEditOfPeriodsHeldByActualsSaysTheyStayAndMovesOnlyThePlan() throws {
        let session = try session()
        _ = session.handle("actual leads[2027-02] = 80")
        _ = session.handle("actual leads[2027-03] = 70")
        let reply = session.handle("leads[2027-02] = 90")
        // 100 + 80 + 70: the actuals hold; only the plan of 2027-02 is 90 now.
        #expect(reply.output == ["leads = total 250 (unchanged)"])
        #expect(reply.errors == ["warning: leads has an actual in 2027-02 (80), which stays: the edit changes only the plan there (:variance compares the two)"])
        #expect(session.handle(":variance leads").output.dropFirst().first?.hasPrefix("leads  2027-02      90      80         -10") == true)
        #expect(session.handle("leads[2027-02 .. 2027-03] = 95").errors
            == ["warning: leads has actuals in 2027-02 .. 2027-03, which stay: the edit changes only the plan there (:variance compares the two)"])
        // An edit that reaches a period without an actual moves values and needs no note.
        let moving = session.handle("leads[2027-01 .. 2027-02] = 110")
        #expect(moving.errors.isEmpty && moving.output.first?.hasPrefix("leads[2027-01]") == true, "\(moving.output)")
    }

    @Test func actualsAreRefusedWhileAScenarioIsShown() throws {
        let session = Session(workbook: try Workbook.parse(Self.plan + "[scenario s]\nconversion = 20%\n", path: "p.model").get())
        _ = session.handle(":scenario use s")
        let reply = session.handle("actual leads[2027-01] = 1")
        #expect(reply.errors == ["error: actuals belong to the base model: :scenario base first (now on scenario s)"])
    }
}

/// `:calibrate` and `:calibrate apply` in a session.
@Suite struct CalibrateCommandTests {
    @Test func applySetsTheImpliedRateAfterTheCurrentPeriodAndUndoRestoresTheFile() throws {
        let text = ActualsCommandTests.plan + "actual leads[2027-01] = 100\nactual opportunities[2027-01] = 8\n"
        let session = Session(workbook: try Workbook.parse(text, path: "plan.model").get())
        #expect(session.handle(":calibrate").output == [
            "conversion: plan 10%, implied 8% in 2027-01 (from opportunities)",
            "not calibrated (no actuals): pipeline",
            "(:calibrate apply sets them so after 2027-01)",
        ])
        let reply = session.handle(":calibrate apply")
        #expect(!reply.failed)
        #expect(session.workbook.render() == """
            periods = 2027-01 .. 2027-03
            leads = 100            # per month
            conversion = 10%
            conversion[2027-02 .. 2027-03] = 8%
            opportunities = leads * conversion
            pipeline = prev(pipeline) + opportunities
            actual leads[2027-01] = 100
            actual opportunities[2027-01] = 8

            """)
        #expect(session.workbook.model.values(of: "opportunities").compactMap(\.numeric) == [8, 8, 8])
        _ = session.handle(":undo")
        #expect(session.workbook.render() == text)
    }
}
