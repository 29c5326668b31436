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
