import ModelFile
import Testing
@testable import Shell

/// The REPL on a plan over time: the change display of series, `:list` as a grid, overrides typed
/// and undone, and period misuse located in the line typed.
@Suite struct SeriesReplTests {
    static let plan = """
        periods = 2027-01 .. 2027-03
        leads = 100 + 10 * t
        leads[2027-02] = 150
        deal = $2400
        wins = leads * 10%
        revenue = wins * deal
        mrr = prev(mrr) + revenue
        annual = total(revenue)

        """

    private func session() throws -> Session {
        Session(workbook: try Workbook.parse(Self.plan, path: "plan.model").get())
    }

    @Test func aOnePeriodEditShowsThatPeriodAndEverySeriesItsSparkline() throws {
        let session = try session()
        #expect(session.handle("leads[2027-02] = 200").output == [
            "leads[2027-02]       150 → 200       +33.33%  ▁█▂",
            "wins[2027-02]         15 → 20        +33.33%  ▁█▂",
            "revenue[2027-02] $36,000 → $48,000   +33.33%  ▁█▂",
            "mrr last         $88,800 → $100,800  +13.51%  ▁▅█",
            "annual           $88,800 → $100,800       +13.51%",
        ])
        #expect(session.workbook.render().contains("leads[2027-02] = 200\n"))
        _ = session.handle(":undo")
        #expect(session.workbook.render() == Self.plan)
    }

    @Test func withoutUnicodeTheChangeDisplayIsASCII() throws {
        let session = try session()
        session.isUnicode = false
        #expect(session.handle("leads[2027-02] = 200").output.prefix(2) == [
            "leads[2027-02]       150 -> 200       +33.33%  _#.",
            "wins[2027-02]         15 -> 20        +33.33%  _#.",
        ])
        #expect(session.handle(":list lead").output == [
            "       2027-01  2027-02  2027-03  total", "lead indicators", "leads      100      200      120    420  _#.", "deal   $2,400",
        ])
    }

    @Test func aNewOverrideIsSavedRightAfterItsCellAndUndoTakesItAway() throws {
        let session = try session()
        _ = session.handle("deal[2027-03] = $3000")
        #expect(session.workbook.render().contains("deal = $2400\ndeal[2027-03] = $3000\nwins"))
        #expect(session.model.values(of: "revenue")[2] == .number(36000))
        _ = session.handle(":undo")
        #expect(session.workbook.render() == Self.plan)
        #expect(session.model.isSeries("deal") == false)
    }

    @Test func aRateIsSummedUpByItsAverageNeverItsTotal() throws {
        let session = try session()
        _ = session.handle("rate = 10%")
        _ = session.handle("rate[2027-03] = 40%")
        // Rates of 20%, 20% and 40% average 26.67%; their total (80%) would mean nothing.
        let reply = session.handle("rate = 20%")
        #expect(reply.output.first == "rate average 20% → 26.67%  +33.33%  ▁▁█", "\(reply.output)")
        #expect(session.handle(":show rate").output.contains { $0.hasPrefix("  average    26.67%") })
        let grid = session.handle(":list").output
        #expect(grid.contains { $0.hasPrefix("rate") && $0.contains("40%") && !$0.contains("80%") }, "\(grid)")
    }

    @Test func listIsAGridWithTotalsForFlows() throws {
        #expect(try session().handle(":list").output == [
            "         2027-01  2027-02  2027-03    total",
            "lead indicators",
            "leads        100      150      120      370  ▁█▄",
            "deal     $2,400",
            "",
            "lag indicators",
            "wins          10       15       12       37  ▁█▄",
            "revenue  $24,000  $36,000  $28,800  $88,800  ▁█▄",
            "mrr      $24,000  $60,000  $88,800           ▁▅█",
            "annual   $88,800",
        ])
    }

    @Test func listPicksPeriodsAndTotalsThem() throws {
        #expect(try session().handle(":list lag 2027-02 .. 2027-03").output == [
            "         2027-02  2027-03    total",
            "lag indicators",
            "wins          15       12       27  █▁",
            "revenue  $36,000  $28,800  $64,800  █▁",
            "mrr      $60,000  $88,800           ▁█",
            "annual   $88,800",
        ])
        #expect(try session().handle(":list 2027-03").output.prefix(3) == [
            "         2027-03",
            "lead indicators",
            "leads        120",
        ])
    }

    static let badPeriods: [(String, String, String)] = [
        (":list 2028-01", "<input>:1:7: error: 2028-01 is outside the plan (2027-01 .. 2027-03)", "      ^~~~~~~"),
        (":list lead 2027-02 .. 2027-Q3", "<input>:1:12: error: a range cannot mix months and quarters: 2027-02 .. 2027-Q3",
         "           ^~~~~~~~~~~~~~~~~~"),
        (":list 2027-01 .. 2027-04", "<input>:1:18: error: 2027-04 is outside the plan (2027-01 .. 2027-03)",
         "                 ^~~~~~~"),
        (":list 2027-01 revenue", "<input>:1:15: error: unexpected 'revenue' after the periods", "              ^~~~~~~"),
    ]

    @Test(arguments: badPeriods)
    func listRefusesPeriodsItCannotShowAtThePeriods(_ line: String, _ message: String, _ caret: String) throws {
        let reply = try session().handle(line)
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors == [message, line, caret])
    }

    @Test func listOfPeriodsOnAModelWithoutThemSaysSo() {
        #expect(makeSession().handle(":list 2027-01").errors.first
            == "<input>:1:7: error: the model has no periods: :list shows the one value of each cell")
    }

    @Test func periodMisuseIsLocatedInTheLine() throws {
        let session = try session()
        let reply = session.handle("x = leads[2028-01]")
        #expect(reply.errors.first == "<input>:1:11: error: 2028-01 is outside the plan (2027-01 .. 2027-03)")
        #expect(session.model["x"] == nil)
        let flat = Session()
        #expect(flat.handle("x = prev(1)").errors.first == "<input>:1:5: error: prev needs a periods line (periods = 2027-01 .. 2027-12)")
    }
}
