import Formula
import PlanEngine
import TextLayout
import Tracking

extension Command {
    static let variance: Command = Command(
        name: "variance",
        usage: ":variance [NAME …]",
        summary: "plan versus actual for every period with actuals, and the year to date",
        details: """
            For each cell with actuals (or the cells named): the plan, the actual, the difference and the
            difference as a share of the plan, per period, then the year to date (a total for flows, the latest
            value for a level carried through prev, the average for a percent). Lead indicators come first:
            a missed lead indicator explains the lag indicators it drives. The plan is the plan before any
            actual was recorded. With colors on, a difference beyond ±10% is marked.
            """
    ) { input, session, reply in
        let model = session.workbook.model
        let names = input.arguments.argumentWords
        for name in names where model[name] == nil { return reply.fail(model.noSuchCell(name)) }
        let (variances, without) = Variance.report(model, names: names)
        for name in without { reply.say("\(name) has no actuals") }
        guard !variances.isEmpty else {
            if names.isEmpty { reply.say("no actuals yet (record one: actual leads[2027-01] = 95, or :actuals import FILE.csv)") }
            return
        }
        reply.say(VarianceTable.lines(variances, colorizer: session.colorizer, width: session.width))
    }
}

/// The variance as a table for people: `:variance` and `leadlag eval --variance`.
public enum VarianceTable {
    /// One row per cell and period with actuals, then the cell's year to date; a difference beyond
    /// ±10% of the plan in color when colors are on.
    public static func lines(_ variances: [Variance], colorizer: Colorizer = .plain, width: Int? = nil) -> [String] {
        var table = TextTable(columns: [
            TextColumn("cell"), TextColumn("period"), TextColumn("plan", alignment: .right),
            TextColumn("actual", alignment: .right), TextColumn("difference", alignment: .right),
            TextColumn("%", alignment: .right),
        ])
        for variance in variances {
            let name = colorizer.cellName(variance.name, isLeadIndicator: variance.isLeadIndicator)
            for (index, entry) in (variance.periods + [variance.yearToDate]).enumerated() {
                let show = { (value: Double) in ValueFormatter.display(.number(value), format: variance.format) }
                let percent = entry.percent.map { ValueFormatter.display(.number($0), format: .percent) } ?? "—"
                let offPlan = entry.percent.map { abs($0) > 0.1 } ?? false
                table.addRow([
                    index == 0 ? name : "", entry.label, show(entry.plan), show(entry.actual),
                    signed(show(entry.difference), entry.difference),
                    offPlan ? colorizer.apply(entry.difference < 0 ? .negative : .positive, to: signed(percent, entry.difference)) : signed(percent, entry.difference),
                ])
            }
        }
        return table.render(width: width)
    }

    /// `+3`, `-5%`: a difference with its sign, so a miss reads at a glance.
    private static func signed(_ text: String, _ value: Double) -> String {
        value > 0 && !text.hasPrefix("+") ? "+" + text : text
    }
}
