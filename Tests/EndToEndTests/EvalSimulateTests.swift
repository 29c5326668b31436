import Foundation
import Testing

/// `leadlag eval --simulate` as a CI script runs it.
@Suite("leadlag eval --simulate")
struct EvalSimulateTests {
    static let model = """
        leads = 120
        conversion = 10% to 20%
        win_rate = 25% to 40%
        deal_value = $2400
        opportunities = leads * conversion
        wins = opportunities * win_rate
        revenue = wins * deal_value
        goal revenue >= 12k
        """

    func write(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.model").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonSummaryIsTheSameForTheSameSeed() throws {
        let path = try write(Self.model)
        let first = try Leadlag.run(["eval", path, "--simulate", "20000", "--seed", "7", "--format", "json"])
        let second = try Leadlag.run(["eval", path, "--simulate", "20000", "--seed", "7", "--format", "json"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == second.output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect(object["trials"] as? Int == 20000)
        #expect(object["seed"] as? Int == 7)
        #expect(object["ranges"] as? [String] == ["conversion", "win_rate"])
        let cells = try #require(object["cells"] as? [String: [String: Any]])
        #expect(Set(cells.keys) == ["opportunities", "wins", "revenue"])
        let revenue = try #require(cells["revenue"])
        let p10 = try #require(revenue["p10"] as? Double)
        let p50 = try #require(revenue["p50"] as? Double)
        let p90 = try #require(revenue["p90"] as? Double)
        #expect(p10 < p50 && p50 < p90)
        // The means of the ranges give 120 × 14.46% × 31.95% × $2400 = $13,303.94; the mean of the
        // product of independent draws is the product of their means.
        #expect(abs((revenue["mean"] as? Double ?? 0) - 13_303.94) < 150)
        let goals = try #require(object["goals"] as? [String: Double])
        let chance = try #require(goals["revenue >= 12k"])
        #expect(chance > 0.5 && chance < 0.7)
    }

    @Test func csvHasOneRowPerCellAndPerGoal() throws {
        let path = try write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--simulate", "1000", "--seed", "1", "--get", "revenue", "--format", "csv"])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "name,mean,p10,p50,p90,errors,chance")
        #expect(lines[1].hasPrefix("revenue,") && lines[1].hasSuffix(",0,"))
        #expect(lines[2].hasPrefix("goal revenue >= 12k,,,,,,0."))
    }

    @Test func tableNamesTheSeedAndBadCountsAreUsageErrors() throws {
        let path = try write(Self.model)
        let table = try Leadlag.run(["eval", path, "--simulate", "500", "--seed", "3"])
        #expect(table.output.hasPrefix("500 trials, seed 3; ranges conversion, win_rate\n"))
        let bad = try Leadlag.run(["eval", path, "--simulate", "0"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("--simulate wants a number of trials from 1 to 10,000,000"))
    }
}

/// `leadlag eval --simulate` on a plan with periods: series by their measure, monthly goals over every period.
@Suite("leadlag eval --simulate over periods")
struct EvalSimulatePeriodsTests {
    static let model = """
        periods = 2027-01 .. 2027-03
        leads = 100 + 10 * t
        conversion = 10% to 20%
        opportunities = leads * conversion
        pipeline = prev(pipeline) + opportunities
        quarter = total(opportunities)
        goal quarter >= 40
        goal opportunities >= 13

        """

    @Test func jsonNamesThePeriodsEachSeriesMeasureAndTheMonthlyGoals() throws {
        let path = try EvalSimulateTests().write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--simulate", "3000", "--seed", "2", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let again = try Leadlag.run(["eval", path, "--simulate", "3000", "--seed", "2", "--format", "json"])
        #expect(outcome.output == again.output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["periods"] as? [String] == ["2027-01", "2027-02", "2027-03"])
        #expect(object["ranges"] as? [String] == ["conversion"])
        let cells = try #require(object["cells"] as? [String: [String: Any]])
        #expect(Set(cells.keys) == ["opportunities", "pipeline", "quarter"])
        #expect(cells["opportunities"]?["measure"] as? String == "total")
        #expect(cells["pipeline"]?["measure"] as? String == "last")
        #expect(cells["quarter"]?["measure"] == nil)
        // 330 leads over the quarter: the total of opportunities is 330 × conversion, the quarter's
        // own total the same number, and the pipeline's last month too.
        let total = try #require(cells["opportunities"]?["mean"] as? Double)
        #expect(cells["quarter"]?["mean"] as? Double == total)
        #expect(cells["pipeline"]?["p50"] as? Double == cells["quarter"]?["p50"] as? Double)
        #expect(abs(total - 330 * 0.1446) < 1, "\(total)")
        let goals = try #require(object["goals"] as? [String: Double])
        #expect(Set(goals.keys) == ["quarter >= 40", "opportunities >= 13"])
        #expect(object["every_period"] as? [String] == ["opportunities >= 13"])
        // Every month reaches 13 opportunities when January does (100 × conversion ≥ 13): rarer
        // than the quarter's 330 × conversion ≥ 40 (conversion ≥ 12.1%), though March alone needs only 10.8%.
        let monthly = try #require(goals["opportunities >= 13"])
        let annual = try #require(goals["quarter >= 40"])
        #expect(monthly < annual && monthly > 0.1, "\(goals)")
    }

    @Test func csvAddsAMeasureColumn() throws {
        let path = try EvalSimulateTests().write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--simulate", "1000", "--seed", "1", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0] == "name,mean,p10,p50,p90,errors,chance,measure")
        #expect(lines[1].hasPrefix("opportunities,") && lines[1].hasSuffix(",0,,total"))
        #expect(lines[2].hasPrefix("pipeline,") && lines[2].hasSuffix(",0,,last"))
        #expect(lines[3].hasPrefix("quarter,") && lines[3].hasSuffix(",0,,"))
        #expect(lines[4].hasPrefix("goal quarter >= 40,,,,,,0.") && lines[4].hasSuffix(","))
        #expect(lines[5].hasPrefix("goal opportunities >= 13,,,,,,0.") && lines[5].hasSuffix(",every period"))
    }

    @Test func tableLabelsSeriesAndMonthlyGoals() throws {
        let path = try EvalSimulateTests().write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--simulate", "500", "--seed", "3"])
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "500 trials, seed 3; ranges conversion")
        #expect(lines.contains { $0.hasPrefix("opportunities total ") })
        #expect(lines.contains { $0.hasPrefix("opportunities >= 13 in every month ") })
    }
}

/// The CI gate the README shows: `leadlag run` fails when the goal's chance is below 50%.
@Suite("the goal-chance CI script")
struct GoalChanceScriptTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func passesOnTheExampleAndFailsWhenTheChanceDrops() throws {
        let script = Self.root.appendingPathComponent("scripts/ci/goal-chance.leadlag").path
        let model = Self.root.appendingPathComponent("models/msp-uncertain.model").path
        let passing = try Leadlag.run(["run", script, "--model", model])
        #expect(passing.status == 0, "\(passing.errors)")
        let worse = try String(contentsOfFile: model, encoding: .utf8)
            .replacingOccurrences(of: "win_rate = 25% to 40%", with: "win_rate = 20% to 35%")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let worsePath = folder.appendingPathComponent("worse.model").path
        try worse.write(toFile: worsePath, atomically: true, encoding: .utf8)
        let failing = try Leadlag.run(["run", script, "--model", worsePath])
        #expect(failing.status == 1)
        #expect(failing.errors.contains("assertion failed: chance(annual_revenue >= $1.1M) >= 50%"), "\(failing.errors)")
    }
}
