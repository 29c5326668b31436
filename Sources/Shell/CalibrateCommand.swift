import Formula
import PlanEngine
import Tracking

extension Command {
    static let calibrate: Command = Command(
        name: "calibrate",
        usage: ":calibrate [apply]",
        summary: "what the actuals imply for the lead indicators, and (apply) set them so for the rest of the plan",
        details: """
            For each lag indicator with actuals whose inputs leave exactly one lead indicator without an actual,
            :calibrate solves, period by period as :seek does, for the value of that lead indicator that gives the
            actual: conversion: plan 15%, implied 12.1% over 2027-01 .. 2027-03 (from opportunities).
            Cells it cannot calibrate are explained: no actuals, every input known, or several unknown inputs.
            :calibrate apply sets each implied lead indicator to its average for every period after the current one
            (the last with an actual), written as one range override per cell; :undo takes it back.
            """
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        guard words.isEmpty || words == ["apply"] else { return Command.calibrate.rejectArguments(&reply) }
        let model = session.workbook.model
        guard model.hasActuals else {
            return reply.say("no actuals yet: record some first (actual leads[2027-01] = 95, or :actuals import FILE.csv)")
        }
        let calibration = Calibration(model)
        let implied = impliedInputs(calibration)
        if words.isEmpty {
            reply.say(calibration.findings.map { describe($0, model: model) })
            if !calibration.withoutActuals.isEmpty {
                reply.say("not calibrated (no actuals): \(NameList.text(calibration.withoutActuals))")
            }
            if !implied.isEmpty { reply.say("(:calibrate apply sets them so after \(model.timeline.periods[model.currentPeriod]))") }
            return
        }
        apply(implied, session: session, reply: &reply)
    }

    /// Each lead indicator implied, once (the first lag indicator that implies it), with its average.
    private static func impliedInputs(_ calibration: Calibration) -> [(input: String, value: Double)] {
        var seen: Set<String> = []
        return calibration.findings.compactMap { finding in
            guard case .implied(_, let input, _, let implied, _, _) = finding, seen.insert(input).inserted else { return nil }
            return (input, implied)
        }
    }

    private static func describe(_ finding: Calibration.Finding, model: Model) -> String {
        let periods = model.timeline.periods
        switch finding {
        case .implied(let cell, let input, let plan, let implied, _, let range):
            let format = model.format(of: input)
            let show = { (value: Double) in ValueFormatter.display(.number(value), format: format) }
            let over = range.count == 1 ? "in \(periods[range.lowerBound])" : "over \(periods[range.lowerBound]) .. \(periods[range.upperBound])"
            return "\(input): plan \(show(plan)), implied \(show(implied)) \(over) (from \(cell))"
        case .allInputsKnown(let cell):
            return "\(cell): every input has actuals where it has, so nothing is left to imply"
        case .severalUnknowns(let cell, let inputs):
            return "\(cell): not calibrated: \(NameList.text(inputs)) have no actuals, and one actual cannot tell them apart"
        case .unreachable(let cell, let input, let period):
            return "\(cell): no value of \(input) gives its actual in \(periods[period])"
        }
    }

    private static func apply(_ implied: [(input: String, value: Double)], session: Session, reply: inout Reply) {
        let model = session.workbook.model
        let timeline = model.timeline
        guard !implied.isEmpty else { return reply.fail("nothing to calibrate: no lead indicator is implied by the actuals") }
        let next = model.currentPeriod + 1
        guard next < timeline.count else {
            return reply.fail("nothing to apply: the current period \(timeline.periods[model.currentPeriod]) is the last of the plan")
        }
        let first = PeriodLiteral(period: timeline.periods[next], range: SourceRange(start: 0, end: 0))
        let last = PeriodLiteral(period: timeline.periods[timeline.count - 1], range: SourceRange(start: 0, end: 0))
        let span = PeriodSpan(first: first, last: last)
        var edits: [Edit] = []
        for (input, value) in implied {
            let text = NumberLiteral.text(value, style: NumberLiteral.style(for: model.format(of: input)))
            guard let definition = try? Definition(name: input, formula: text, periods: span) else { continue }
            let previous = model[input]?.overrides.first { $0.periods?.periods == span.periods }
            edits.append(.setOverride(definition, previous: previous))
        }
        session.perform(.compound(edits, summary: ":calibrate apply"), reply: &reply)
    }
}
