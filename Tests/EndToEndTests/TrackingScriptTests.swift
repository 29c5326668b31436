import Foundation
import Testing

/// Tracking the twelve-month example against the first quarter's actuals in a `leadlag run`
/// script and through `eval --variance`, with the built binary.
@Suite("Tracking against actuals in leadlag run and eval")
struct TrackingScriptTests {
    static let models = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models")

    /// A workspace holding the example as shipped (`msp-bottoms-up.model`, with the first quarter's
    /// actuals), its CSV, and `plan.model`: the example without its `actual` lines, the plan as it
    /// stood before the quarter's results came in.
    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        for name in ["msp-bottoms-up.model", "actuals-2027-q1.csv"] {
            try workspace.write(name, try String(contentsOf: Self.models.appendingPathComponent(name), encoding: .utf8))
        }
        let shipped = try workspace.read("msp-bottoms-up.model").components(separatedBy: "\n")
        try workspace.write("plan.model", shipped.filter { !$0.hasPrefix("actual ") }.joined(separator: "\n"))
        return workspace
    }

    /// The import is made on the plan without actuals; saved, it is the example as shipped, byte for byte.
    @Test("an import, assertions on what it moved, variance, undo to the original bytes, and a saved import")
    func trackingScript() throws {
        let workspace = try workspace()
        let saved = workspace.path("tracked.model")
        try workspace.write("track.leadlag", """
            :actuals import \(workspace.path("actuals-2027-q1.csv"))
            :assert opportunities[2027-01] == 14 and wins[2027-03] == 8
            :assert new_mrr[2027-03] == 8 * 2400
            :assert wins[2027-04] == 138.915 * 15% * 33%
            :variance wins
            :undo
            :assert wins[2027-03] == 200 * 15% * 33%
            :redo
            :save \(saved)

            """)
        let outcome = try Leadlag.run(["run", workspace.path("track.leadlag"), "--model", workspace.path("plan.model")])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors == "9 lines, 4 assertions passed\n")
        #expect(outcome.output.contains("""
            cell  period      plan  actual  difference        %
            wins  2027-01     5.94       5       -0.94  -15.82%
                  2027-02     6.24       5       -1.24  -19.83%
                  2027-03      9.9       8        -1.9  -19.19%
                  YTD total  22.08      18       -4.08  -18.47%

            """))
        let original = try workspace.read("plan.model")
        let tracked = try workspace.read("tracked.model")
        #expect(!original.contains("\nactual "))
        #expect(tracked == (try workspace.read("msp-bottoms-up.model")))
        #expect(tracked.contains("leads[2027-03] = 200           # the trade show in March\n"
                                 + "actual leads[2027-01] = 118\nactual leads[2027-02] = 131\nactual leads[2027-03] = 204\n"))
        #expect(tracked.components(separatedBy: "\n").filter { $0.hasPrefix("actual ") }.count == 9)
        #expect(tracked.components(separatedBy: "\n").filter { !$0.hasPrefix("actual ") } == original.components(separatedBy: "\n"))

        let csv = try Leadlag.run(["eval", saved, "--variance", "--format", "csv", "--get", "leads"])
        #expect(csv.status == 0)
        #expect(csv.output.hasSuffix("""

            variance,period,plan,actual,difference,percent
            leads,2027-01,120,118,-2,-0.0166666666666667
            leads,2027-02,126,131,5,0.0396825396825397
            leads,2027-03,200,204,4,0.02
            leads,YTD total,446,453,7,0.015695067264574

            """))
        let none = try Leadlag.run(["eval", workspace.path("plan.model"), "--variance"])
        #expect(none.status == 2)
    }

    /// The example as shipped holds the quarter's actuals: Q1 downstream comes from them (March: 8
    /// wins at $2400), April on from the plan; `:calibrate apply` re-bases the rates from April and
    /// `:undo` takes it back to the shipped bytes.
    @Test("the example's actuals drive Q1, and calibrate apply then undo saves the example byte for byte")
    func calibrateApplyAndUndoOnTheExample() throws {
        let workspace = try workspace()
        let applied = workspace.path("applied.model"), undone = workspace.path("undone.model")
        try workspace.write("calibrate.leadlag", """
            :assert new_mrr[2027-03] == 8 * 2400 and plan(new_mrr[2027-03]) == 200 * 15% * 33% * 2400
            :assert mrr[2027-02] == 5 * 2400 * 98% + 5 * 2400
            :calibrate
            :calibrate apply
            :assert conversion[2027-03] == 15% and conversion[2027-04] == (14 / 118 + 16 / 131 + 25 / 204) / 3
            :save \(applied)
            :undo
            :save \(undone)

            """)
        let outcome = try Leadlag.run(["run", workspace.path("calibrate.leadlag"), "--model", workspace.path("msp-bottoms-up.model")])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("conversion: plan 15%, implied 12.11% over 2027-01 .. 2027-03 (from opportunities)\n"))
        let shipped = try workspace.read("msp-bottoms-up.model")
        #expect(try workspace.read("undone.model") == shipped)
        let added = try workspace.read("applied.model").components(separatedBy: "\n")
            .filter { !shipped.components(separatedBy: "\n").contains($0) }
        #expect(added.map { $0.prefix { $0 != "=" } } == ["conversion[2027-04 .. 2027-12] ", "win_rate[2027-04 .. 2027-12] "])
    }

    /// Four months, revenue $10,000 $11,000 $12,000 $13,000 on the plan ($46,000); actual wins of
    /// 12 and 7 make the first two $12,000 and $7,000, so $44,000 is projected.
    static let fourMonths = """
        periods = 2027-01 .. 2027-04
        leads = 100 + 10 * t
        conversion = 10%
        wins = leads * conversion
        deal = $1000
        revenue = wins * deal
        goal revenue >= $11.5k
        goal total(revenue) >= $45k

        """

    @Test("a script imports two months of actuals, reads :goals, and asserts the projection against the plan")
    func goalsScript() throws {
        let workspace = try Workspace()
        try workspace.write("four.model", Self.fourMonths)
        try workspace.write("q.csv", "name,period,value\r\nwins,2027-01,12\r\nwins,2027-02,7\r\n")
        try workspace.write("goals.leadlag", """
            :actuals import \(workspace.path("q.csv"))
            :goals
            :assert total(revenue) == 44k and plan(total(revenue)) == 46k
            :assert total(revenue) - plan(total(revenue)) == -2k
            :assert plan(revenue[2027-02]) == 11k and revenue[2027-02] == 7k
            :assert total(revenue) >= 45k

            """)
        let outcome = try Leadlag.run(["run", workspace.path("goals.leadlag"), "--model", workspace.path("four.model")])
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("""
            goal total(revenue) >= $45k: now missed (projected $44,000 as of 2027-02, short by $1,000; plan without actuals $46,000)
            as of 2027-02, the last month with actuals
            goal                    period       value  status  gap              plan without actuals  each period
            revenue >= $11.5k       2027-02     $7,000  missed  short by $4,500               $11,000  \
            met in 1 of 2 periods so far, first missed 2027-02 at $7,000; 3 of 4 projected
            total(revenue) >= $45k  projected  $44,000  missed  short by $1,000               $46,000

            """))
        // The three assertions on the projection pass; the script stops at the goal the projection misses.
        #expect(outcome.errors.split(separator: "\n") == [
            "\(workspace.path("goals.leadlag")):6: error: assertion failed: total(revenue) >= 45k (false, total(revenue) = $44,000)",
        ])
    }
}
