import Foundation
import Testing

/// Tracking the twelve-month example against the first quarter's actuals in a `leadlag run`
/// script and through `eval --variance`, with the built binary.
@Suite("Tracking against actuals in leadlag run and eval")
struct TrackingScriptTests {
    static let models = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models")

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        for name in ["msp-bottoms-up.model", "actuals-2027-q1.csv"] {
            try workspace.write(name, try String(contentsOf: Self.models.appendingPathComponent(name), encoding: .utf8))
        }
        return workspace
    }

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
        let outcome = try Leadlag.run(["run", workspace.path("track.leadlag"), "--model", workspace.path("msp-bottoms-up.model")])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors == "9 lines, 4 assertions passed\n")
        #expect(outcome.output.contains("""
            cell  period      plan  actual  difference        %
            wins  2027-01     5.94       5       -0.94  -15.82%
                  2027-02     6.24       5       -1.24  -19.83%
                  2027-03      9.9       8        -1.9  -19.19%
                  YTD total  22.08      18       -4.08  -18.47%

            """))
        let original = try workspace.read("msp-bottoms-up.model")
        let tracked = try workspace.read("tracked.model")
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
        let none = try Leadlag.run(["eval", workspace.path("msp-bottoms-up.model"), "--variance"])
        #expect(none.status == 2)
    }
}
