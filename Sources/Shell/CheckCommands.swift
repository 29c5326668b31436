import Formula
import ModelFile
import TextLayout
import WhatIf

extension Command {
    static let goals: Command = Command(
        name: "goals",
        usage: ":goals [delete N|GOAL]",
        summary: "each goal with its current value, met or missed, and the gap",
        details: """
            A goal line records a target to track: type goal revenue >= 50k (any comparison: >= <= > < == !=,
            any expression on either side, such as goal wins * 2 > opportunities). It is saved as a goal line of
            the model file, and every edit that makes a goal met or missed says so.
            :goals delete N removes the N-th goal as :goals lists them; :goals delete revenue >= 50k removes the
            goal written so. :undo puts it back.
            On a plan with periods, a goal on a series (goal revenue >= 50k) is a monthly goal, checked in every
            period: it shows the current period's value and status (the first period, until actual results are
            recorded), how many periods meet it and the first that misses. A goal on one value
            (goal total(revenue) >= 600k) is an annual goal, shown with that value for the whole plan.
            With actual results recorded, the current period is the last with an actual: a monthly goal counts
            the periods met in the year so far (from the current period's January; actuals where recorded) and
            then the whole plan as projected; an annual
            goal's value is the projection (actuals so far, plan for the rest), next to the plan without actuals.
            """,
        aliases: ["goal"]
    ) { input, session, reply in
        let arguments = input.arguments.argumentWords
        if arguments.first == "delete" {
            return deleteGoal(arguments.dropFirst().joined(separator: " "), session, reply: &reply)
        }
        guard arguments.isEmpty else {
            return Command.goals.rejectArguments(&reply, problem: "goals lists the goals, or deletes one with delete N")
        }
        let statuses = session.goalStatuses(withPlan: true)
        guard !statuses.isEmpty else {
            reply.say("no goals yet (add one: goal revenue >= 50k)")
            return
        }
        if let asOf = statuses.lazy.compactMap(\.status.tracking).first?.asOf {
            reply.say("as of \(asOf), the last \(asOf.kind.rawValue) with actuals")
        }
        reply.say(goalLines(statuses, overPeriods: session.model.timeline.hasPeriods, colorizer: session.colorizer,
                            width: session.width))
    }

    /// The goals as a table, or where the table is wider than the terminal, each goal on a line of
    /// its own with its value, status and gap under it, both wrapped at spaces: a goal's target and
    /// its numbers are never cut.
    ///
    ///     revenue >= $50k
    ///       $14,256 · missed · short by $35,744
    ///
    /// On a plan with periods (`overPeriods`) a monthly goal names the period its value is for (the
    /// current one), how many periods meet it and the first that misses; an annual goal has one value.
    /// On a model with actuals a column gives the plan without them, and the periods are counted so far.
    private static func goalLines(
        _ statuses: [(entry: GoalEntry, status: GoalStatus)], overPeriods: Bool, colorizer: Colorizer, width: Int?
    ) -> [String] {
        let tracked = statuses.contains { $0.status.tracking != nil }
        let planHeading = "plan without actuals"
        let standing = { (status: GoalStatus, labelled: Bool) in
            let plan = status.planText.map { labelled ? planHeading + " " + $0 : $0 } ?? ""
            return (overPeriods ? [status.checkedText] : []) + [status.valueText, colorizer.goalState(status), status.gapText]
                + (tracked ? [plan] : []) + (overPeriods ? [status.periodsText] : [])
        }
        var table = TextTable(
            columns: [TextColumn("goal")] + (overPeriods ? [TextColumn("period")] : [])
                + [TextColumn("value", alignment: .right), TextColumn("status"), TextColumn("gap")]
                + (tracked ? [TextColumn(planHeading, alignment: .right)] : [])
                + (overPeriods ? [TextColumn("each period")] : []))
        for (entry, status) in statuses {
            table.addRow([entry.shownText] + standing(status, false))
        }
        let lines = table.render()
        guard let width, lines.contains(where: { DisplayWidth.of($0) > width }) else { return lines }
        return statuses.flatMap { entry, status in
            let standing = standing(status, true).filter { !$0.isEmpty }
            return WordWrap.lines(entry.shownText, width: width, indent: "    ")
                + WordWrap.lines(standing.joined(separator: " · "), width: max(width - 2, 1)).map { "  " + $0 }
        }
    }

