import Foundation
import Testing

/// `leadlag run` scripts that plan: goal seek, what-if, tables, scenarios and compare, on the
/// example model of the bottoms-up method, through the built binary.
@Suite("Planning commands in leadlag run scripts")
struct PlanningScriptTests {
    static let exampleModel = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models/msp-one-month.model")

    /// A workspace holding a copy of models/msp-one-month.model as `msp.model`.
    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("msp.model", try String(contentsOf: Self.exampleModel, encoding: .utf8))
        return workspace
    }

    @Test("a planning script runs to the end with its assertions holding, writes its CSV and model, and exits 0")
    func planningScript() throws {
        let workspace = try workspace()
        let csv = workspace.path("revenue.csv")
        let saved = workspace.path("planned.model")
        try workspace.write("plan.leadlag", """
            # How many leads for $50k a month, and what a better win rate would do.
            :seek revenue = 50k by leads
            :assert revenue >= 50k - 0.01 and revenue <= 50k + 0.01
            :assert leads > 420 and leads < 421
            :undo
            :assert leads == 120
            :what-if win_rate = 40%
            :assert win_rate == 33%
            :table revenue by leads 100..200 step 50, win_rate 30%..40% step 10% > \(csv)
            leads = 150
            :scenario new growth
            :assert leads == 150
            :scenario base
            :assert leads == 120
            :scenario use optimistic
            :assert revenue == 120 * 20% * 40% * 2400
            :scenario base
            :compare growth optimistic
            :save \(saved)

            """)
        let outcome = try Leadlag.run(["run", workspace.path("plan.leadlag"), "--model", workspace.path("msp.model")])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors == "19 lines, 7 assertions passed\n")
        #expect(outcome.output.hasPrefix("found leads = 420.88 (was 120): revenue = $50,000\n"))
        #expect(outcome.output.contains("(what-if only: nothing was changed)\n"))
        #expect(outcome.output.contains("wrote \(csv): revenue for 3 × 2 values of leads and win_rate\n"))
        #expect(outcome.output.contains("added scenario growth: leads = 150\n"))
        #expect(outcome.output.contains("revenue           $14,256   $17,820  +25%     $23,040  +61.62%\n"))
        #expect(!outcome.output.contains("\u{1B}"))

        let table = try workspace.read("revenue.csv")
        #expect(table.hasPrefix("leads\\win_rate,0.3,0.4\n100,10800,14400\n"))
        let model = try workspace.read("planned.model")
        let original = try workspace.read("msp.model")
        #expect(model == original + "\n[scenario growth]\nleads = 150\n")
    }

    @Test("a seek that cannot reach its goal stops the script with SCRIPT:LINE and exits 1, changing nothing")
    func unreachableSeekStops() throws {
        let workspace = try workspace()
        let script = workspace.path("stretch.leadlag")
        try workspace.write("stretch.leadlag", """
            :seek revenue = 50k by win_rate in 0..100%
            :save \(workspace.path("never.model"))

            """)
        let outcome = try Leadlag.run(["run", script, "--model", workspace.path("msp.model")])
        #expect(outcome.status == 1)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors == "\(script):1: error: no value of win_rate in 0%..100% makes revenue $50,000; "
            + "the closest is revenue = $43,200 at win_rate = 100%\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("never.model")))
    }

    @Test("an assertion about a scenario fails with the scenario's value")
    func scenarioAssertion() throws {
        let workspace = try workspace()
        let script = workspace.path("check.leadlag")
        try workspace.write("check.leadlag", ":scenario use pessimistic\n:assert revenue >= 10k\n")
        let outcome = try Leadlag.run(["run", script, "--model", workspace.path("msp.model")])
        #expect(outcome.status == 1)
        #expect(outcome.errors == "\(script):2: error: assertion failed: revenue >= 10k (false, revenue = $7,200)\n")
    }
}
