import Formula
import PlanEngine
import TextLayout

/// How the REPL shows the series of a plan with periods: a sparkline of a cell's values, and the
/// grid of `:list` (cells as rows, periods as columns that fit the width, a total for flows).
enum SeriesDisplay {
    /// `▁▂▃▅▆█`: one bar per period; an error value leaves a blank. Values are drawn as they
    /// are shown, to 15 significant digits, so a ratio that is the same every month
    /// (`wins / leads`) is flat, not a shape drawn from rounding noise.
    static func sparkline(_ values: [Value]) -> String {
        guard values.count > 1 else { return "" }
        return Sparkline.render(values.map { $0.numeric?.atSpreadsheetPrecision ?? .nan })
    }

    /// One text that stands for a cell: its value, or for a series `total $46,000` (a flow) or
    /// `last $46,000` (a level carried through `prev`), never one period's value passing for all.
    static func summaryText(_ cell: Cell) -> String {
        let value = ValueFormatter.display(cell.summary, format: cell.format)
        guard cell.isSeries else { return value }
        return (cell.isStock ? "last " : "total ") + value
    }

    /// A series in one line, as `:show` gives it: every period's value when there are at most
    /// ``shownPeriods``, else the first and the last with their periods.
    static func periodRow(_ values: [Value], format: DisplayFormat, in model: Model) -> String {
        let periods = model.timeline.periods
        let shown = values.map { ValueFormatter.display($0, format: format) }
        guard shown.count > shownPeriods, let first = periods.first, let last = periods.last else {
            return shown.joined(separator: "  ")
        }
        return "\(shown[0]) in \(first) … \(shown[shown.count - 1]) in \(last)"
    }

    /// What stands for a series under its values: `total $46,000  ▁▃▆█` (a flow),
    /// `last $46,000  ▁▃▅█` (a level carried through `prev`), or for a comparison
    /// `true in 3 of 4 periods  ▁███`, as label and text.
    static func summaryRow(_ values: [Value], format: DisplayFormat, isStock: Bool) -> [String] {
        if format == .boolean {
            let holding = values.count { $0 == .boolean(true) }
            return ["true", "in \(holding) of \(values.count) periods  " + sparkline(values)]
        }
        return [isStock ? "last" : "total",
         ValueFormatter.display(SeriesSummary.of(values, isStock: isStock), format: format) + "  " + sparkline(values)]
    }

    /// A series as `:show` and a bare expression give it, as label and text rows:
    ///
    ///     periods  2027-01 .. 2027-04
    ///     values   $10,000  $11,000  $12,000  $13,000
    ///     total    $46,000  ▁▃▆█
    static func seriesRows(_ values: [Value], format: DisplayFormat, isStock: Bool, in model: Model) -> [[String]] {
        [["periods", model.timeline.description], ["values", periodRow(values, format: format, in: model)],
         summaryRow(values, format: format, isStock: isStock)]
    }

    /// Most periods whose values `:show` lists one by one.
    static let shownPeriods = 6

    /// The grid of `cells` over the model's periods, lead indicators first.
    static func grid(_ cells: [Cell], in model: Model, colorizer: Colorizer, width: Int?) -> [String] {
        let periods = model.timeline.periods.map(\.description)
        func row(_ cell: Cell) -> PeriodGrid.Row {
            let values = periods.indices.map { ValueFormatter.display(cell.values[cell.isSeries ? $0 : 0], format: cell.format) }
            // A flow adds up over the plan; a level (stock) or a single value has no total.
            let total = cell.isSeries && !cell.isStock ? ValueFormatter.display(cell.summary, format: cell.format) : nil
            return PeriodGrid.Row(
                colorizer.cellName(cell.name, isLeadIndicator: cell.isLeadIndicator), values: values,
                sparkline: sparkline(cell.values), total: total)
        }
        let grid = PeriodGrid(
            periods: periods, leadIndicators: cells.filter(\.isLeadIndicator).map(row),
            lagIndicators: cells.filter { !$0.isLeadIndicator }.map(row),
            leadTitle: colorizer.apply(.bold, to: "lead indicators"), lagTitle: colorizer.apply(.bold, to: "lag indicators"))
        return grid.render(width: width)
    }
}
