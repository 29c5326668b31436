import Foundation
import Formula
import ModelFile
import PlanEngine
import Testing
@testable import Simulation

/// A plan file's model and goals, loaded as `leadlag` loads it.
func workbook(_ text: String) throws -> Workbook {
    switch Workbook.parse(text, path: "plan.model") {
    case .success(let workbook): return workbook
    case .failure(let failure): throw PlanDoesNotLoad(text: failure.text)
    }
}

struct PlanDoesNotLoad: Error {
    let text: String
}

func goals(of workbook: Workbook) -> [Expr] {
    workbook.goals.map { .binary($0.goal.comparison, $0.goal.lhs, $0.goal.rhs, $0.goal.range) }
}

/// The draw trial `trial` of seed `seed` makes for each range, in file order, replayed by hand.
func draws(_ distributions: [Distribution], seed: UInt64, trial: Int) -> [Double] {
    var random = TrialRandom(seed: seed, trial: trial)
    return distributions.map { $0.quantile(random.nextUniform()) }
}

@Suite("simulating plans with periods")
struct PeriodSimulationTests {
    /// y = 3x + 5 + t over twelve months with x normal(100, 10): its total is 36x + 5·12 + (0 + … + 11)
    /// = 36x + 126, normal(3726, 360). The annual goal total(y) ≥ 3906 holds when x ≥ 105, the
    /// monthly goal y ≥ 320 in every month when it holds in January (3x + 5 ≥ 320): x ≥ 105 again,
    /// both 1 − Φ(0.5) = 30.85%; December alone (3x + 16 ≥ 320, x ≥ 101.33) would be 44.7%.
    static let linear = """
        periods = 2027-01 .. 2027-12
        x = normal(100, 10)
        y = 3 * x + 5 + t
        goal total(y) >= 3906
        goal y >= 320
        goal y[2027-12] >= 320

        """

