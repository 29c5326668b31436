import Formula
import Testing
@testable import PlanEngine

/// An edit of a plan recomputes only the cells that depend on it and only the periods that can
/// change; loops through `prev` are accepted and every other cycle refused with its path.
@Suite struct SeriesRecomputeTests {
    private static let lines = [
        "leads = 100", "conversion = 10%", "opportunities = leads * conversion",
        "mrr = prev(mrr) + opportunities", "annual = total(opportunities)", "other = 5", "other_twice = other * 2",
    ]

    @Test func anOverrideOfOnePeriodTouchesThatPeriodAndTheLaterOnesPrevCarries() throws {
        var plan = try makePlan("2027-01", "2027-12", Self.lines)
        try plan.define(planDefinition("leads[2027-06] = 200"))
        #expect(plan.isSeries("leads") && plan.isSeries("opportunities") && plan.isSeries("mrr"))
        let cells = plan.evaluationCount
        let periods = plan.periodEvaluationCount
        let changes = try plan.define(planDefinition("leads[2027-09] = 300"))
        // leads, opportunities, mrr and annual; not other or other_twice.
        #expect(plan.evaluationCount - cells == 4)
        // leads and opportunities in September only, mrr from September to December, annual once.
        #expect(plan.periodEvaluationCount - periods == 1 + 1 + 4 + 1)
        #expect(changes.map(\.name) == ["leads", "opportunities", "mrr", "annual"])
        let leads = try #require(changes.first?.series)
        #expect(leads.periods == 8...8)
        #expect(numbers(leads.new)[8] == 300)
        #expect(numbers(leads.old ?? [])[8] == 100)
        #expect(changes.first?.old == .number(1300))
        #expect(changes.first?.new == .number(1500))
        #expect(numbers(plan.values(of: "mrr")).suffix(4) == [120, 130, 140, 150])
        #expect(plan.values(of: "annual") == [.number(150)])
    }

    /// A cell reading a name not defined is `#NAME?` in every period whether or not it varies; an
    /// edit that makes it vary (or stop) must leave it, and what reads it, as a fresh load would.
    @Test(arguments: ["leads = 120 * 1.1 ^ t", "leads = 120"])
    func whetherACellVariesAfterAnEditIsWhatAFreshLoadSays(edit: String) throws {
        let lines = ["leads = 120", "opportunities = leads * conversion", "wins = opportunities * 33%", "annual = total(wins)"]
        var plan = try makePlan("2027-01", "2027-03", lines)
        try plan.define(planDefinition("leads = 120 * 1.1 ^ t"))
        try plan.define(planDefinition(edit))
        let fresh = try makePlan("2027-01", "2027-03", [edit] + lines.dropFirst())
        for name in ["leads", "opportunities", "wins", "annual"] {
            #expect(plan.isSeries(name) == fresh.isSeries(name), "\(name) after \(edit)")
            #expect(plan.values(of: name) == fresh.values(of: name), "\(name) after \(edit)")
        }
        #expect(plan.isSeries("wins") == edit.contains("t"))
        #expect(plan.values(of: "annual") == [.error(.name)])
    }

    @Test func aCellThatStartsToVaryWithTheSameValuesShowsNoChange() throws {
        var plan = try makePlan("2027-01", "2027-03", ["leads = 120", "opportunities = leads * conversion", "wins = opportunities * 2"])
        let changes = try plan.define(planDefinition("leads = 120 * 1.1 ^ t"))
        #expect(changes.map(\.name) == ["leads"])
        #expect(plan.isSeries("wins"))
    }

    @Test func theFirstOverrideTurnsAValueIntoASeriesWithoutRecomputingEveryPeriod() throws {
        var plan = try makePlan("2027-01", "2027-12", Self.lines)
        let periods = plan.periodEvaluationCount
        try plan.define(planDefinition("leads[2027-06] = 200"))
        #expect(plan.periodEvaluationCount - periods == 1 + 1 + 7 + 1)
        #expect(numbers(plan.values(of: "opportunities")) == [10, 10, 10, 10, 10, 20, 10, 10, 10, 10, 10, 10])
    }