    /// `:goals delete 2` or `:goals delete revenue >= 50k` (spaces do not matter; `goal` in front may be given).
    private static func deleteGoal(_ which: String, _ session: Session, reply: inout Reply) {
        let goals = session.workbook.goals
        guard !which.isEmpty else { return Command.goals.rejectArguments(&reply, problem: "which goal? give its number or its text") }
        let unspaced = { (text: String) in text.filter { !$0.isWhitespace } }
        let written = unspaced(which.hasPrefix("goal ") ? String(which.dropFirst(5)) : which)
        let index = Int(which).map { $0 - 1 } ?? goals.firstIndex { unspaced($0.text) == written }
        guard let index, let removed = session.workbook.goalRemoval(at: index) else {
            let known = goals.isEmpty ? "there are no goals" : "goals are 1 to \(goals.count) (:goals lists them)"
            return reply.fail("no goal \(which): \(known)")
        }
        session.perform(.deleteGoal(removed), reply: &reply)
    }

    static let assert: Command = Command(
        name: "assert",
        usage: ":assert EXPR",
        summary: "fail the script unless EXPR is true (or a non-zero number)",
        details: "For scripts and CI: `leadlag run` stops at the first failed assertion and exits with status 1. "
            + "After :simulate, EXPR may read the run: :assert chance(revenue >= 50k) >= 50%, :assert p10(revenue) > 40k "
            + "(see :help simulate). On a plan with periods an assertion on a series must hold in every period "
            + "(:assert revenue >= 10k checks each month); a failure names the first period that fails, its value and "
            + "how many fail. Assert one value with total(revenue) >= 600k or revenue[2027-12] >= 50k. "
            + "On a model with actuals, plan(x) reads x on the plan without them: "
            + ":assert total(revenue) >= 95% * plan(total(revenue)) (x must have one value)."
    ) { input, session, reply in
        guard !input.arguments.isEmpty else { return Command.assert.rejectArguments(&reply) }
        let expression: Expr
        switch ArgumentText(input).expression() {
        case .failure(let diagnostic):
            return reply.fail(diagnostic, in: input.line)
        case .success(let parsed):
            switch SimulationReadings.resolve(parsed, in: input.line, session: session)
                .flatMap({ PlanReadings.resolve($0, in: input.line, model: session.model) }) {
            case .failure(let diagnostic): return reply.fail(diagnostic, in: input.line)
            case .success(let resolved): expression = resolved
            }
        }
        let model = session.model
        // On a plan with periods an assertion on a series must hold in every period, as a monthly goal.
        let values = model.evaluateSeries(expression)
        let fails = { (value: Value) in value.error != nil || (value.numeric ?? 0) == 0 }
        guard let failing = values.firstIndex(where: fails) else {
            reply.assertionPassed = true
            return
        }
        var explanation = ValueFormatter.display(values[failing], format: model.format(of: expression))
        if values.count > 1 { explanation += " in \(model.timeline.periods[failing])" }
        if case .binary(let comparison, let lhs, _, _) = expression, comparison.isComparison,
           let leftText = Command.closedText(of: lhs.range, in: input.line), Double(leftText) == nil {
            // The left side's value is what a reader needs to see why the comparison failed.
            let left = model.evaluateSeries(lhs)
            let shown = ValueFormatter.display(left[left.count > 1 ? failing : 0], format: model.format(of: lhs))
            explanation += ", \(leftText) = \(shown)"
        }
        if values.count > 1 {
            explanation += "; fails in \(values.count(where: fails)) of \(values.count) periods"
        }
        reply.fail("assertion failed: \(input.arguments) (\(explanation))")
    }

    /// The text of `range` in `line`, widened over the `(` before it and the `)` after it that its
    /// parentheses need: the range of `1 / (t - 1)` ends inside its last group, that of
    /// `(a + 1) / b` starts inside its first.
    static func closedText(of range: SourceRange, in line: String) -> String? {
        let bytes = Array(line.utf8)
        guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return nil }
        var (depth, lowest) = (0, 0)
        for byte in bytes[range.start..<range.end] {
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth -= 1; lowest = min(lowest, depth) }
        }
        var (start, opens) = (range.start, -lowest)
        while opens > 0, start > 0, bytes[start - 1] == UInt8(ascii: "(") || bytes[start - 1].isBlankByte {
            if bytes[start - 1] == UInt8(ascii: "(") { opens -= 1 }
            start -= 1
        }
        var (end, closes) = (range.end, depth - lowest)
        while closes > 0, end < bytes.count, bytes[end] == UInt8(ascii: ")") || bytes[end].isBlankByte {
            if bytes[end] == UInt8(ascii: ")") { closes -= 1 }
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self).trimmingBlanks()
    }
}
