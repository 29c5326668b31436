import Formula
import PlanEngine
import Simulation
import TextLayout
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A simulation as people read it: a table of mean and percentiles in each cell's format, the
/// goals' chances, and histograms. Shared by `:simulate` and `leadlag eval --simulate`.
///
/// On a plan with periods a series row is named with what its numbers stand for, as `:compare`
/// names it (`revenue total`, `mrr last`), a line above the table says so, and a monthly goal
/// says its chance is that of meeting it in every period (`revenue >= $12k in every month`).
public struct SimulationView {
    let result: SimulationResult
    let model: Model
    let goalTexts: [String]
    let seedWasGiven: Bool

    public init(result: SimulationResult, model: Model, goalTexts: [String], seedWasGiven: Bool = true) {
        self.result = result
        self.model = model
        self.goalTexts = goalTexts
        self.seedWasGiven = seedWasGiven
    }

    /// The header line, the table of cells and the table of goals.
    public func summary(width: Int?) -> [String] {
        let trials = ValueFormatter.display(.number(Double(result.trials)), format: .number)
        let seed = seedWasGiven ? "seed \(result.seed)" : "seed \(result.seed) (picked; give seed \(result.seed) to repeat)"
        let drawn = result.drawn.isEmpty ? "no ranges" : "ranges " + result.drawn.joined(separator: ", ")
        var lines = ["\(trials) trials, \(seed); \(drawn)"]
        if let header = seriesHeader { lines.append(header) }
        let hasErrors = result.cells.contains { $0.errorTrials > 0 }
        var table = TextTable(columns: [TextColumn("", isShrinkable: true, minimumWidth: 8)]
            + ["mean", "P10", "P50", "P90"].map { TextColumn($0, alignment: .right) }
            + (hasErrors ? [TextColumn("errors", alignment: .right)] : []))
        for cell in result.cells {
            let format = model.format(of: cell.name)
            let shown = { (number: Double?) in number.map { ValueFormatter.display(.number($0), format: format) } ?? "—" }
            var row = [Self.label(cell), shown(cell.values.isEmpty ? nil : cell.mean)]
                + [0.1, 0.5, 0.9].map { shown(cell.quantile($0)) }
            if hasErrors { row.append(cell.errorTrials == 0 ? "" : Self.percent(Double(cell.errorTrials) / Double(result.trials))) }
            table.addRow(row)
        }
        lines += table.render(width: width)
        guard !goalTexts.isEmpty else { return lines }
        var goals = TextTable(columns: [TextColumn("goal", isShrinkable: true, minimumWidth: 10),
                                        TextColumn("chance", alignment: .right)])
        let everyPeriod = model.timeline.periods.first.map { " in every \($0.kind.rawValue)" } ?? ""
        for (index, (text, chance)) in zip(goalTexts, result.goalChances).enumerated() {
            goals.addRow([text + (result.goalsOverPeriods[index] ? everyPeriod : ""), Self.percent(chance)])
        }
        return lines + [""] + goals.render(width: width)
    }

    /// `revenue total`, `mrr last`: a cell's name with what its numbers stand for.
    static func label(_ cell: SimulationResult.CellSummary) -> String {
        cell.name + (cell.measure.map { " " + $0.rawValue } ?? "")
    }

    /// Said above a summary of series, so no number passes for one period's.
    var seriesHeader: String? {
        guard result.cells.contains(where: { $0.measure != nil }) else { return nil }
        let levels = result.cells.filter { $0.measure == .last }.map(\.name)
        let rates = result.cells.filter { $0.measure == .average }.map(\.name)
        let byLast = levels.isEmpty ? "" : ", levels carried through prev (\(NameList.text(levels))) by their last value"
        let byAverage = rates.isEmpty ? "" : ", percents (\(NameList.text(rates))) by their average"
        return "each trial's series by its total over \(model.timeline.description)\(byLast)\(byAverage)"
    }

    /// `name` over the trials as a bar per bin, labelled in its format, with each bin's share.
    public func histogram(of name: String, colorizer: Colorizer, width: Int?) -> [String] {
        guard let cell = result.cell(named: name) else { return [] }
        let histogram = cell.histogram
        let format = model.format(of: name)
        // Bin edges to three significant digits: `$8,650 to $10,300` reads faster than cents.
        let shown = { (number: Double) in
            ValueFormatter.display(.number(Self.threeSignificantDigits(number)), format: format)
        }
        let largest = histogram.bins.map(\.count).max() ?? 0
        let barWidth = max(10, min(40, (width ?? 80) - 40))
        var table = TextTable(columns: [TextColumn(), TextColumn(), TextColumn(alignment: .right)], showsHeader: false)
        let last = histogram.bins.count - 1
        for (index, bin) in histogram.bins.enumerated() {
            // The end bins also hold the tails beyond the 1st and 99th percentiles.
            let label = last == 0 ? shown(bin.low)
                : index == 0 ? "below " + shown(bin.high)
                : index == last ? shown(bin.low) + " and up"
                : shown(bin.low) + " to " + shown(bin.high)
            let length = largest == 0 ? 0 : Double(bin.count) / Double(largest) * Double(barWidth)
            table.addRow([label, Bar.rightwards(length), Self.percent(Double(bin.count) / Double(result.trials))])
        }
        let measure = cell.measure.map { " " + $0.rawValue } ?? ""
        return [colorizer.cellName(name, in: model) + measure] + table.render(width: width).map { "  " + $0 }
    }

    static func threeSignificantDigits(_ number: Double) -> Double {
        guard number != 0, number.isFinite else { return number }
        return SpreadsheetPrecision.round(number, places: 2 - Int(log10(abs(number)).rounded(.down)))
    }

    /// `54.3%`: chances to a tenth of a percent, and never 0% or 100% unless exactly so.
    static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.001 { return "<0.1%" }
        if share < 1 && share > 0.999 { return ">99.9%" }
        return ValueFormatter.display(.number((share * 1000).rounded() / 1000), format: .percent)
    }
}