    @Test func removingAnOverrideGivesThePeriodBackToTheFormula() throws {
        var plan = try makePlan("2027-01", "2027-03", ["leads = 100", "leads[2027-02] = 7", "double = leads * 2"])
        let changes = try plan.removeOverride("leads", periods: Period.parse("2027-02").get()...Period.parse("2027-02").get())
        #expect(plan.isSeries("leads") == false)
        #expect(plan.values(of: "double") == [.number(200)])
        #expect(changes.map(\.name) == ["leads", "double"])
    }

    @Test func aChangeOfTheFormulaRecomputesEveryPeriod() throws {
        var plan = try makePlan("2027-01", "2027-12", Self.lines + ["leads[2027-06] = 200"])
        let periods = plan.periodEvaluationCount
        try plan.define(planDefinition("leads = 100 + t"))
        // January keeps its value (100 + 0), so the dependents recompute February to December.
        #expect(plan.periodEvaluationCount - periods == 12 + 11 + 11 + 1)
        #expect(numbers(plan.values(of: "leads"))[5] == 200)
        #expect(numbers(plan.values(of: "leads"))[6] == 106)
    }

    @Test(arguments: [
        ["mrr = prev(mrr) + 1"],
        ["a = prev(b, 1) + 1", "b = a * 2"],
        ["a = cumulative(prev(b))", "b = a + 1"],
    ])
    func loopsThroughPrevLoad(lines: [String]) throws {
        _ = try makePlan("2027-01", "2027-06", lines)
    }

    @Test(arguments: [
        (["x = x + 1"], [["x", "x"]]),
        (["a = b + 1", "b = a * 2"], [["a", "b", "a"]]),
        (["x = total(prev(x))"], [["x", "x"]]),
        (["a = prev(b)", "b = total(a)"], [["b", "a", "b"]]),
        (["a = prev(b)", "b = a[2027-03]"], [["b", "a", "b"]]),
    ])
    func otherCyclesAreRefusedWithTheirPath(lines: [String], cycles: [[String]]) {
        #expect(throws: LoadError(cycles: cycles)) { try makePlan("2027-01", "2027-06", lines) }
    }

    @Test func anEditThatClosesALoopIsRefusedUnlessPrevBreaksIt() throws {
        var plan = try makePlan("2027-01", "2027-03", ["a = prev(b) + 1", "b = 1", "c = b"])
        #expect(throws: ModelError.cycle(["b", "a", "b"])) { try plan.define(planDefinition("b = total(a)")) }
        #expect(throws: ModelError.cycle(["b", "c", "b"])) { try plan.define(planDefinition("b = c")) }
        try plan.define(planDefinition("b = a * 2"))
        #expect(numbers(plan.values(of: "a")) == [1, 3, 7])
        #expect(numbers(plan.values(of: "c")) == [2, 6, 14])
        #expect(throws: ModelError.cycle(["mrr", "mrr"])) { try plan.define(planDefinition("mrr = mrr + 1")) }
        try plan.define(planDefinition("mrr = prev(mrr) + 1"))
        #expect(numbers(plan.values(of: "mrr")) == [1, 2, 3])
    }

    @Test func overridesAreCheckedAgainstThePlan() throws {
        var plan = try makePlan("2027-01", "2027-03", ["leads = 1"])
        #expect(throws: ModelError.periods("2027-04 is outside the plan (2027-01 .. 2027-03)")) {
            try plan.define(planDefinition("leads[2027-04] = 2"))
        }
        #expect(throws: ModelError.undefinedCell("wins")) { try plan.define(planDefinition("wins[2027-01] = 2")) }
        var flat = try makeModel(["leads = 1"])
        #expect(throws: ModelError.periods("prev needs a periods line (periods = 2027-01 .. 2027-12)")) {
            try flat.define(planDefinition("x = prev(leads)"))
        }
    }

    /// Nothing recursive on the number of periods or on a chain through prev.
    @Test func aThousandPeriodsOfALongPrevChain() throws {
        var lines = ["c0 = prev(c0) + 1"]
        for index in 1..<200 { lines.append("c\(index) = prev(c\(index)) + c\(index - 1)") }
        var plan = try makePlan("2027-W01", "2046-W09", lines)
        #expect(plan.timeline.count == 1_000)
        #expect(plan.values(of: "c0").last == .number(1_000))
        try plan.define(planDefinition("c0 = prev(c0) + 2"))
        #expect(plan.values(of: "c1").last == .number(1_001_000))
        #expect(plan.values(of: "c199").count == 1_000)
    }
}
