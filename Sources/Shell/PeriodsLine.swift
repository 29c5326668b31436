import Formula
import ModelFile

/// `periods = 2027-01 .. 2027-12` typed at the REPL: the model becomes a plan over time, as one
/// undoable edit that adds the line to the model's file (SPEC §7 allows one periods line, in the
/// base model). A second one is refused at its periods: the file's line is changed by editing it.
extension Session {
    func addPeriods(_ span: PeriodSpan, typed line: String, reply: inout Reply) {
        let timeline = workbook.model.timeline
        guard !timeline.hasPeriods else {
            return reply.fail(Diagnostic(
                "the plan already has periods (\(timeline.description)): :edit the file to change them",
                at: span.range), in: line)
        }
        let text = PeriodsLine.adding(line.trimmingBlanks(), to: workbook.render())
        switch workbook.reparsed(text) {
        case .failure(let failure):
            reply.failWithRendered(failure.messages)
            reply.say("the model is as it was")
        case .success(let replaced):
            var replacement = PlanState(workbook: replaced)
            replacement.activeScenario = plan.activeScenario
            perform(.setPeriods(from: plan, to: replacement, line: line.trimmingBlanks()), reply: &reply)
        }
    }
}

/// Where a typed `periods` line goes in the file text, and what is said once it is there.
enum PeriodsLine {
    /// `text` with `line` added: after the comments that open the file when a blank line ends
    /// them (the file's own header, as in the example models), else first, so it stands before
    /// every cell and every comment that belongs to one.
    static func adding(_ line: String, to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.prefix { $0.trimmingBlanks().hasPrefix("#") }.count
        if header > 0, header < lines.count, lines[header].trimmingBlanks().isEmpty {
            lines.insert(line, at: header + 1)
            lines.insert("", at: header + 2)
        } else {
            lines.insert(line, at: 0)
            if lines.count > 1, !lines[1].isEmpty { lines.insert("", at: 1) }
        }
        var joined = lines.joined(separator: "\n")
        if !joined.hasSuffix("\n") { joined += "\n" }
        return joined
    }

    /// `every cell is a series over 2027-01 .. 2027-12 now (12 periods): :list shows them`, or,
    /// once undone, that every cell is one value again.
    static func news(_ timeline: Timeline) -> String {
        guard timeline.hasPeriods else { return "the plan has one period again: every cell is one value" }
        return "every cell is a series over \(timeline.description) now (\(timeline.count) periods): :list shows them"
    }
}
