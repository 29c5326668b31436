import Formula
import PlanEngine
import TextLayout

/// How the REPL shows the series of a plan with periods: a sparkline of a cell's values, and the
/// grid of `:list` (cells as rows, periods as columns that fit the width, a total for flows).
enum SeriesDisplay {
    /// `▁▂▃▅▆█`: one bar per period; an error value leaves a blank.
    static func sparkline(_ values: [Value]) -> String {
        guard values.count > 1 else { return "" }
        return Sparkline.render(values.map { $0.numeric ?? .nan })
    }

    /// The grid of `cells` over the model's periods, lead indicators first. In a model with
    /// actuals, an actual value is marked `*` (the others get a space, so digits stay aligned)
    /// and a last line says so.
    static func grid(_ cells: [Cell], in model: Model, colorizer: Colorizer, width: Int?) -> [String] {
        let periods = model.timeline.periods.map(\.description)
        let marksActuals = model.hasActuals
        func row(_ cell: Cell) -> PeriodGrid.Row {
            let values = periods.indices.map { period in
                let shown = ValueFormatter.display(cell.values[cell.isSeries ? period : 0], format: cell.format)
                guard marksActuals else { return shown }
                return shown + (cell.actuals[period] == nil ? " " : colorizer.apply(.bold, to: "*"))
            }
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
        return grid.render(width: width) + (marksActuals ? ["* actual; the other values follow from the plan and the actuals"] : [])
    }
}
