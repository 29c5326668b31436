import Formula
import PlanEngine
import TextLayout

/// How the REPL shows the series of a plan with periods: a sparkline of a cell's values, and the
/// grid of `:list` (cells as rows, periods as columns that fit the width, a total for flows).
enum SeriesDisplay {
    /// `▁▂▃▅▆█`: one bar per period (`_.-=+#` without Unicode); an error value leaves a blank.
    static func sparkline(_ values: [Value], unicode: Bool) -> String {
        guard values.count > 1 else { return "" }
        return Sparkline.render(values.map { $0.numeric ?? .nan }, unicode: unicode)
    }

    /// The grid of `cells` over the model's periods at `shown` (every period when nil), lead
    /// indicators first. The totals and sparklines cover the periods shown. A cell that does not
    /// vary over time is one value, not the same value repeated in every column (SPEC §7).
    static func grid(
        _ cells: [Cell], in model: Model, periods shown: ClosedRange<Int>? = nil, colorizer: Colorizer, width: Int?,
        unicode: Bool
    ) -> [String] {
        let indices = shown ?? 0...(model.timeline.count - 1)
        let periods = indices.map { model.timeline.periods[$0].description }
        func row(_ cell: Cell) -> PeriodGrid.Row {
            let name = colorizer.cellName(cell.name, isLeadIndicator: cell.isLeadIndicator)
            guard cell.isSeries else {
                return .singleValue(name, ValueFormatter.display(cell.value, format: cell.format))
            }
            let values = Array(cell.values[indices])
            // A flow adds up over the periods shown (when they are more than one); a level (stock) has no total.
            let total = cell.isStock || values.count == 1 ? nil : ValueFormatter.display(SeriesSummary.of(values, isStock: false), format: cell.format)
            return PeriodGrid.Row(
                name, values: values.map { ValueFormatter.display($0, format: cell.format) },
                sparkline: sparkline(values, unicode: unicode), total: total)
        }
        var grid = PeriodGrid(
            periods: periods, leadIndicators: cells.filter(\.isLeadIndicator).map(row),
            lagIndicators: cells.filter { !$0.isLeadIndicator }.map(row),
            leadTitle: colorizer.apply(.bold, to: "lead indicators"), lagTitle: colorizer.apply(.bold, to: "lag indicators"))
        grid.unicode = unicode
        return grid.render(width: width)
    }
}
