import Foundation
import Formula
import ModelFile
import PlanEngine
import TextLayout
import Tracking

extension Command {
    static let actuals: Command = Command(
        name: "actuals",
        usage: ":actuals [import FILE.csv | clear NAME[PERIOD]]",
        summary: "list the actual results recorded, import them from a CSV, or clear one",
        details: """
            An actual records what really happened: actual leads[2027-01] = 95 (typed, or a line of the file).
            In that period it replaces the plan's value for everything downstream; the plan is kept for :variance.
            :actuals import FILE.csv reads rows of name,period,value (a header row allowed; quoted fields,
            "$2,400", 12.5% and thousands separators as spreadsheets export them). All or nothing: every bad row
            is reported with its line and nothing changes. A period already recorded is replaced.
            New actual lines go in one block per cell, right after the cell's own lines, by period.
            :actuals clear leads[2027-01] takes one away. Each is one edit that :undo takes back.
            """,
        aliases: ["actual"]
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        switch words.first {
        case nil:
            listActuals(session, reply: &reply)
        case "import" where words.count >= 2:
            importActuals(String(input.arguments.dropFirst("import".count)).trimmingCharacters(in: .whitespaces),
                          session, reply: &reply)
        case "clear" where words.count >= 2:
            clearActual(words.dropFirst().joined(), session, reply: &reply)
        default:
            Command.actuals.rejectArguments(&reply)
        }
    }

    private static func listActuals(_ session: Session, reply: inout Reply) {
        let model = session.workbook.model
        let actuals = model.actuals
        guard !actuals.isEmpty else {
            return reply.say("no actuals yet (record one: actual leads[2027-01] = 95, or :actuals import FILE.csv)")
        }
        var table = TextTable(columns: [TextColumn("actual"), TextColumn("value", alignment: .right),
                                        TextColumn("plan", alignment: .right)])
        let plan = model.plan
        for actual in actuals {
            let format = model.format(of: actual.name)
            let index = model.timeline.index(of: actual.period) ?? 0
            let planned = plan.values(of: actual.name)
            table.addRow([
                session.colorizer.cellName(actual.name, in: model) + "[\(actual.period)]",
                ValueFormatter.display(.number(actual.value), format: format),
                ValueFormatter.display(planned[planned.count > 1 ? index : 0], format: format),
            ])
        }
        reply.say(table.render(width: session.width))
        reply.say("current period: \(model.timeline.periods[model.currentPeriod]) (the last with an actual)")
    }

    private static func importActuals(_ path: String, _ session: Session, reply: inout Reply) {
        let text: String
        do throws(WorkbookError) {
            guard let decoded = String(bytes: try RegularFile.read(path).bytes, encoding: .utf8) else {
                return reply.failWithRendered(["\(VisibleText.escaping(path)): error: not UTF-8 text"])
            }
            text = decoded
        } catch {
            return reply.failWithRendered(["\(VisibleText.escaping(path)): error: \(error)"])
        }
        let model = session.workbook.model
        switch ActualsFile.read(text, path: path, for: model) {
        case .failure(let failure):
            reply.failWithRendered(failure.messages + ["nothing imported"])
        case .success(let changes):
            let replaced = changes.filter { change in
                model.timeline.index(of: change.period).flatMap { model.actual(of: change.name, period: $0) } != nil
            }
            let moved = replaced.filter { change in
                model.timeline.index(of: change.period).flatMap { model.actual(of: change.name, period: $0) } != change.value
            }
            reply.say("imported \(counted(changes.count, "actual")) from \(path)"
                      + (replaced.isEmpty ? "" : " (\(replaced.count) replaced, \(moved.count) of them with a new value)"))
            session.recordActuals(changes, summary: ":actuals import \(path)", reply: &reply)
        }
    }

    private static func clearActual(_ target: String, _ session: Session, reply: inout Reply) {
        guard case .success(.override(let name, _, let span, _)) = Parser.parseStatement(target + " = 0"),
              span.first.period == span.last.period else {
            return Command.actuals.rejectArguments(&reply, problem: "clear takes one cell and period, as in leads[2027-01]")
        }
        let model = session.workbook.model
        guard let index = model.timeline.index(of: span.first.period), model.actual(of: name, period: index) != nil else {
            return reply.fail("\(name) has no actual for \(span.first.period)")
        }
        session.recordActuals([ActualChange(name: name, period: span.first.period, value: nil)],
                              summary: ":actuals clear \(name)[\(span.first.period)]", reply: &reply)
    }
}
