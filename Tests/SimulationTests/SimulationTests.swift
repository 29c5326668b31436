import Formula
import PlanEngine
import Testing
@testable import Simulation

@Suite("Monte Carlo simulation")
struct SimulationTests {
    /// The same seed gives the same numbers, bit for bit, on one core or two (or seven).
    @Test func sameSeedSameNumbersWhateverTheCores() throws {
        let model = try makeModel(uncertainFunnel)
        let goals = [try expression("revenue >= 12k")]
        let names = ["opportunities", "wins", "revenue"]
        let runs = [1, 2, 7].map { workers in
            Simulation.run(model, trials: 20_003, seed: 42, reporting: names, goals: goals, workers: workers)!
        }
        for run in runs.dropFirst() {
            for (cell, reference) in zip(run.cells, runs[0].cells) {
                #expect(cell.sorted == reference.sorted)
                #expect(cell.mean.bitPattern == reference.mean.bitPattern)
            }
            #expect(run.goalChances == runs[0].goalChances)
        }
        let other = Simulation.run(model, trials: 20_003, seed: 43, reporting: names, goals: goals, workers: 2)!
        #expect(other.cells[2].sorted != runs[0].cells[2].sorted)
    }

    /// 100,000 draws of each distribution have the mean, P10 and P90 the formulas give, within
    /// 1% of the P10–P90 spread (about five standard errors at this count).
    @Test(arguments: [
        "normal(120, 20)", "25% to 40%", "-5 to 5", "uniform(10, 20)", "triangular(0, 1, 4)", "lognormal(1, 4)",
    ])
    func drawsMatchTheDistribution(formula: String) throws {
        let model = try makeModel(["x = " + formula, "y = x * 1"])
        let distribution = try #require(RangeSyntax.distribution(of: expression(formula)))
        let result = try #require(Simulation.run(model, trials: 100_000, seed: 1, reporting: ["y"], goals: []))
        let cell = result.cells[0]
        let spread = distribution.quantile(0.9) - distribution.quantile(0.1)
        #expect(abs(cell.mean - distribution.mean) < 0.01 * spread, "mean \(cell.mean) vs \(distribution.mean)")
        for p in [0.1, 0.5, 0.9] {
            let drawn = try #require(cell.quantile(p))
            #expect(abs(drawn - distribution.quantile(p)) < 0.01 * spread, "P\(Int(p * 100)) \(drawn)")
        }
    }

    /// y = 3x + 5 with x normal(100, 10): y ≥ 320 exactly when x ≥ 105, half a standard deviation
    /// above the mean, so the goal holds with probability 1 − Φ(0.5) = 30.85%.
    @Test func goalChanceMatchesTheNormalThroughALinearModel() throws {
        let model = try makeModel(["x = normal(100, 10)", "y = 3 * x + 5"])
        let result = try #require(Simulation.run(
            model, trials: 100_000, seed: 9, reporting: ["y"], goals: [try expression("y >= 320")]))
        let exact = 1 - StandardNormal.cdf(0.5)
        #expect(abs(exact - 0.3085375387259869) < 1e-12)
        // Standard error sqrt(p(1-p)/n) = 0.146%; allow four of them.
        #expect(abs(result.goalChances[0] - exact) < 0.006, "\(result.goalChances[0])")
        #expect(abs(result.cells[0].share { $0 >= 320 } - exact) < 0.006)
    }

    @Test func errorTrialsAreCountedApart() throws {
        let model = try makeModel(["x = uniform(-1, 1)", "r = if(x < 0, 1 / 0, x)"])
        let result = try #require(Simulation.run(model, trials: 10_000, seed: 3, reporting: ["r"], goals: [
            try expression("r > 0"),
        ]))
        let cell = result.cells[0]
        #expect(cell.errorTrials + cell.sorted.count == 10_000)
        #expect(abs(Double(cell.errorTrials) / 10_000 - 0.5) < 0.03)
        #expect(cell.sorted.allSatisfy { $0 >= 0 && $0 < 1 })
        // A goal that is an error in a trial is missed there.
        #expect(abs(result.goalChances[0] - Double(cell.sorted.count) / 10_000) < 1e-12)
    }

    @Test func stopsWhenAsked() throws {
        let model = try makeModel(uncertainFunnel)
        #expect(Simulation.run(model, trials: 100_000, seed: 1, reporting: ["revenue"], goals: [], shouldStop: { true }) == nil)
    }

    @Test func workersShareTheTrialsWithoutGapsOrOverlap() {
        let shares = (0..<3).map { Simulation.share(of: 10..<21, worker: $0, of: 3) }
        #expect(shares == [10..<13, 13..<17, 17..<21])
    }
}

@Suite("quantiles and histograms")
struct StatisticsTests {
    /// Type 7, as NumPy's percentile: [1, 2, 3, 4] gives 1.3, 2.5 and 3.7 at 10%, 50% and 90%.
    @Test func quantilesInterpolateLinearly() {
        let sorted = [1.0, 2, 3, 4]
        #expect(abs(Quantiles.of(sorted, 0.1) - 1.3) < 1e-15)
        #expect(Quantiles.of(sorted, 0.5) == 2.5)
        #expect(abs(Quantiles.of(sorted, 0.9) - 3.7) < 1e-15)
        #expect(Quantiles.of(sorted, 0) == 1)
        #expect(Quantiles.of(sorted, 1) == 4)
        #expect(Quantiles.of([5], 0.1) == 5)
    }

    @Test func histogramCountsEveryValueOnce() {
        let sorted = (0..<1000).map { Double($0) }
        let histogram = Histogram(sorted: sorted, binCount: 10)
        #expect(histogram.bins.count == 10)
        #expect(histogram.bins.reduce(0) { $0 + $1.count } == 1000)
        #expect(Histogram(sorted: [3, 3, 3]).bins == [Histogram.Bin(low: 3, high: 3, count: 3)])
    }
}

@Suite(":drivers analysis")
struct DriverTests {
    @Test func swingsAreSortedAndMatchTheModelAtEachEnd() throws {
        let model = try makeModel(uncertainFunnel + ["unrelated = 5"])
        let analysis = DriverAnalysis(of: try expression("revenue"), in: model)
        #expect(analysis.drivers.map(\.name) == ["conversion", "leads", "win_rate", "deal_value"])
        #expect(analysis.unmoved == ["unrelated"])
        let swings = analysis.drivers.map(\.swing)
        #expect(swings == swings.sorted(by: >))
        let winRate = try #require(analysis.drivers.first { $0.name == "win_rate" })
        let distribution = try #require(RangeSyntax.distribution(of: expression("25% to 40%")))
        #expect(winRate.isRange && winRate.low == distribution.quantile(0.1) && winRate.high == distribution.quantile(0.9))
        // The target at the low end is the model evaluated with win_rate there and the rest at their means.
        var moved = model
        try moved.define(Definition(name: "win_rate", formula: "\(winRate.low)"))
        #expect(abs(winRate.targetAtLow - (moved.value(of: "revenue").numeric ?? 0)) < 1e-9)
        let deal = try #require(analysis.drivers.first { $0.name == "deal_value" })
        #expect(!deal.isRange && deal.low == 2160 && deal.high == 2640)
        #expect(analysis.base == model.value(of: "revenue"))
    }
}
