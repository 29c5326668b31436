import Testing
@testable import Shell

/// `:simulate` and `:drivers` on a plan with periods.
///
/// Revenue is leads × conversion × $1000 with leads 100, 110, … 150: at 10% conversion
/// $10,000 … $15,000, a total of $75,000; recurring revenue adds them up (last month $75,000).
@Suite(":simulate and :drivers over periods")
struct SeriesSimulateCommandTests {
    static func plan(conversion: String) -> String {
        """
        periods = 2027-01 .. 2027-06
        leads = 100 + 10 * t
        conversion = \(conversion)
        deal = $1000
        revenue = leads * conversion * deal
        mrr = prev(mrr) + revenue
        year = total(mrr)
        goal total(revenue) >= $60k
        goal revenue >= $11k

        """
    }

    @Test("series rows say their measure, a line above says so, and a monthly goal says every month")
    func labels() {
        let reply = planSession(Self.plan(conversion: "5% to 15%")).handle(":simulate 2000 seed 5")
        #expect(!reply.failed, "\(reply.text)")
        let lines = reply.output
        #expect(lines[0] == "2,000 trials, seed 5; ranges conversion")
        #expect(lines[1] == "each trial's series by its total over 2027-01 .. 2027-06, levels carried through prev (mrr) by their last value")
        #expect(lines[2].split(separator: " ") == ["mean", "P10", "P50", "P90"], "\(lines)")
        #expect(lines[3].hasPrefix("revenue total ") && lines[4].hasPrefix("mrr last ") && lines[5].hasPrefix("year "), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("total(revenue) >= $60k ") && $0.hasSuffix("%") })
        #expect(lines.contains { $0.hasPrefix("revenue >= $11k in every month ") && $0.hasSuffix("%") })
    }

    /// With a range that can only be 10%, every trial is the plan itself: the readings are then
    /// exactly the measures `:show` gives, and the monthly goal, missed in January, is never met.
    @Test("readings mean each series' measure, as :show sums it up")
    func readingsMeanTheMeasure() {
        let session = planSession(Self.plan(conversion: "uniform(10%, 10%)"))
        let reply = session.handle(":simulate 500 seed 1")
        #expect(reply.output.contains { $0.hasPrefix("revenue total ") && $0.hasSuffix("$75,000") }, "\(reply.output)")
        #expect(session.handle(":assert mean(revenue) == total(revenue)").assertionPassed)
        #expect(session.handle(":assert p10(total(revenue)) == 75000").assertionPassed)
        #expect(session.handle(":assert p90(mrr) == last(mrr)").assertionPassed)
        #expect(session.handle(":assert mean(year) == year").assertionPassed)
        #expect(session.handle("chance(total(revenue) >= $60k)").output == ["100%"])
        #expect(session.handle("chance(revenue >= $11k)").output == ["0%"], "the goal's chance: met in 5 of 6 months only")
        let series = session.handle("chance(mrr >= $70k)")
        #expect(series.failed)
        #expect(series.text.contains("error: mrr is a series: each trial kept its last value, so write chance(last(mrr) …) "
            + "(or make the comparison a goal for its chance in every period)"), "\(series.text)")
        let refused = session.handle("mean(total(mrr))")
        #expect(refused.failed)
        #expect(refused.text.contains("the simulation kept the last value of mrr in each trial: write last(mrr) or mrr"), "\(refused.text)")
    }

    @Test(":drivers on a series swings its measure, and names what a series lead's numbers are")
    func drivers() {
        let session = planSession(Self.plan(conversion: "5% to 15%"))
        let total = session.handle("total(revenue)").output.first ?? "?"
        let lines = session.handle(":drivers revenue").output
        #expect(lines.first == "revenue total = \(total) with every lead indicator at its mean", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("leads total ") && $0.contains("(±10%)") }, "\(lines)")
        let single = session.handle(":drivers revenue[2027-06]").output
        #expect(single.first?.hasPrefix("revenue[2027-06] = $") == true, "\(single)")
    }
}
