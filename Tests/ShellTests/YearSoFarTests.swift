import Formula
import Testing
@testable import Shell

/// "So far" is the year so far (SPEC §7): on a plan that crosses a year boundary, `:goals` counts a
/// monthly goal and `:variance` totals its year to date from the January of the current period's
/// year, not from the plan's first period.
///
/// Plan 2026-10 .. 2027-06: leads 100 110 … 180, wins 10% of them (10 11 12 13 14 15 16 17 18),
/// revenue $1000 a win. Actual wins 9 12 8 in 2026-10 .. 2026-12, 14 11 in 2027-01 .. 2027-02, so
/// revenue is $9,000 $12,000 $8,000 $14,000 $11,000 and then the plan's $15,000 … $18,000.
@Suite struct YearSoFarTests {
    static let plan = """
        periods = 2026-10 .. 2027-06
        leads = 100 + 10 * t
        conversion = 10%
        wins = leads * conversion
        deal = $1000
        revenue = wins * deal
        goal revenue >= $11.5k
        actual wins[2026-10] = 9
        actual wins[2026-11] = 12
        actual wins[2026-12] = 8
        actual wins[2027-01] = 14
        actual wins[2027-02] = 11

        """

    @Test(":goals counts a monthly goal from the January of the current period's year")
    func goalsCountTheYearSoFar() {
        let session = planSession(Self.plan)
        #expect(session.model.currentPeriod == 4)
        #expect(session.handle(":goals").output == [
            "as of 2027-02, the last month with actuals",
            "goal               period     value  status  gap            plan without actuals  each period",
            // 2027-01 $14,000 met, 2027-02 $11,000 missed (not 2 of 5 from 2026-10, first missed there);
            // projected: 2026-11, 2027-01 and the plan's 2027-03 .. 2027-06 meet it, 6 of 9.
            // Without actuals 2027-02 is 14 wins, $14,000.
            "revenue >= $11.5k  2027-02  $11,000  missed  short by $500               $14,000  met in 1 of 2 periods so far in 2027, first missed 2027-02 at $11,000; 6 of 9 projected",
        ])
    }

    @Test("with no miss in the year so far, a miss of the year before is the projection's")
    func noMissThisYear() {
        let session = planSession(Self.plan.replacingOccurrences(of: "wins[2027-02] = 11", with: "wins[2027-02] = 12"))
        let row = session.handle(":goals").output.last ?? ""
        #expect(row.hasSuffix("met in 2 of 2 periods so far in 2027; 7 of 9 projected, first missed 2026-10 at $9,000"), "\(row)")
    }

    @Test("a plan that stays in one year counts from its first period, without naming the year")
    func oneYear() {
        let text = Self.plan.replacingOccurrences(of: "2026-10 .. 2027-06", with: "2026-04 .. 2026-12")
            .replacingOccurrences(of: "[2027-01]", with: "[2026-08]").replacingOccurrences(of: "[2027-02]", with: "[2026-09]")
            .replacingOccurrences(of: "[2026-10]", with: "[2026-05]").replacingOccurrences(of: "[2026-11]", with: "[2026-06]")
            .replacingOccurrences(of: "[2026-12]", with: "[2026-07]")
        let session = planSession(text)
        // 2026-05 .. 2026-09: $9,000 $12,000 $8,000 $14,000 $11,000; 2026-04 is the plan's 10 wins, $10,000.
        let row = session.handle(":goals").output.last ?? ""
        #expect(row.hasSuffix("met in 2 of 6 periods so far, first missed 2026-04 at $10,000; 5 of 9 projected"), "\(row)")
    }

    @Test(":variance lists every period with an actual and totals the year to date from January")
    func varianceYearToDate() {
        let session = planSession(Self.plan)
        #expect(session.handle(":variance").output == [
            "cell  period     plan  actual  difference        %",
            "wins  2026-10      10       9          -1     -10%",
            "      2026-11      11      12          +1   +9.09%",
            "      2026-12      12       8          -4  -33.33%",
            "      2027-01      13      14          +1   +7.69%",
            "      2027-02      14      11          -3  -21.43%",
            // 13 + 14 planned, 14 + 11 recorded: -2 of 27.
            "      YTD total    27      25          -2   -7.41%",
        ])
    }
}
