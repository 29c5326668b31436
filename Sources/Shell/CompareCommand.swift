import Formula
import ModelFile
import PlanEngine
import TextLayout
import WhatIf

extension Command {
    static let compare: Command = Command(
        name: "compare",
        usage: ":compare [NAME …]",
        summary: "base and scenarios side by side, with the changes",
        details: "Without names, every scenario of the model. The lead indicators the scenarios change come "
            + "first, then every lag indicator. Each scenario's value comes with its change "
            + "against the base model: relative (+25%), or absolute (+$2,400) where the base value is 0. "
            + "Goals follow, met or missed in each. Columns that do not fit the width go to a second block. "
            + "On a plan with periods a series is compared by its total (revenue total), or by its last value "
            + "for a level carried through prev (mrr last), as the header says; single values as they are."
    ) { input, session, reply in
        let workbook = session.workbook
        let names = input.arguments.argumentWords.isEmpty ? workbook.scenarios.map(\.name) : input.arguments.argumentWords
        guard !names.isEmpty else {
            reply.say("no scenarios to compare yet (:scenario new NAME records one)")
            return
        }
        var scenarios: [(name: String, overrides: [Definition])] = []
        for name in names {
            guard let scenario = workbook.scenario(named: name) else {
                return reply.fail(ScenarioName.unknown(name, in: workbook))
            }
            scenarios.append((name, scenario.overrides))
        }
        switch ScenarioComparison.compare(base: workbook.model, scenarios: scenarios) {
        case .failure(let error):
            reply.fail(error.description)
        case .success(let comparison):
            let view = ComparisonView(comparison: comparison, workbook: workbook, colorizer: session.colorizer)
            if let header = view.seriesHeader { reply.say(header) }
            reply.say(view.render(width: session.width))
        }
    }
}

/// A scenario comparison as `:compare` prints it, the lead indicators the scenarios change on top:
///
///                     base  optimistic           pessimistic
///     conversion       15%         20%  +33.33%          10%  -33.33%
///
///     opportunities     18          24  +33.33%           12  -33.33%
///     revenue      $14,256     $23,040  +61.62%       $7,200  -49.49%
struct ComparisonView {
    let comparison: ScenarioComparison
    let workbook: Workbook
    let colorizer: Colorizer

    func render(width: Int?) -> [String] {
        var table = WideTable(
            leading: [TextColumn(isShrinkable: true, minimumWidth: 8), TextColumn("base", alignment: .right)],
            groups: comparison.scenarioNames.map { [TextColumn($0, alignment: .right), TextColumn(alignment: .right)] })
        // The inputs the scenarios change come first, then a blank line and what follows from them.
        for (rows, isLead) in [(comparison.inputs, true), (comparison.rows, false)] where !rows.isEmpty {
            if !isLead && !comparison.inputs.isEmpty { table.addSection() }
            for row in rows {
                let entries = row.scenarios.flatMap { [ValueFormatter.display($0.value, format: $0.format), delta($0, row)] }
                table.addRow([label(row, isLead: isLead), ValueFormatter.display(row.base, format: row.format)]
                    + entries)
            }
        }
        guard !workbook.goals.isEmpty else { return table.render(width: width) }
        let states = goalStates()
        var withGoals = table
        withGoals.addSection(goalsTitle)
        for (entry, states) in zip(workbook.goals, states) {
            withGoals.addRow([entry.shownText, states[0]] + states.dropFirst().flatMap { [$0, ""] })
        }
        let lines = withGoals.render(width: width)
        // A goal is a row only while its text fits the name column of every block; where it would
        // be cut (a narrow terminal), the goals follow the table, each above its states.
        let blocks = lines.filter { $0 == goalsTitle }.count
        guard let width, workbook.goals.contains(where: { entry in
            lines.filter { $0.hasPrefix(entry.shownText) }.count < blocks
        }) else { return lines }
        return table.render(width: width) + ["", goalsTitle] + zip(workbook.goals, states).flatMap { entry, states in
            let named = zip(["base"] + comparison.scenarioNames, states).map { "\($0) \($1)" }
            return WordWrap.lines(entry.shownText, width: width, indent: "    ")
                + WordWrap.lines(named.joined(separator: " · "), width: max(width - 2, 1)).map { "  " + $0 }
        }
    }

    /// Said above a comparison that sums up series, so no number passes for one period's.
    var seriesHeader: String? {
        let rows = comparison.inputs + comparison.rows
        guard rows.contains(where: { $0.measure != nil }) else { return nil }
        let lasts = rows.filter { $0.measure == .last }.map(\.name)
        let runningTotals = lasts.filter { workbook.model[$0]?.expression.isRunningTotal == true }
        let levels = lasts.filter { !runningTotals.contains($0) }
        let byLast = levels.isEmpty ? "" : ", levels carried through prev (\(NameList.text(levels))) by their last value"
        let byRunningLast = runningTotals.isEmpty ? "" : ", running totals (\(NameList.text(runningTotals))) by their last value"
        let rates = rows.filter { $0.measure == .average }.map(\.name)
        let byAverage = rates.isEmpty ? "" : ", percents (\(NameList.text(rates))) by their average"
        return "series compared by their total over \(workbook.model.timeline.description)\(byLast)\(byRunningLast)\(byAverage)"
    }

    /// `revenue total`, `mrr last`: the name of a row, with what its numbers stand for.
    private func label(_ row: ScenarioComparison.Row, isLead: Bool) -> String {
        colorizer.cellName(row.name, isLeadIndicator: isLead) + (row.measure.map { " " + $0.rawValue } ?? "")
    }

    private var goalsTitle: String { colorizer.apply(.bold, to: "goals") }

    /// For each goal, met or missed in the base model and then in each scenario.
    private func goalStates() -> [[String]] {
        let models = comparison.scenarioNames.compactMap { try? workbook.model(applying: $0) }
        return workbook.goals.map { entry in
            ([workbook.model] + models).map { model in
                // A monthly goal: its state in the current period, and in how many periods it is met.
                let status = GoalStatus(entry.goal, in: model)
                return colorizer.goalState(status) + (status.periods.map { " (\($0.metCount) of \($0.count))" } ?? "")
            }
        }
    }

    /// `+25%`, rounded as the reactive display rounds it; `+$2,400` when the base value is 0.
    private func delta(_ entry: ScenarioComparison.Entry, _ row: ScenarioComparison.Row) -> String {
        if let relative = ValueFormatter.relativeChange(from: row.base, to: entry.value) { return relative }
        guard let change = entry.change, change != 0 else { return "" }
        return (change > 0 ? "+" : "-") + ValueFormatter.display(.number(abs(change)), format: entry.format)
    }
}
