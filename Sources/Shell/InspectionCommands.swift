import Formula
import PlanEngine
import TextLayout

extension Command {
    static let list: Command = Command(
        name: "list",
        usage: ":list [lead | lag] [PERIOD [.. PERIOD]]",
        summary: "every cell with its value and formula, lead indicators first",
        details: "Lead indicators reference no other cell: they are the inputs you change. "
            + "Lag indicators follow from them by formula. :list lead and :list lag show one kind only. "
            + "In a plan with periods the cells are a grid, a column per period (as many as fit); "
            + ":list 2027-07 .. 2027-12 shows those periods, with totals and sparklines over them."
    ) { input, session, reply in
        let request: ListRequest
        do throws(UsageError) {
            request = try ListRequest(ArgumentText(input))
        } catch {
            return Command.list.reject(error, &reply)
        }
        let periods: ClosedRange<Int>?
        do throws(Diagnostic) {
            periods = try request.periodIndexes(in: session.model.timeline)
        } catch {
            return reply.fail(error, in: input.line)
        }
        let shown = [("lead indicators", true), ("lag indicators", false)].filter { request.kinds.contains($0.1) }
        let cells = session.model.cellsInOrder
        guard !cells.isEmpty else {
            reply.say("no cells yet (define one: leads = 120)")
            return
        }
        guard cells.contains(where: { cell in shown.contains { $0.1 == cell.isLeadIndicator } }) else {
            reply.say("no \(shown[0].0)")
            return
        }
        if session.model.timeline.hasPeriods {
            let listed = cells.filter { cell in shown.contains { $0.1 == cell.isLeadIndicator } }
            return reply.say(SeriesDisplay.grid(
                listed, in: session.model, periods: periods, colorizer: session.colorizer, width: session.width,
                unicode: session.isUnicode))
        }
        var table = TextTable(
            columns: [
                TextColumn(isShrinkable: true, minimumWidth: 8),
                TextColumn(alignment: .right),
                TextColumn(isShrinkable: true, minimumWidth: 10),
            ],
            showsHeader: false)
        for (title, isLead) in shown {
            let group = cells.filter { $0.isLeadIndicator == isLead }
            guard !group.isEmpty else { continue }
            table.addSection(session.colorizer.apply(.bold, to: title))
            for cell in group {
                table.addRow([
                    session.colorizer.cellName(cell.name, isLeadIndicator: isLead),
                    ValueFormatter.display(cell.value, format: cell.format),
                    RangeNote.text(for: cell) ?? cell.shownFormula,
                ])
            }
        }
        reply.say(table.render(width: session.width))
    }

    static let show: Command = Command(
        name: "show",
        usage: ":show NAME",
        summary: "one cell: value, formula, format, what it uses and what uses it",
        details: "On a plan with periods a series shows its values (the first and last when there are more than "
            + "\(SeriesDisplay.shownPeriods) periods), its total (its last value for a level carried through prev) and a sparkline. "
            + "An expression typed at the prompt shows a series the same way (wins * 2), and one value for total(revenue) "
            + "or revenue[2027-03]."
    ) { input, session, reply in
        let model = session.model
        guard let cell = Command.show.namedCell(input.arguments, in: model, reply: &reply) else { return }
        let uses = cell.references.map { model[$0] == nil ? "\($0) (not defined)" : $0 }
        let usedBy = model.dependents(of: cell.name)
        var table = TextTable(
            columns: [TextColumn(), TextColumn(isShrinkable: true, minimumWidth: 10)], showsHeader: false)
        if cell.isSeries {
            // A series has no one value: its periods, then what sums it up and its shape.
            for row in SeriesDisplay.seriesRows(cell.values, format: cell.format, measure: cell.measure, in: model, unicode: session.isUnicode) {
                table.addRow(row)
            }
        } else {
            table.addRow(["value", ValueFormatter.display(cell.value, format: cell.format)])
        }
        table.addRow(["formula", cell.shownFormula])
        if !cell.overrides.isEmpty {
            table.addRow(["overrides", cell.overrides.map { "\($0.targetText) = \($0.shownFormula)" }.joined(separator: ", ")])
        }
        if let range = RangeNote.details(for: cell) { table.addRow(["range", range]) }
        table.addRow(["format", cell.format.name])
        table.addRow(["kind", cell.isLeadIndicator ? "lead indicator (an input)" : "lag indicator (computed)"])
        table.addRow(["uses", uses.isEmpty ? "nothing" : uses.joined(separator: ", ")])
        table.addRow(["used by", usedBy.isEmpty ? "nothing" : usedBy.joined(separator: ", ")])
        reply.say(session.colorizer.cellName(cell.name, isLeadIndicator: cell.isLeadIndicator))
        reply.say(table.render(width: session.width.map { $0 - 2 }).map { "  " + $0 })
    }

    static let explain: Command = Command(
        name: "explain",
        usage: ":explain NAME",
        summary: "how a cell is derived, down to the lead indicators, with values",
        details: "A cell reached twice is drawn in full once; later it says (shown above). On a plan with periods "
            + "a series shows its total (last for a level carried through prev or a running total, average for a percent) and a sparkline."
    ) { input, session, reply in
        guard let cell = Command.explain.namedCell(input.arguments, in: session.model, reply: &reply) else { return }
        let tree = DerivationTree(of: cell.name, in: session.model)
        reply.say(tree.render(colorizer: session.colorizer, width: session.width, unicode: session.isUnicode))
    }
}