    @Test func aLinearSeriesMatchesTheNormalItsTotalFollows() throws {
        let plan = try workbook(Self.linear)
        let result = try #require(Simulation.run(
            plan.model, trials: 100_000, seed: 4, reporting: ["y"], goals: goals(of: plan)))
        let y = result.cells[0]
        #expect(y.measure == .total)
        #expect(result.periods.count == 12 && result.periods.first == "2027-01")
        let (mean, sd) = (3726.0, 360.0)
        // Standard errors: 360 / √100,000 = 1.1 for the mean, about 1.6 for P10 and P90; allow four.
        #expect(abs(y.mean - mean) < 5, "mean \(y.mean)")
        for p in [0.1, 0.5, 0.9] {
            let expected = mean + sd * StandardNormal.quantile(p)
            let drawn = try #require(y.quantile(p))
            #expect(abs(drawn - expected) < 7, "P\(Int(p * 100)) \(drawn) vs \(expected)")
        }
        let exact = 1 - StandardNormal.cdf(0.5)
        let december = 1 - StandardNormal.cdf(4.0 / 30)
        // Standard error √(p(1 − p)/n) = 0.146%; allow four of them.
        #expect(abs(result.goalChances[0] - exact) < 0.006, "annual \(result.goalChances[0])")
        #expect(abs(result.goalChances[1] - exact) < 0.006, "monthly \(result.goalChances[1])")
        #expect(abs(result.goalChances[2] - december) < 0.006, "December \(result.goalChances[2])")
        #expect(result.goalsOverPeriods == [false, true, false])
        // The annual and the monthly goal are the same event here, so they agree trial for trial.
        #expect(result.goalChances[0] == result.goalChances[1])
    }

    /// Recurring revenue through prev: a trial's draw of new_mrr, replayed by hand and put in the
    /// model as a number, gives the same last month (the level's measure) to the last bit, and
    /// the closed form new × (1 − 0.95¹²) / 0.05.
    @Test func aRecurringRevenueTrialReplaysByDirectEvaluation() throws {
        let text = """
            periods = 2027-01 .. 2027-12
            new_mrr = uniform(1000, 2000)
            churn = 5%
            mrr = prev(mrr) * (1 - churn) + new_mrr
            year = total(mrr)

            """
        let plan = try workbook(text)
        let trials = 5
        let result = try #require(Simulation.run(plan.model, trials: trials, seed: 77, reporting: ["mrr", "year"], goals: []))
        #expect(result.cells.map(\.measure) == [.last, nil])
        let distribution = try #require(RangeSyntax.distribution(of: expression("uniform(1000, 2000)")))
        var replayedLast: [Double] = []
        var replayedYear: [Double] = []
        for trial in 0..<trials {
            let draw = draws([distribution], seed: 77, trial: trial)[0]
            var model = plan.model
            try model.define(Definition(name: "new_mrr", formula: "\(draw)"))
            let series = model.values(of: "mrr").compactMap(\.numeric)
            #expect(series.count == 12)
            let last = try #require(series.last)
            #expect(abs(last - draw * (1 - pow(0.95, 12)) / 0.05) < 1e-9 * last)
            replayedLast.append(last)
            replayedYear.append(try #require(model.value(of: "year").numeric))
        }
        #expect(result.cells[0].values.sorted() == replayedLast.sorted())
        #expect(result.cells[1].values.sorted() == replayedYear.sorted())
    }

    /// Cells tied in a loop through prev (customers and the churn that reads last month's
    /// customers) are computed period by period in each trial, as the model computes them.
    @Test func aLoopThroughPrevOfTwoCellsReplays() throws {
        let text = """
            periods = 2027-01 .. 2027-06
            gained = triangular(5, 10, 20)
            churn = 10% to 20%
            lost = prev(customers) * churn
            customers = prev(customers, 100) + gained - lost

            """
        let plan = try workbook(text)
        let result = try #require(Simulation.run(plan.model, trials: 4, seed: 5, reporting: ["customers"], goals: []))
        let inputs = UncertainInputs(plan.model)
        #expect(inputs.names == ["gained", "churn"])
        var replayed: [Double] = []
        for trial in 0..<4 {
            let drawn = draws(inputs.distributions, seed: 5, trial: trial)
            var model = plan.model
            try model.define(Definition(name: "gained", formula: "\(drawn[0])"))
            try model.define(Definition(name: "churn", formula: "\(drawn[1])"))
            replayed.append(try #require(model.values(of: "customers").last?.numeric))
        }
        #expect(result.cells[0].values.sorted() == replayed.sorted())
    }

    /// A range in an override is drawn for its periods only; a number in an override keeps its
    /// periods whatever the formula draws.
    @Test func overridesKeepTheirPeriods() throws {
        let text = """
            periods = 2027-01 .. 2027-12
            x = uniform(0, 1)
            x[2027-03] = 5
            x[2027-07 .. 2027-12] = uniform(10, 20)
            y = x * 1
            goal y[2027-03] == 5
            goal y[2027-08] >= 10

            """
        let plan = try workbook(text)
        let result = try #require(Simulation.run(plan.model, trials: 20_000, seed: 3, reporting: ["y"], goals: goals(of: plan)))
        #expect(result.drawn == ["x", "x[2027-07 .. 2027-12]"])
        #expect(result.goalChances == [1, 1])
        // Five months of uniform(0, 1), one of 5, six of uniform(10, 20): 2.5 + 5 + 90 on average.
        let y = result.cells[0]
        #expect(abs(y.mean - 97.5) < 0.3, "\(y.mean)")
        #expect(y.values.allSatisfy { $0 > 65 && $0 < 130 })
    }

    /// An actual is what happened: a trial draws the range for the other periods only.
    @Test func actualsKeepTheirPeriods() throws {
        let text = """
            periods = 2027-01 .. 2027-04
            x = uniform(0, 1)
            y = x * 1
            goal y[2027-01] == 5
            actual x[2027-01] = 5

            """
        let plan = try workbook(text)
        let result = try #require(Simulation.run(plan.model, trials: 4, seed: 6, reporting: ["y"], goals: goals(of: plan)))
        #expect(result.goalChances == [1])
        let distribution = try #require(RangeSyntax.distribution(of: expression("uniform(0, 1)")))
        let replayed = (0..<4).map { 5 + 3 * draws([distribution], seed: 6, trial: $0)[0] }
        for (simulated, expected) in zip(result.cells[0].values.sorted(), replayed.sorted()) {
            #expect(abs(simulated - expected) < 1e-12)
        }
    }

    /// The same seed gives the same numbers, bit for bit, on one core or two, over periods too.
    @Test func sameSeedSameNumbersWhateverTheCores() throws {
        let plan = try workbook(Self.linear + "z = prev(z) + y\n")
        let runs = [1, 2, 5].map { workers in
            Simulation.run(plan.model, trials: 10_007, seed: 8, reporting: ["y", "z"], goals: goals(of: plan), workers: workers)!
        }
        for run in runs.dropFirst() {
            for (cell, reference) in zip(run.cells, runs[0].cells) {
                #expect(cell.values.map(\.bitPattern) == reference.values.map(\.bitPattern))
                #expect(cell.mean.bitPattern == reference.mean.bitPattern)
            }
            #expect(run.goalChances == runs[0].goalChances)
        }
    }
}

@Suite(":drivers on plans with periods")
struct PeriodDriverTests {
    static let plan = """
        periods = 2027-01 .. 2027-12
        leads = 100 + 10 * t
        leads[2027-03] = 300
        conversion = 10% to 20%
        deal = $1000
        revenue = leads * conversion * deal
        churn = 2%
        mrr = prev(mrr) * (1 - churn) + revenue

        """

    /// A series target swings by its measure (revenue by its total, mrr by its last value), each
    /// end equal to the model with that lead indicator there; a plain series lead moves ±10% in
    /// every period, its override too.
    @Test func aSeriesTargetSwingsByItsMeasure() throws {
        let model = try workbook(Self.plan).model
        let analysis = DriverAnalysis(of: try expression("revenue"), in: model)
        #expect(analysis.measure == .total)
        #expect(analysis.base == model.evaluate(try expression("total(revenue)")))
        // leads and deal move revenue by the same 10%, so only the first place is certain.
        #expect(analysis.drivers.first?.name == "conversion")
        #expect(Set(analysis.drivers.map(\.name)) == ["conversion", "leads", "deal"])
        #expect(analysis.unmoved == ["churn"])
        let conversion = try #require(analysis.drivers.first)
        var moved = model
        try moved.define(Definition(name: "conversion", formula: "\(conversion.low)"))
        #expect(conversion.targetAtLow == moved.evaluate(try expression("total(revenue)")).numeric)
        // Leads total 100·12 + 10·66 − 120 + 300 = 2,040, moved ±10% in every period.
        let leads = try #require(analysis.drivers.first { $0.name == "leads" })
        #expect(leads.measure == .total && abs(leads.low - 1836) < 1e-9 && abs(leads.high - 2244) < 1e-9)
        let base = try #require(analysis.base.numeric)
        #expect(abs(leads.targetAtHigh - base * 1.1) < 1e-6 && abs(leads.targetAtLow - base * 0.9) < 1e-6)

        let level = DriverAnalysis(of: try expression("mrr"), in: model)
        #expect(level.measure == .last)
        #expect(level.drivers.first?.name == "conversion" && level.drivers.last?.name == "churn")
        #expect(level.drivers.count == 4)
        let churn = try #require(level.drivers.first { $0.name == "churn" })
        var churned = model
        try churned.define(Definition(name: "churn", formula: "\(churn.high)"))
        #expect(churn.targetAtHigh == churned.values(of: "mrr").last?.numeric)
    }

    /// A range in an override is a driver of its own, named by its periods, moved only there.
    @Test func aRangeInAnOverrideIsADriverOfItsPeriods() throws {
        let model = try workbook(Self.plan + "conversion[2027-07 .. 2027-12] = 20% to 30%\n").model
        let analysis = DriverAnalysis(of: try expression("revenue"), in: model)
        let second = try #require(analysis.drivers.first { $0.name == "conversion[2027-07 .. 2027-12]" })
        #expect(second.cell == "conversion" && second.isRange)
        let distribution = try #require(RangeSyntax.distribution(of: expression("20% to 30%")))
        #expect(second.low == distribution.quantile(0.1))
        var moved = model
        try moved.define(Definition(name: "conversion", formula: "\(second.low)", periods: PeriodSpan(
            first: PeriodLiteral(period: try Period.parse("2027-07").get(), range: SourceRange(start: 0, end: 0)),
            last: PeriodLiteral(period: try Period.parse("2027-12").get(), range: SourceRange(start: 0, end: 0)))))
        let expected = try #require(moved.evaluate(try expression("total(revenue)")).numeric)
        #expect(abs(second.targetAtLow - expected) < 1e-9 * expected)
    }

    @Test func aSingleValuedTargetSwingsAsItIs() throws {
        let model = try workbook(Self.plan).model
        let analysis = DriverAnalysis(of: try expression("revenue[2027-03]"), in: model)
        #expect(analysis.measure == nil)
        #expect(analysis.base == .number(300 * (model.value(of: "conversion").numeric ?? 0) * 1000))
        let leads = try #require(analysis.drivers.first { $0.name == "leads" })
        #expect(abs(leads.targetAtHigh - 1.1 * (analysis.base.numeric ?? 0)) < 1e-6)
    }
}
