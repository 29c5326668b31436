import Formula
import Testing
@testable import Shell

/// The planning commands on a plan over time: what they say of a series is never one period's
/// number. Every value below is worked out by hand on this four-month plan:
///
///     leads    100  110  120  130   total 460
///     wins      10   11   12   13   total 46
///     revenue  10k  11k  12k  13k   total 46k
///     mrr      10k  21k  33k  46k   last 46k (a level, through prev)
@Suite struct SeriesPlanningTests {
    static let plan = seriesPlan()

    static func seriesPlan(overrides: String = "") -> String {
        """
        periods = 2027-01 .. 2027-04
        leads = 100 + 10 * t
        \(overrides)conversion = 10%
        deal = $1000
        wins = leads * conversion
        revenue = wins * deal
        mrr = prev(mrr) + revenue
        annual = total(revenue)
        goal revenue >= $11.5k
        goal total(revenue) >= $40k

        [scenario more]
        conversion = 20%

        """
    }

    // MARK: :seek

    @Test(":seek a reduction or one period: the growth formula gives way to the constant found, and :undo brings it back",
          arguments: [
              (":seek total(revenue) = 60k by leads", "found leads = 150 (was 100 + 10 * t): total(revenue) = $60,000", "150"),
              (":seek revenue[2027-04] = 20k by leads", "found leads = 200 (was 100 + 10 * t): revenue[2027-04] = $20,000", "200"),
              (":seek average(revenue) = 12.5k by leads", "found leads = 125 (was 100 + 10 * t): average(revenue) = $12,500", "125"),
          ])
    func seeksOneValue(line: String, found: String, formula: String) {
        let session = planSession(Self.plan)
        let reply = session.handle(line)
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output.first == found)
        #expect(reply.errors == ["warning: leads was 100 + 10 * t; it is now a fixed value (:undo restores it)"])
        #expect(session.model["leads"]?.formula == formula)
        _ = session.handle(":undo")
        #expect(session.workbook.render() == Self.plan)
    }

    @Test(":seek by an input with overrides sets every other period and says the overrides stay")
    func seekKeepsOverrides() {
        // (3 x + 150) leads × 10% × $1000 = $66,000 gives x = 170.
        let session = planSession(Self.seriesPlan(overrides: "leads[2027-02] = 150\n"))
        let reply = session.handle(":seek total(revenue) = 66k by leads")
        #expect(reply.output.prefix(2) == [
            "found leads = 170 (was 100 + 10 * t): total(revenue) = $66,000",
            "(leads keeps its overrides: leads[2027-02] = 150)",
        ])
        #expect(session.model.values(of: "leads") == [170, 150, 170, 170].map(Value.number))
    }

    @Test("a series target is refused at its column with the fix, and nothing changes", arguments: [
        (":seek revenue = 20k by leads",
         "<input>:1:7: error: revenue is a series over 2027-01 .. 2027-04: seek total(revenue), average(revenue) or revenue[2027-04]",
         "      ^~~~~~~"),
        (":seek wins * 2 = 20 by leads",
         "<input>:1:7: error: wins * 2 is a series over 2027-01 .. 2027-04: seek one value of it, such as total(wins * 2) or average(wins * 2)",
         "      ^~~~~~~~"),
        (":table revenue by leads 100..200 step 50",
         "<input>:1:8: error: revenue is a series over 2027-01 .. 2027-04: table total(revenue), average(revenue) or revenue[2027-04]",
         "       ^~~~~~~"),
        (":seek total(revnue) = 5 by leads", "<input>:1:13: error: no cell named 'revnue' (did you mean revenue?)",
         "            ^~~~~~"),
        (":seek revenue[2027-09] = 5 by leads", "<input>:1:15: error: 2027-09 is outside the plan (2027-01 .. 2027-04)",
         "              ^~~~~~~"),
    ])
    func seriesTargetRefused(line: String, message: String, caret: String) {
        let session = planSession(Self.plan)
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.errors == [message, line, caret])
        #expect(session.workbook.render() == Self.plan)
        #expect(session.handle(":undo").output == ["nothing to undo"])
    }

    @Test("on a model without periods a target may be any expression, and a cell target is as before")
    func expressionTargetWithoutPeriods() {
        let session = planSession()
        // wins = leads × 15% × 33%: wins × 2 = 9.9 at leads = 100.
        let reply = session.handle(":seek wins * 2 = 9.9 by leads")
        #expect(reply.output.first == "found leads = 100 (was 120): wins * 2 = 9.9")
        #expect(planSession().handle(":seek revenue = 50k by leads").output.first
            == "found leads = 420.88 (was 120): revenue = $50,000")
    }

    // MARK: :table

    @Test(":table of a reduction over a series input: one constant per row, and no current value to mark")
    func tableOfTotal() {
        let reply = planSession(Self.plan).handle(":table total(revenue) by leads 100..200 step 50")
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output == [
            "leads   total(revenue)",
            "  100          $40,000",
            "  150          $60,000",
            "  200          $80,000",
            "leads is 100 + 10 * t now; each value is set for every period",
        ])
    }

    // MARK: :what-if

    @Test(":what-if of one period shows that period and the totals that move; nothing is kept")
    func whatIfOnePeriod() {
        let session = planSession(Self.plan)
        let reply = session.handle(":what-if leads[2027-02] = 300")
        // February: 300 leads, 30 wins, $30,000; mrr from then on $19,000 higher.
        #expect(reply.output == [
            "leads[2027-02]       110 → 300      +172.73%  ▁█▂▂",
            "wins[2027-02]         11 → 30       +172.73%  ▁█▂▂",
            "revenue[2027-02] $11,000 → $30,000  +172.73%  ▁█▂▂",
            "mrr last         $46,000 → $65,000    +41.3%  ▁▅▆█",
            "annual           $46,000 → $65,000          +41.3%",
            "(what-if only: nothing was changed)",
        ])
        #expect(session.workbook.render() == Self.plan)
        #expect(session.handle(":undo").output == ["nothing to undo"])
    }

    @Test(":what-if of a whole input shows each series' total, not its first period")
    func whatIfWholeInput() {
        let reply = planSession(Self.plan).handle(":what-if conversion = 20%")
        #expect(reply.output == [
            "conversion        10% → 20%            +100%",
            "wins total         46 → 92       +100%  ▁▃▆█",
            "revenue total $46,000 → $92,000  +100%  ▁▃▆█",
            "mrr last      $46,000 → $92,000  +100%  ▁▃▅█",
            "annual        $46,000 → $92,000        +100%",
            "(what-if only: nothing was changed)",
        ])
    }

    @Test(":what-if gives one period twice: refused at the second")
    func whatIfSamePeriodTwice() {
        let reply = planSession(Self.plan).handle(":what-if leads[2027-02] = 1, leads[2027-02] = 2")
        #expect(reply.errors.first == "<input>:1:30: error: 'leads[2027-02]' is given twice")
    }

    @Test("switching to a scenario shows each series' total as an edit does, and the monthly goal's news")
    func scenarioSwitch() {
        #expect(planSession(Self.plan).handle(":scenario use more").output == [
            "now on scenario more",
            "conversion        10% → 20%            +100%",
            "wins total         46 → 92       +100%  ▁▃▆█",
            "revenue total $46,000 → $92,000  +100%  ▁▃▆█",
            "mrr last      $46,000 → $92,000  +100%  ▁▃▅█",
            "annual        $46,000 → $92,000        +100%",
            "goal revenue >= $11.5k: now met in 2027-01 ($20,000, ahead by $8,500); met in 4 of 4 periods",
        ])
    }

    // MARK: :compare

    @Test(":compare sums series up by total (last for a level) and says so above")
    func compareSeries() {
        let reply = planSession(Self.plan).handle(":compare")
        #expect(reply.output == [
            "series compared by their total over 2027-01 .. 2027-04, levels carried through prev (mrr) by their last value",
            "                                   base          more",
            "conversion                          10%           20%  +100%",
            "",
            "wins total                           46            92  +100%",
            "revenue total                   $46,000       $92,000  +100%",
            "mrr last                        $46,000       $92,000  +100%",
            "annual                          $46,000       $92,000  +100%",
            "",
            "goals",
            "revenue >= $11.5k       missed (2 of 4)  met (4 of 4)",
            "total(revenue) >= $40k              met           met",
        ])
    }

    // MARK: :goals

    @Test(":goals: a monthly goal in the current period with the periods that meet it; an annual goal its value")
    func goalsOverPeriods() {
        #expect(planSession(Self.plan).handle(":goals").output == [
            "goal                    period     value  status  gap              each period",
            "revenue >= $11.5k       2027-01  $10,000  missed  short by $1,500  met in 2 of 4 periods, first missed 2027-01 at $10,000",
            "total(revenue) >= $40k           $46,000  met     ahead by $6,000",
        ])
    }

    @Test("an edit that changes how many periods meet a monthly goal says so: still missed in the same period")
    func monthlyGoalNews() {
        let reply = planSession(Self.plan).handle("leads[2027-02] = 120")
        #expect(reply.output.last
            == "goal revenue >= $11.5k: still missed in 2027-01 ($10,000, short by $1,500); met in 3 of 4 periods, first missed 2027-01 at $10,000")
    }

    @Test("the current period is the first one until actual results exist")
    func currentPeriod() {
        #expect(planSession(Self.plan).model.currentPeriod == 0)
    }

    // MARK: :show and :explain

    @Test(":show of a series gives its values, its total and its shape")
    func showSeries() {
        let session = planSession(Self.seriesPlan(overrides: "leads[2027-02] = 150\n"))
        #expect(session.handle(":show leads").output == [
            "leads",
            "  periods    2027-01 .. 2027-04",
            "  values     100  150  120  130",
            "  total      500  ▁█▄▅",
            "  formula    100 + 10 * t",
            "  overrides  leads[2027-02] = 150",
            "  format     number",
            "  kind       lead indicator (an input)",
            "  uses       nothing",
            "  used by    wins",
        ])
        #expect(session.handle(":show mrr").output.prefix(4) == [
            "mrr", "  periods  2027-01 .. 2027-04", "  values   $10,000  $25,000  $37,000  $50,000", "  last     $50,000  ▁▄▆█",
        ])
    }

    @Test(":explain of a series gives each cell's total or last value and its shape")
    func explainSeries() {
        #expect(planSession(Self.plan).handle(":explain mrr").output == [
            "mrr                   last $46,000  ▁▃▅█  prev(mrr) + revenue",
            "└─ revenue           total $46,000  ▁▃▆█  wins * deal",
            "   ├─ wins                total 46  ▁▃▆█  leads * conversion",
            "   │  ├─ leads           total 460  ▁▃▆█  100 + 10 * t",
            "   │  └─ conversion            10%        10%",
            "   └─ deal                  $1,000        $1000",
        ])
    }

    @Test(":help says what each planning command does on a plan with periods", arguments: [
        ("seek", ["seek total(revenue), average(revenue) or revenue[2027-12]", "its overrides stay", ":undo restores it"]),
        ("table", [":table total(revenue) by win_rate", "no current value to mark"]),
        ("what-if", ["leads[2027-03] = 250", "its total (last for a level)"]),
        ("compare", ["compared by its total (revenue total)", "(mrr last)"]),
        ("goals", ["monthly goal, checked in every", "first that misses", "annual goal"]),
        ("show", ["its total (its last value for a level"]),
    ])
    func help(command: String, phrases: [String]) {
        let text = planSession(Self.plan).handle(":help \(command)").output.joined(separator: " ")
        for phrase in phrases { #expect(text.contains(phrase), "\(command): \(phrase)") }
    }

    // MARK: without periods

    @Test("a model without periods prints what it always has")
    func withoutPeriods() {
        let session = planSession()
        #expect(session.handle(":goals").output == [
            "goal               value  status  gap",
            "revenue >= $50k  $14,256  missed  short by $35,744",
        ])
        #expect(session.handle(":show revenue").output.prefix(3) == ["revenue", "  value    $14,256", "  formula  wins * deal_value"])
        #expect(session.handle(":compare").output.first == "                     base  optimistic           pessimistic")
        #expect(session.handle(":table revenue by leads 100..120 step 20").output == [
            "leads    revenue",
            "  100    $11,880",
            " [120]  [$14,256]",
            "[ ] marks the current value: leads = 120",
        ])
    }
}
