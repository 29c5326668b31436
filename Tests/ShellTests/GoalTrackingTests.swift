import Formula
import Foundation
import ModelFile
import Testing
@testable import Shell

/// `:goals` and goal news on a four-month plan with two months of actuals, every number by hand.
///
/// Plan: leads 100 110 120 130, wins = 10% of them (10 11 12 13), revenue $1000 a win
/// ($10,000 $11,000 $12,000 $13,000, total $46,000). Actual wins: 12 in 2027-01, 7 in 2027-02,
/// so revenue is $12,000 $7,000 then the plan's $12,000 $13,000: $44,000 projected.
@Suite struct GoalTrackingTests {
    static let plan = """
        periods = 2027-01 .. 2027-04
        leads = 100 + 10 * t
        conversion = 10%
        wins = leads * conversion
        deal = $1000
        revenue = wins * deal
        goal revenue >= $11.5k
        goal total(revenue) >= $45k

        """
    static let actuals = "name,period,value\nwins,2027-01,12\nwins,2027-02,7\n"

    private func tracked() -> Session {
        planSession(Self.plan + "actual wins[2027-01] = 12\nactual wins[2027-02] = 7\n")
    }

    @Test(":goals names the current period, counts a monthly goal so far and projected, and projects an annual goal")
    func goalsWithActuals() {
        let session = tracked()
        #expect(session.model.currentPeriod == 1)
        #expect(session.handle(":goals").output == [
            "as of 2027-02, the last month with actuals",
            "goal                    period       value  status  gap              plan without actuals  each period",
            // 2027-01 $12,000 met, 2027-02 $7,000 missed; then $12,000 and $13,000 met: 3 of 4.
            "revenue >= $11.5k       2027-02     $7,000  missed  short by $4,500               $11,000  met in 1 of 2 periods so far, first missed 2027-02 at $7,000; 3 of 4 projected",
            // $12,000 + $7,000 actual, $12,000 + $13,000 plan.
            "total(revenue) >= $45k  projected  $44,000  missed  short by $1,000               $46,000",
        ])
    }

    @Test("the projection of an annual goal is the actuals so far plus the plan for the rest")
    func projectionIsActualsPlusPlan() throws {
        let model = tracked().model
        let total = try Parser.parseExpression("total(revenue)").get()
        let soFar = [0, 1].map { (model.actual(of: "wins", period: $0) ?? 0) * 1000 }
        let rest = [2, 3].map { 1000 * (100 + 10 * Double($0)) * 0.1 }
        #expect(soFar + rest == [12_000, 7_000, 12_000, 13_000])
        #expect(model.evaluate(total).numeric == 44_000)
        #expect(model.plan.evaluate(total).numeric == 46_000)
    }

    @Test("with no miss so far, the first miss the plan still expects follows the projected count")
    func noMissSoFar() {
        let session = planSession(Self.plan + "actual wins[2027-01] = 12\n")
        #expect(session.handle(":goals").output.dropFirst(2).first
            == "revenue >= $11.5k       2027-01    $12,000  met     ahead by $500                 $10,000  met in 1 of 1 periods so far; 3 of 4 projected, first missed 2027-02 at $11,000")
    }

    @Test("an import that flips goals says so in the words of :goals, and undo brings the plan's news back")
    func goalNewsAfterImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("q.csv").path
        try Self.actuals.write(toFile: path, atomically: true, encoding: .utf8)
        let session = planSession(Self.plan)
        let reply = session.handle(":actuals import \(path)")
        #expect(!reply.failed)
        #expect(Array(reply.output.suffix(2)) == [
            "goal revenue >= $11.5k: now missed in 2027-02 ($7,000, short by $4,500; plan without actuals $11,000); "
                + "met in 1 of 2 periods so far, first missed 2027-02 at $7,000; 3 of 4 projected",
            "goal total(revenue) >= $45k: now missed (projected $44,000 as of 2027-02, short by $1,000; plan without actuals $46,000)",
        ])
        #expect(Array(session.handle(":undo").output.suffix(2)) == [
            "goal revenue >= $11.5k: now missed in 2027-01 ($10,000, short by $1,500); met in 2 of 4 periods, first missed 2027-01 at $10,000",
            "goal total(revenue) >= $45k: now met ($46,000, ahead by $1,000)",
        ])
    }

    // Without the actual of 2027-02, revenue is $12,000 then the plan's $11,000 $12,000 $13,000: $48,000.
    @Test("clearing an actual moves the current period back, and the news says where goals stand now")
    func goalNewsAfterClear() {
        let session = tracked()
        #expect(session.handle(":actuals clear wins[2027-02]").output.suffix(2) == [
            "goal revenue >= $11.5k: now met in 2027-01 ($12,000, ahead by $500; plan without actuals $10,000); "
                + "met in 1 of 1 periods so far; 3 of 4 projected, first missed 2027-02 at $11,000",
            "goal total(revenue) >= $45k: now met (projected $48,000 as of 2027-01, ahead by $3,000; plan without actuals $46,000)",
        ])
    }

    // Actual leads of 100 and 100 imply conversions of 12% and 7%: 9.5% from 2027-03 on, so revenue
    // there is 120 × 9.5% × $1000 = $11,400 (a miss) and $12,350: 2 of 4 periods projected, not 3.
    @Test(":calibrate apply that moves only the projected count says the goal is still missed in the current period")
    func goalNewsAfterCalibrateApply() {
        let session = planSession(Self.plan + "actual leads[2027-01] = 100\nactual leads[2027-02] = 100\n"
                                      + "actual wins[2027-01] = 12\nactual wins[2027-02] = 7\n")
        let reply = session.handle(":calibrate apply")
        #expect(reply.output.last == "goal revenue >= $11.5k: still missed in 2027-02 ($7,000, short by $4,500; plan without actuals $11,000); "
            + "met in 1 of 2 periods so far, first missed 2027-02 at $7,000; 2 of 4 projected")
        #expect(session.handle(":goals").output.last
            == "total(revenue) >= $45k  projected  $42,750  missed  short by $2,250               $44,750")
    }

    @Test("a goal added to a model with actuals is reported as tracked")
    func addedGoal() {
        #expect(tracked().handle("goal total(wins) >= 40").output == [
            "goal total(wins) >= 40: met (projected 44 as of 2027-02, ahead by 4; plan without actuals 46)",
        ])
    }

    @Test("on a narrow terminal each goal's numbers go under it, the plan labelled")
    func narrow() {
        let session = tracked()
        session.width = 60
        #expect(session.handle(":goals").output == [
            "as of 2027-02, the last month with actuals",
            "revenue >= $11.5k",
            "  2027-02 · $7,000 · missed · short by $4,500 · plan without",
            "  actuals $11,000 · met in 1 of 2 periods so far, first",
            "  missed 2027-02 at $7,000; 3 of 4 projected",
            "total(revenue) >= $45k",
            "  projected · $44,000 · missed · short by $1,000 · plan",
            "  without actuals $46,000",
        ])
    }

    @Test("a plan without actuals prints :goals as before")
    func withoutActuals() {
        #expect(planSession(Self.plan).handle(":goals").output == [
            "goal                    period     value  status  gap              each period",
            "revenue >= $11.5k       2027-01  $10,000  missed  short by $1,500  met in 2 of 4 periods, first missed 2027-01 at $10,000",
            "total(revenue) >= $45k           $46,000  met     ahead by $1,000",
        ])
    }
}
