import Formula
import PlanEngine
import Testing
import WhatIf

/// The what-if tools on a plan of four months, where a target must be one value. By hand:
/// leads 100 110 120 130, revenue = leads × $100: $10k $11k $12k $13k, total $46k.
@Suite struct SeriesTargetTests {
    static func plan() throws -> Model {
        let timeline = try Timeline(from: Period.parse("2027-01").get(), to: Period.parse("2027-04").get())
        return try Model(timeline: timeline, definitions: [
            "leads = 100 + 10 * t", "price = $100", "revenue = leads * price",
        ].map(definition))
    }

    static func target(_ text: String) throws -> WhatIfTarget {
        WhatIfTarget(text: text, expression: try expression(text))
    }

    @Test("a seek of a total sets the input to one constant that reaches it")
    func seekTotal() throws {
        let outcome = GoalSeek.seek(in: try Self.plan(), target: try Self.target("total(revenue)"), equals: 60_000, by: "leads")
        guard case .found(let value, let reached, _) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(value == 150)
        #expect(reached == .number(60_000))
    }

    @Test("a series reads as #VALUE!, never as its first period, and says what to seek instead")
    func seriesTarget() throws {
        let model = try Self.plan()
        let revenue = WhatIfTarget.cell("revenue")
        #expect(revenue.value(in: model) == .error(.value))
        #expect(revenue.seriesProblem(in: model, verb: "seek")
            == "revenue is a series over 2027-01 .. 2027-04: seek total(revenue), average(revenue) or revenue[2027-04]")
        #expect(try Self.target("revenue[2027-02]").seriesProblem(in: model, verb: "seek") == nil)
        #expect(try Self.target("revenue[2027-02]").value(in: model) == .number(11_000))
    }

    @Test("a table of a total over a series input: each row one constant, no current value")
    func tableOfTotal() throws {
        let table = try SensitivityTable.compute(
            in: try Self.plan(), target: try Self.target("total(revenue)"),
            rows: .init(name: "leads", values: [100, 200])).get()
        #expect(table.values == [[.number(40_000)], [.number(80_000)]])
        #expect(table.rows.baseIndex == nil)
        #expect(table.target == "total(revenue)")
    }

    @Test("a monthly goal is checked in every period and reported for the current one")
    func monthlyGoal() throws {
        let model = try Self.plan()
        let goal = Goal(comparison: .greaterEqual, lhs: try expression("revenue"), rhs: try expression("11.5k"),
                        range: SourceRange(start: 0, end: 0))
        let status = GoalStatus(goal, in: model)
        #expect(status.current == .number(10_000))
        #expect(status.state == .missed)
        #expect(status.gap == 1_500)
        #expect(status.periods?.metCount == 2)
        #expect(status.periods?.count == 4)
        #expect(status.periods?.firstMiss?.description == "2027-01")
        #expect(status.periods?.firstMissValue == .number(10_000))
        let annual = Goal(comparison: .greaterEqual, lhs: try expression("total(revenue)"), rhs: try expression("40k"),
                          range: SourceRange(start: 0, end: 0))
        #expect(GoalStatus(annual, in: model).periods == nil)
        #expect(GoalStatus(annual, in: model).current == .number(46_000))
    }

    @Test("a comparison sums a series up by its total, counting a single value in every period")
    func comparisonTotals() throws {
        let comparison = try ScenarioComparison.compare(
            base: try Self.plan(), scenarios: [("flat", [definition("leads = 100")])]).get()
        let leads = try #require(comparison.inputs.first)
        #expect(leads.base == .number(460))
        #expect(leads.scenarios.first?.value == .number(400))
        #expect(leads.measure == .total)
    }
}
