import Formula
import Testing
@testable import PlanEngine

/// Builds a plan over `first ... last` from `name = formula` and `name[periods] = formula` lines.
func makePlan(_ first: String, _ last: String, _ lines: [String]) throws -> Model {
    let timeline = try Timeline(from: Period.parse(first).get(), to: Period.parse(last).get())
    return try Model(timeline: timeline, definitions: lines.map(planDefinition))
}

/// `leads = 150` or `leads[2027-03 .. 2027-04] = 150`, parsed as a model file line.
func planDefinition(_ line: String) throws -> Definition {
    switch Parser.parseStatement(line) {
    case .success(.definition(let name, _, let expression)):
        return Definition(name: name, formula: line, expression: expression)
    case .success(.override(let name, _, let periods, let expression)):
        return Definition(name: name, formula: line, expression: expression, periods: periods)
    default:
        Issue.record("not a definition: \(line)")
        return try Definition(name: "invalid", formula: "0")
    }
}

func numbers(_ values: [Value]) -> [Double?] { values.map(number) }

/// Series values against values computed by hand.
@Suite struct SeriesEvaluationTests {
    @Test func growthAndPrevWithAndWithoutADefault() throws {
        let plan = try makePlan("2027-01", "2027-06", [
            "leads = 100 + 10 * t", "before = prev(leads)", "seeded = prev(leads, 50)", "growth = leads * 1.5 ^ t",
        ])
        #expect(numbers(plan.values(of: "leads")) == [100, 110, 120, 130, 140, 150])
        #expect(numbers(plan.values(of: "before")) == [0, 100, 110, 120, 130, 140])
        #expect(numbers(plan.values(of: "seeded")) == [50, 100, 110, 120, 130, 140])
        #expect(numbers(plan.values(of: "growth")) == [100, 165, 270, 438.75, 708.75, 1139.0625])
    }

    /// Plain arithmetic runs over all periods at once; each period must come out as its own run
    /// would give it, errors, booleans and the sign of an operator included.
    @Test func plainArithmeticOverAllPeriodsKeepsEachPeriodsValue() throws {
        let plan = try makePlan("2027-01", "2027-04", [
            "x = 2 - t", "ratio = 12 / x", "flipped = -ratio + 1", "positive = x > 0", "counted = positive + x * 10",
            "huge = 1e308 * (x + 8)",
        ])
        #expect(plan.values(of: "ratio") == [.number(6), .number(12), .error(.divisionByZero), .number(-12)])
        #expect(plan.values(of: "flipped") == [.number(-5), .number(-11), .error(.divisionByZero), .number(13)])
        #expect(plan.values(of: "positive") == [.boolean(true), .boolean(true), .boolean(false), .boolean(false)])
        #expect(numbers(plan.values(of: "counted")) == [21, 11, 0, -10])
        #expect(plan.values(of: "huge") == [.error(.number), .error(.number), .error(.number), .error(.number)])
        var edited = plan
        let changes = try edited.define(planDefinition("x = 3 - t"))
        #expect(edited.values(of: "ratio") == [.number(4), .number(6), .number(12), .error(.divisionByZero)])
        #expect(changes.first { $0.name == "ratio" }?.series?.old == plan.values(of: "ratio"))
        #expect(changes.first { $0.name == "ratio" }?.series?.periods == 0...3)
    }

    @Test func recurringRevenueCarriesForwardThroughPrev() throws {
        let plan = try makePlan("2027-01", "2027-04", ["new_mrr = 100", "churn = 10%", "mrr = prev(mrr) * (1 - churn) + new_mrr"])
        #expect(numbers(plan.values(of: "mrr")) == [100, 190, 271, 343.9])
        #expect(plan["mrr"]?.isStock == true)
        #expect(plan["mrr"]?.summary == .number(343.9))
    }

    @Test func runningTotalsRestartInJanuary() throws {
        let plan = try makePlan("2027-11", "2028-02", [
            "x = 10", "running = cumulative(x)", "year = ytd(x)", "whole = total(x)", "index = t", "m = month",
        ])
        #expect(plan.isSeries("x") == false)
        #expect(plan.values(of: "x") == [.number(10)])
        #expect(numbers(plan.values(of: "running")) == [10, 20, 30, 40])
        #expect(numbers(plan.values(of: "year")) == [10, 20, 10, 20])
        #expect(plan.values(of: "whole") == [.number(40)])
        #expect(numbers(plan.values(of: "index")) == [0, 1, 2, 3])
        #expect(numbers(plan.values(of: "m")) == [11, 12, 1, 2])
    }

