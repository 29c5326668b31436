import Benchmark
import Foundation
import Formula
import ModelFile
import PlanEngine
import Simulation
import WhatIf

/// The sizes the product promises to stay fast at: what-if work on a 1,000-cell
/// plan, and edits and loads of a 100,000-cell one.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 25
    )

    let plan = FunnelCopies(cellCount: 1_000)
    let planModel = plan.model()

    Benchmark("Two-way table 50×50 on 1,000 cells") { benchmark in
        let leads = SensitivityTable.Axis(name: "leads", values: (0..<50).map { 100 + Double($0) })
        let winRates = SensitivityTable.Axis(name: "win_rate", values: (0..<50).map { 0.2 + Double($0) * 0.005 })
        benchmark.startMeasurement()
        blackHole(SensitivityTable.compute(in: planModel, target: "total", rows: leads, columns: winRates))
    }

    Benchmark("Goal seek on 1,000 cells") { benchmark in
        let doubled = 2 * (planModel.value(of: "total").numeric ?? 0)
        benchmark.startMeasurement()
        blackHole(GoalSeek.seek(in: planModel, target: "total", equals: doubled, by: "leads"))
    }

    // Simulation: the twelve-month bottoms-up plan as shipped (no ranges) and msp-uncertain.model,
    // the same plan with its two rates as ranges, 100,000 trials each (target 0.3 s); 10,000
    // trials of the 1,000-cell plan with ranges, summarising every lag indicator (target 1 s).
    for file in ["msp-bottoms-up.model", "msp-uncertain.model"] {
        let workbook = ExampleModel.load(file)
        let goals = workbook.goals.map { Expr.binary($0.goal.comparison, $0.goal.lhs, $0.goal.rhs, $0.goal.range) }
        let lagIndicators = workbook.model.cellsInOrder.filter { !$0.isLeadIndicator }.map(\.name)
        Benchmark("Simulate 100,000 trials of \(file)") { _ in
            blackHole(Simulation.run(workbook.model, trials: 100_000, seed: 1, reporting: lagIndicators, goals: goals))
        }
    }

    let uncertainPlan = FunnelCopies(cellCount: 1_000, conversion: "10% to 20%", winRate: "25% to 40%").model()
    let planLagIndicators = uncertainPlan.cellsInOrder.filter { !$0.isLeadIndicator }.map(\.name)
    Benchmark("Simulate 10,000 trials of 1,000 cells") { _ in
        blackHole(Simulation.run(uncertainPlan, trials: 10_000, seed: 1, reporting: planLagIndicators, goals: []))
    }

    let large = FunnelCopies(cellCount: 100_000)

    let edited = EditedModel(large.model())
    Benchmark("Edit one input of 100,000 cells") { _ in
        blackHole(edited.toggleLeads())
    }

    Benchmark("Load a 100,000-cell file") { benchmark in
        let text = large.fileText
        benchmark.startMeasurement()
        blackHole(Workbook.parse(text, path: "large.model"))
    }
}

/// One model edited in place across iterations, as a session edits its model: the
/// edit benchmark measures the recompute, not building or copying the model.
final class EditedModel: @unchecked Sendable {
    private var model: Model
    private var edits: [Definition]
    private var count = 0

    init(_ model: Model) {
        self.model = model
        edits = ["151", "150"].compactMap { try? Definition(name: "leads", formula: $0) }
    }

    /// Sets `leads` to 151, then back to 150: every cell of the model changes each time.
    func toggleLeads() -> [CellChange] {
        count += 1
        return (try? model.define(edits[count % edits.count])) ?? []
    }
}

/// A bottoms-up funnel repeated per region until the model has `cellCount` cells:
/// four shared lead indicators feed every region, and a running total chains the
/// regions together, so one input edit recomputes the whole model.
struct FunnelCopies {
    private static let sharedInputCount = 4
    private static let cellsPerRegion = 5

    let lines: [String]

    /// `conversion` and `winRate` are the formulas of those inputs: numbers, or ranges to simulate.
    init(cellCount: Int, conversion: String = "15%", winRate: String = "33%") {
        let regions = (cellCount - Self.sharedInputCount - 1) / Self.cellsPerRegion
        var lines = ["leads = 150", "conversion = " + conversion, "win_rate = " + winRate, "deal = $2400"]
        for region in 1...regions {
            let previous = region == 1 ? "0" : "running_\(region - 1)"
            lines += [
                "region_\(region)_leads = leads * (1 + \(region) / 1000)",
                "region_\(region)_opportunities = region_\(region)_leads * conversion",
                "region_\(region)_wins = region_\(region)_opportunities * win_rate",
                "region_\(region)_revenue = region_\(region)_wins * deal",
                "running_\(region) = \(previous) + region_\(region)_revenue",
            ]
        }
        lines.append("total = running_\(regions)")
        self.lines = lines
    }

    var fileText: String { lines.joined(separator: "\n") + "\n" }

    func model() -> Model {
        let definitions = lines.compactMap { line -> Definition? in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return try? Definition(
                name: String(line[..<equals].dropLast()), formula: String(line[line.index(after: equals)...]))
        }
        return (try? Model(definitions: definitions)) ?? Model()
    }
}

/// The example models of the repository's models/ folder.
enum ExampleModel {
    static func load(_ file: String) -> Workbook {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("models/" + file).path
        return (try? Workbook.load(path: path).get()) ?? Workbook()
    }
}
