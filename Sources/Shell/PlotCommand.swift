import Formula
import PlanEngine
import TextLayout

extension Command {
    static let plot: Command = Command(
        name: "plot",
        usage: ":plot NAME [NAME …] [as bars]",
        summary: "a chart of one or more series over the periods of the plan",
        details: "Draws each named cell over the periods, the y axis in the cell's format, the periods "
            + "along the x axis, and a legend when there are several. Cells in different formats "
            + "(money and a count) get a chart each. `as bars` draws bars instead of lines. A cell with actual "
            + "results is drawn twice, apart: its plan as it stood before them (NAME (plan)) and a marker at each "
            + "actual. The chart fits the terminal; where the locale is not UTF-8 it is drawn in ASCII."
    ) { input, session, reply in
        let request: PlotRequest
        do throws(UsageError) {
            request = try PlotRequest(ArgumentText(input))
        } catch {
            return Command.plot.reject(error, &reply)
        }
        let cells: [Cell]
        do throws(Diagnostic) {
            cells = try request.cells(in: session.model)
        } catch {
            return reply.fail(error, in: input.line)
        }
        reply.say(PlotView(
            cells: cells, model: session.model, style: request.style, width: session.width ?? unboundedPlotWidth,
            unicode: session.isUnicode, colorizer: session.colorizer
        ).render())
    }

    /// The width a chart is drawn at when the output is not a terminal.
    static let unboundedPlotWidth = 80
}

/// `:plot NAME [NAME …] [as bars]` cut into its names, each with where it stands in the line.
struct PlotRequest {
    let names: [ArgumentText]
    let style: SeriesChart.Style

    init(_ arguments: ArgumentText) throws(UsageError) {
        var words: [ArgumentText] = []
        var rest = arguments
        while !rest.isEmpty {
            let (word, after) = rest.splitFirstWord()
            words.append(word)
            rest = after
        }
        var style = SeriesChart.Style.line
        if words.count >= 2, words[words.count - 2].text == "as" {
            switch words[words.count - 1].text {
            case "bars": style = .bars
            case "lines", "line": style = .line
            default: throw UsageError("plot draws as bars or as lines, not as '\(words[words.count - 1].text)'")
            }
            words.removeLast(2)
        }
        guard !words.isEmpty else { throw UsageError("plot wants the name of a cell, as in :plot revenue") }
        names = words
        self.style = style
    }

    /// The cells to draw, each once, in the order named; the first name that cannot be drawn is
    /// an error at that name: not a cell name, no such cell, or a cell that is one value (as
    /// every cell is in a model without periods).
    func cells(in model: Model) throws(Diagnostic) -> [Cell] {
        var cells: [Cell] = []
        for text in names {
            guard let name = text.name else {
                throw Diagnostic("plot takes cell names; '\(text.text)' is not one", at: text.sourceRange)
            }
            guard let cell = model[name] else { throw Diagnostic(model.noSuchCell(name), at: text.sourceRange) }
            let value = ValueFormatter.display(cell.value, format: cell.format)
            guard model.timeline.hasPeriods else {
                throw Diagnostic(
                    "\(name) is one value, \(value): the model has no periods to plot it over "
                        + "(type periods = 2027-01 .. 2027-12 to make every cell a series)",
                    at: text.sourceRange)
            }
            guard cell.isSeries else {
                throw Diagnostic("\(name) is one value, \(value), the same in every period: there is no series to plot",
                                 at: text.sourceRange)
            }
            if let error = cell.values.first(where: { $0.numeric == nil }), cell.values.allSatisfy({ $0.numeric == nil }) {
                throw Diagnostic("\(name) is \(ValueFormatter.display(error, format: cell.format)) in every period: "
                                 + "there is no number to plot", at: text.sourceRange)
            }
            if !cells.contains(where: { $0.name == name }) { cells.append(cell) }
        }
        return cells
    }
}

/// The charts of `:plot`: one ``SeriesChart`` for each display format among the cells (money and
/// a count do not share a y axis), in the order the cells were named; each is titled with its
/// cells' names when there are several charts. A cell with actual results is two series: its plan
/// without them (the plan ``Variance`` compares with) and its actuals, so where they part shows.
struct PlotView {
    let cells: [Cell]
    let model: Model
    let style: SeriesChart.Style
    let width: Int
    let unicode: Bool
    let colorizer: Colorizer

    /// Rows of a chart's plot area.
    static let height = 10

    func render() -> [String] {
        var formats: [DisplayFormat] = []
        for cell in cells where !formats.contains(cell.format) { formats.append(cell.format) }
        let periods = model.timeline.periods.map(\.description)
        let plan = cells.contains { !$0.actuals.isEmpty } ? model.plan : nil
        var lines: [String] = []
        for format in formats {
            let group = cells.filter { $0.format == format }
            if formats.count > 1 {
                if !lines.isEmpty { lines.append("") }
                lines.append(group.map { colorizer.cellName($0.name, isLeadIndicator: $0.isLeadIndicator) }
                    .joined(separator: ", "))
            }
            let chart = SeriesChart(
                series: group.flatMap { chartSeries(of: $0, plan: plan) },
                periods: periods, yLabel: { ValueFormatter.display(.number($0), format: format) },
                width: width, height: Self.height, unicode: unicode, style: style)
            lines += chart.render()
        }
        return lines
    }

    /// The cell's values as a line; with actuals, the plan before them as a line and the actuals as markers.
    private func chartSeries(of cell: Cell, plan: Model?) -> [SeriesChart.Series] {
        guard !cell.actuals.isEmpty, let plan else { return [SeriesChart.Series(cell.name, values: everyPeriod(cell.values))] }
        let actuals = (0..<model.timeline.count).map { cell.actuals[$0] ?? .nan }
        return [SeriesChart.Series(cell.name + " (plan)", values: everyPeriod(plan.values(of: cell.name))),
                SeriesChart.Series(cell.name, values: actuals, kind: .actual)]
    }

    /// A number per period: a value that does not vary (a plan input before its actuals) repeats.
    private func everyPeriod(_ values: [Value]) -> [Double] {
        let numbers = values.map { $0.numeric ?? .nan }
        return numbers.count == 1 ? Array(repeating: numbers[0], count: model.timeline.count) : numbers
    }
}
