import Formula
import TextLayout
import WhatIf

extension Command {
    static let goals: Command = Command(
        name: "goals",
        usage: ":goals",
        summary: "each goal with its current value, met or missed, and the gap",
        details: "Add a goal by typing it: goal revenue >= 50k (any comparison works)."
    ) { input, session, reply in
        guard input.arguments.isEmpty else { return Command.goals.rejectArguments(&reply) }
        let statuses = session.goalStatuses()
        guard !statuses.isEmpty else {
            reply.say("no goals yet (add one: goal revenue >= 50k)")
            return
        }
        var table = TextTable(
            columns: [
                TextColumn("goal", isShrinkable: true, minimumWidth: 10),
                TextColumn("value", alignment: .right),
                TextColumn("status"),
                TextColumn("gap"),
            ])
        for (entry, status) in statuses {
            table.addRow([entry.text, status.valueText, session.colorizer.goalState(status), status.gapText])
        }
        reply.say(table.render(width: session.width))
    }

    static let assert: Command = Command(
        name: "assert",
        usage: ":assert EXPR",
        summary: "fail the script unless EXPR is true (or a non-zero number)",
        details: "For scripts and CI: `leadlag run` stops at the first failed assertion and exits with status 1."
    ) { input, session, reply in
        guard !input.arguments.isEmpty else { return Command.assert.rejectArguments(&reply) }
        let expression: Expr
        switch ArgumentText(input).expression() {
        case .failure(let diagnostic):
            return reply.fail(diagnostic, in: input.line)
        case .success(let parsed):
            expression = parsed
        }
        let model = session.model
        let value = model.evaluate(expression)
        if value.error == nil, let number = value.numeric, number != 0 {
            reply.assertionPassed = true
            return
        }
        var explanation = ValueFormatter.display(value, format: model.format(of: expression))
        if case .binary(let comparison, let lhs, _, _) = expression, comparison.isComparison,
           let leftText = input.line.utf8Slice(lhs.range), Double(leftText) == nil {
            // The left side's value is what a reader needs to see why the comparison failed.
            let left = ValueFormatter.display(model.evaluate(lhs), format: model.format(of: lhs))
            explanation += ", \(leftText) = \(left)"
        }
        reply.fail("assertion failed: \(input.arguments) (\(explanation))")
    }
}
