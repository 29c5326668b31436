import Formula
import PlanEngine
import TextLayout

/// How the REPL shows the series of a plan with periods: a sparkline of a cell's values, and the
/// grid of `:list` (cells as rows, periods as columns that fit the width, a total for flows).
enum SeriesDisplay {
    /// `▁▂▃▅▆█`: one bar per period (`_.-=+#` without Unicode); an error value leaves a blank.
    /// A series whose values differ only beyond the 15 significant digits they are shown with
    /// (a ratio that is the same every month, `wins / leads`) is drawn flat, not as a shape
    /// drawn from rounding noise; any other difference is far larger than one bar can show.
    static func sparkline(_ values: [Value], unicode: Bool) -> String {
        guard values.count > 1 else { return "" }
        var numbers = values.map { $0.numeric ?? .nan }
        let finite = numbers.filter(\.isFinite)
        if let low = finite.min(), let high = finite.max(), high - low <= Swift.max(abs(low), abs(high)) * 1e-14 {
            numbers = numbers.map { $0.isFinite ? low : $0 }
        }
        return Sparkline.render(numbers, unicode: unicode)
    }

    /// One text that stands for a cell: its value, or for a series `total $46,000` (a flow) or
    /// `last $46,000` (a level: carried through `prev`, or a running total) or `average 15%` (a rate), never
    /// one period passing for all.
    static func summaryText(_ cell: Cell) -> String {
        let value = ValueFormatter.display(cell.summary, format: cell.format)
        guard cell.isSeries else { return value }
        return cell.measure.rawValue + " " + value
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

    /// What stands for a series under its values: `total $46,000  ▁▃▆█` (a flow), `last …`
    /// (a level carried through `prev`), `average …` (a rate), or for a comparison
    /// `true in 3 of 4 periods  ▁███`, as label and text.
    static func summaryRow(_ values: [Value], format: DisplayFormat, measure: SeriesMeasure, unicode: Bool) -> [String] {
        if format == .boolean {
            let holding = values.count { $0 == .boolean(true) }
            return ["true", "in \(holding) of \(values.count) periods  " + sparkline(values, unicode: unicode)]
        }
        return [measure.rawValue,
                ValueFormatter.display(measure.summary(of: values), format: format) + "  " + sparkline(values, unicode: unicode)]
    }

    /// A series as `:show` and a bare expression give it, as label and text rows:
    ///
    ///     periods  2027-01 .. 2027-04
    ///     values   $10,000  $11,000  $12,000  $13,000
    ///     total    $46,000  ▁▃▆█
    static func seriesRows(
        _ values: [Value], format: DisplayFormat, measure: SeriesMeasure, in model: Model, unicode: Bool
    ) -> [[String]] {
        [["periods", model.timeline.description], ["values", periodRow(values, format: format, in: model)],
         summaryRow(values, format: format, measure: measure, unicode: unicode)]
    }

    /// Most periods whose values `:show` lists one by one.
    static let shownPeriods = 6

    /// The grid of `cells` over the model's periods at `shown` (every period when nil), lead
    /// indicators first. The totals and sparklines cover the periods shown. A cell that does not
    /// vary over time is one value, not the same value repeated in every column (SPEC §7). When an
    /// actual falls in the periods asked for, an actual value is marked `*` (the others get a space,
    /// so digits stay aligned) and a last line, wrapped to the width, says so.
    static func grid(
        _ cells: [Cell], in model: Model, periods shown: ClosedRange<Int>? = nil, colorizer: Colorizer, width: Int?,
        unicode: Bool
    ) -> [String] {
        let indices = shown ?? 0...(model.timeline.count - 1)
        let periods = indices.map { model.timeline.periods[$0].description }
        let marksActuals = cells.contains { cell in cell.actuals.keys.contains { indices.contains($0) } }
        func row(_ cell: Cell) -> PeriodGrid.Row {
            let name = colorizer.cellName(cell.name, isLeadIndicator: cell.isLeadIndicator)
            guard cell.isSeries else {
                return .singleValue(name, ValueFormatter.display(cell.value, format: cell.format))
            }
            let values = Array(cell.values[indices])
            let shownValues = zip(indices, values).map { period, value in
                let shown = ValueFormatter.display(value, format: cell.format)
                guard marksActuals else { return shown }
                return shown + (cell.actuals[period] == nil ? " " : colorizer.apply(.bold, to: "*"))
            }
            // A flow adds up over the periods shown (when they are more than one); a level, a rate has no total.
            let total = cell.measure != .total || values.count == 1
                ? nil : ValueFormatter.display(cell.measure.summary(of: values), format: cell.format)
            return PeriodGrid.Row(name, values: shownValues, sparkline: sparkline(values, unicode: unicode), total: total)
        }
        var grid = PeriodGrid(
            periods: periods, leadIndicators: cells.filter(\.isLeadIndicator).map(row),
            lagIndicators: cells.filter { !$0.isLeadIndicator }.map(row),
            leadTitle: colorizer.apply(.bold, to: "lead indicators"), lagTitle: colorizer.apply(.bold, to: "lag indicators"))
        grid.unicode = unicode
        let legend = "* actual; the other values follow from the plan and the actuals"
        return grid.render(width: width) + (marksActuals ? WordWrap.lines(legend, width: width) : [])
    }
}
