import Foundation
import Testing

/// `leadlag eval` on plans over time: JSON with a periods array, CSV with a column per period,
/// `--period`; and a model without periods printing exactly what it always has.
@Suite struct PeriodCommandLineTests {
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

    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-periods-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func write(_ text: String) throws -> String {
        let path = folder.appendingPathComponent("plan.model").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonHasThePeriodsAndAnArrayPerSeries() throws {
        let outcome = try Leadlag.run(["eval", try write(Self.plan), "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.output == """
            {
              "periods": ["2027-01", "2027-02", "2027-03"],
              "leads": [100, 150, 120],
              "deal": 2400,
              "wins": [10, 15, 12],
              "revenue": [24000, 36000, 28800],
              "mrr": [24000, 60000, 88800],
              "annual": 88800
            }

            """)
    }

    @Test func csvHasAColumnPerPeriod() throws {
        let outcome = try Leadlag.run(["eval", try write(Self.plan), "--format", "csv", "--get", "deal", "--get", "mrr"])
        #expect(outcome.output == "name,2027-01,2027-02,2027-03\ndeal,2400,2400,2400\nmrr,24000,60000,88800\n")
    }

    @Test func onePeriod() throws {
        let path = try write(Self.plan)
        let outcome = try Leadlag.run(["eval", path, "--period", "2027-02", "--format", "csv"])
        #expect(outcome.output == "name,value\nleads,150\ndeal,2400\nwins,15\nrevenue,36000\nmrr,60000\nannual,88800\n")
        let outside = try Leadlag.run(["eval", path, "--period", "2027-09"])
        #expect(outside.status == 2)
        #expect(outside.errors == "error: --period: 2027-09 is outside the plan (2027-01 .. 2027-03)\n")
        let noPeriods = try Leadlag.run(["eval", try write("leads = 1\n"), "--period", "2027-01"])
        #expect(noPeriods.status == 2)
        #expect(noPeriods.errors.hasSuffix("has no periods line\n"))
    }

    @Test func theTableHasAColumnPerPeriod() throws {
        let outcome = try Leadlag.run(["eval", try write(Self.plan), "--get", "leads", "--get", "mrr"])
        #expect(outcome.output == """
            name     2027-01  2027-02  2027-03
            lead indicators
              leads      100      150      120

            lag indicators
              mrr    $24,000  $60,000  $88,800

            """)
    }

    @Test("--set on a plan prints every period: a cell's formula keeps its overrides, an override sets its periods")
    func setPrintsEveryPeriod() throws {
        let path = try write(Self.plan)
        // deal $3000: wins 10, 15, 12 give 30k, 45k, 36k.
        let deal = try Leadlag.run(["eval", path, "--set", "deal=3000", "--get", "revenue", "--get", "annual", "--format", "json"])
        #expect(deal.status == 0)
        #expect(deal.output == "{\n  \"periods\": [\"2027-01\", \"2027-02\", \"2027-03\"],\n  \"revenue\": [30000, 45000, 36000],\n  \"annual\": 111000\n}\n")
        // leads 200 where the file does not override it: 200, 150, 200.
        let leads = try Leadlag.run(["eval", path, "--set", "leads=200", "--get", "leads", "--get", "mrr", "--format", "csv"])
        #expect(leads.output == "name,2027-01,2027-02,2027-03\nleads,200,150,200\nmrr,48000,84000,132000\n")
        #expect(leads.errors == "warning: --set leads=200: leads was 100 + 10 * t; it is now a fixed value\n")
        // March at 300 leads: 30 wins, $72,000.
        let march = try Leadlag.run(["eval", path, "--set", "leads[2027-03]=300", "--get", "revenue"])
        #expect(march.output == """
            name       2027-01  2027-02  2027-03
            lag indicators
              revenue  $24,000  $36,000  $72,000

            """)
        let outside = try Leadlag.run(["eval", path, "--set", "leads[2027-09]=300"])
        #expect(outside.status == 2)
        #expect(outside.errors == "error: --set leads[2027-09]=300: 2027-09 is outside the plan (2027-01 .. 2027-03)\n")
    }

    @Test("a script on a plan asserts every period and prints a series typed alone")
    func scriptOverPeriods() throws {
        let model = try write(Self.plan)
        let script = folder.appendingPathComponent("check.leadlag").path
        try ":assert total(revenue) == 88.8k\nrevenue\n:assert revenue >= 25k\n".write(toFile: script, atomically: true, encoding: .utf8)
        let outcome = try Leadlag.run(["run", script, "--model", model])
        #expect(outcome.status == 1)
        #expect(outcome.output == """
            periods  2027-01 .. 2027-03
            values   $24,000  $36,000  $28,800
            total    $88,800  ▁█▄

            """)
        #expect(outcome.errors
            == "\(script):3: error: assertion failed: revenue >= 25k (false in 2027-01, revenue = $24,000; fails in 1 of 3 periods)\n")
    }

    /// The same model without its periods line prints what a model of one month always has.
    @Test func withoutPeriodsNothingChanges() throws {
        let path = try write("leads = 100\ndeal = $2400\nwins = leads * 10%\nrevenue = wins * deal\n")
        #expect(try Leadlag.run(["eval", path, "--format", "json"]).output
            == "{\n  \"leads\": 100,\n  \"deal\": 2400,\n  \"wins\": 10,\n  \"revenue\": 24000\n}\n")
        #expect(try Leadlag.run(["eval", path, "--format", "csv"]).output
            == "name,value\nleads,100\ndeal,2400\nwins,10\nrevenue,24000\n")
        #expect(try Leadlag.run(["eval", path]).output == """
            lead indicators
              leads        100
              deal      $2,400

            lag indicators
              wins          10  = leads * 10%
              revenue  $24,000  = wins * deal

            """)
    }
}