    @Test func quartersAndWeeks() throws {
        let quarters = try makePlan("2027-Q3", "2028-Q2", ["m = month", "sales = 10 * month", "year = ytd(sales)"])
        #expect(numbers(quarters.values(of: "m")) == [7, 10, 1, 4])
        #expect(numbers(quarters.values(of: "year")) == [70, 170, 10, 50])
        let weeks = try makePlan("2026-W52", "2027-W02", ["calls = 50 + t", "year = ytd(calls)", "m = month"])
        #expect(numbers(weeks.values(of: "year")) == [50, 101, 52, 105])
        #expect(numbers(weeks.values(of: "m")) == [12, 12, 1, 1])
    }

    @Test func reductionsGiveOneValue() throws {
        let plan = try makePlan("2027-01", "2027-12", [
            "leads = 100 + 10 * t", "deal = $2400",
            "sum = total(leads)", "mean = average(leads)", "start = first(leads)", "end = last(leads)",
            "high = peak(leads)", "low = lowest(leads)", "march = leads[2027-03]", "deals = total(deal)",
            "share = leads / total(leads)",
        ])
        #expect(plan.values(of: "sum") == [.number(1860)])
        #expect(plan.values(of: "mean") == [.number(155)])
        #expect(plan.values(of: "start") == [.number(100)])
        #expect(plan.values(of: "end") == [.number(210)])
        #expect(plan.values(of: "high") == [.number(210)])
        #expect(plan.values(of: "low") == [.number(100)])
        #expect(plan.values(of: "march") == [.number(120)])
        #expect(plan.values(of: "deals") == [.number(28800)])
        #expect(plan.format(of: "deals") == .currency(.dollar))
        #expect(plan.isSeries("share"))
        #expect(plan.evaluateSeries(try Parser.parseExpression("total(leads) / 12").get()) == [.number(155)])
    }

    @Test func overridesReplaceSomePeriodsAndTheLastOneWins() throws {
        let plan = try makePlan("2027-01", "2027-12", [
            "leads = 100", "leads[2027-03] = 150", "leads[2027-07 .. 2027-12] = 140", "leads[2027-08] = 1",
            "opportunities = leads * 10%",
        ])
        #expect(numbers(plan.values(of: "leads")) == [100, 100, 150, 100, 100, 100, 140, 1, 140, 140, 140, 140])
        #expect(plan["leads"]?.isLeadIndicator == true)
        #expect(plan["leads"]?.overrides.count == 3)
        #expect(plan.values(of: "opportunities")[2] == .number(15))
    }

    @Test func errorsInOnePeriodStayInThatPeriodAndReduceToTheFirst() throws {
        let plan = try makePlan("2027-01", "2027-03", ["x = 1 / (t - 1)", "sum = total(x)", "before = prev(x, 7)"])
        #expect(plan.values(of: "x") == [.number(-1), .error(.divisionByZero), .number(1)])
        #expect(plan.values(of: "sum") == [.error(.divisionByZero)])
        #expect(plan.values(of: "before") == [.number(7), .number(-1), .error(.divisionByZero)])
    }

    @Test func cellsTiedThroughPrevAreEvaluatedPeriodByPeriod() throws {
        let plan = try makePlan("2027-01", "2027-03", ["a = prev(b, 1) + 1", "b = a * 2"])
        #expect(numbers(plan.values(of: "a")) == [2, 5, 11])
        #expect(numbers(plan.values(of: "b")) == [4, 10, 22])
    }

    @Test func withoutPeriodsEveryCellIsOneValue() throws {
        let model = try makeModel(["leads = 120", "total_leads = total(leads)", "running = cumulative(leads)"])
        #expect(model.timeline == .single)
        #expect(model.values(of: "total_leads") == [.number(120)])
        #expect(model.values(of: "running") == [.number(120)])
    }
}
