import Formula
import PlanEngine
import Simulation
import TextLayout

extension Command {
    static let drivers: Command = Command(
        name: "drivers",
        usage: ":drivers TARGET",
        summary: "tornado chart: which lead indicator moves TARGET most, from its P10 to its P90",
        details: """
            Each lead indicator goes from its P10 to its P90 (a plain number from 10% below to 10% above its
            value) while the others stay at their means; the bars show how far TARGET moves left and right of
            its value, largest swing first. TARGET may be any expression, such as revenue * 12.
            On a plan with periods a plain number moves by 10% in every period and a range holds its P10 or P90
            in every period; a TARGET that varies over time swings by its total (a level carried through prev by
            its last value, a percent by its average), as the first line says: revenue total = …. A single
            value such as total(revenue) or revenue[2027-12] swings as it is.
            """
    ) { input, session, reply in
        guard !input.arguments.isEmpty else { return Command.drivers.rejectArguments(&reply, problem: "drivers wants a target, as in :drivers revenue") }
        let target: Expr
        switch ArgumentText(input).expression() {
        case .failure(let diagnostic): return reply.fail(diagnostic, in: input.line)
        case .success(let parsed): target = parsed
        }
        let model = session.model
        if let unknown = target.referencedNames.first(where: { model[$0] == nil }) {
            return reply.fail(model.noSuchCell(unknown))
        }
        let analysis = DriverAnalysis(of: target, in: model)
        let measure = analysis.measure.map { " " + $0.rawValue } ?? ""
        reply.say(TornadoView(analysis: analysis, targetText: input.arguments + measure, model: model,
                              targetFormat: model.format(of: target), colorizer: session.colorizer)
            .render(width: session.width))
    }
}

/// A ``DriverAnalysis`` drawn as a tornado chart: one row per lead indicator, its low and high
/// values, and a bar from the target at one end to the target at the other, left and right of a
/// line at the target's base value; labels in the cells' formats.
struct TornadoView {
    let analysis: DriverAnalysis
    let targetText: String
    let model: Model
    let targetFormat: DisplayFormat
    let colorizer: Colorizer

    func render(width: Int?) -> [String] {
        let shownTarget = { (number: Double) in ValueFormatter.display(.number(number), format: targetFormat) }
        var lines = ["\(targetText) = \(ValueFormatter.display(analysis.base, format: targetFormat)) with every lead indicator at its mean"]
        guard case .number(let base) = analysis.base else {
            return lines + ["(the target is not a number, so nothing can move it)"]
        }
        guard !analysis.drivers.isEmpty else {
            return lines + ["no lead indicator moves \(targetText)"]
        }
        let half = max(5, min(20, ((width ?? 100) - 60) / 2))
        let reach = analysis.drivers.map { max(base - min($0.targetAtLow, $0.targetAtHigh), max($0.targetAtLow, $0.targetAtHigh) - base) }
            .max() ?? 1
        var table = TextTable(columns: [
            TextColumn("lead indicator"), TextColumn("from → to"), TextColumn("", alignment: .right),
            TextColumn(""), TextColumn(""),
        ])
        for driver in analysis.drivers {
            let format = model.format(of: driver.cell)
            let input = { (number: Double) in ValueFormatter.display(.number(number), format: format) }
            let lower = min(driver.targetAtLow, driver.targetAtHigh)
            let upper = max(driver.targetAtLow, driver.targetAtHigh)
            let scale = reach > 0 ? Double(half) / reach : 0
            let bar = Bar.leftwards(max(0, base - lower) * scale, width: half) + "│"
                + Bar.rightwards(max(0, upper - base) * scale)
            table.addRow([
                colorizer.cellName(driver.name, isLeadIndicator: true) + (driver.measure.map { " " + $0.rawValue } ?? ""),
                input(driver.low) + " → " + input(driver.high) + (driver.isRange ? "" : " (±10%)"),
                shownTarget(lower), bar, shownTarget(upper),
            ])
        }
        lines += table.render(width: width)
        if !analysis.unmoved.isEmpty {
            lines.append("not moved by: " + analysis.unmoved.joined(separator: ", "))
        }
        return lines
    }
}
