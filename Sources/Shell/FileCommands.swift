import Foundation
import Formula
import ModelFile

extension Command {
    static let load: Command = Command(
        name: "load",
        usage: ":load [PATH]",
        summary: "open a model file, or read the model's own file again (a file with errors changes nothing)",
        details: "Every problem in the file is listed with its line and column. "
            + "Loading replaces the model in memory; :undo brings the previous one back. "
            + "At a terminal, unsaved changes are offered for saving first."
    ) { input, session, reply in
        guard let path = input.arguments.isEmpty ? session.workbook.path : input.arguments else {
            return Command.load.rejectArguments(&reply)
        }
        switch Workbook.load(path: path) {
        case .failure(let failure):
            reply.failWithRendered(failure.messages)
        case .success(let loaded):
            guard session.settleUnsavedChanges(reply: &reply) else { return }
            let edit = Edit.replacePlan(from: session.plan, to: PlanState(workbook: loaded), summary: ":load \(path)")
            session.perform(edit, reply: &reply)
            reply.warnRendered(loaded.warnings)
        }
    }

    static let save: Command = Command(
        name: "save",
        usage: ":save [PATH]",
        summary: "write the model to its file, or to PATH (atomically)",
        details: "Comments, blank lines and formulas are kept as written; new cells are appended. "
            + "The file is written to a temporary file first and then renamed, so it is never left half written. "
            + "A model file changed on disk since it was loaded, or a write-protected one, is not replaced: "
            + ":save! does that."
    ) { input, session, reply in
        session.save(to: input.arguments.isEmpty ? nil : input.arguments, overwriting: false, reply: &reply)
    }

    static let saveOverwriting: Command = Command(
        name: "save!",
        usage: ":save! [PATH]",
        summary: "save even over a file changed on disk since it was loaded, or a write-protected one"
    ) { input, session, reply in
        session.save(to: input.arguments.isEmpty ? nil : input.arguments, overwriting: true, reply: &reply)
    }

    static let new: Command = Command(
        name: "new",
        usage: ":new",
        summary: "start an empty model (:undo brings the current one back)"
    ) { input, session, reply in
        guard input.arguments.isEmpty else { return Command.new.rejectArguments(&reply) }
        guard session.settleUnsavedChanges(reply: &reply) else { return }
        session.perform(.replacePlan(from: session.plan, to: PlanState(workbook: Workbook()), summary: ":new"), reply: &reply)
    }

    static let export: Command = Command(
        name: "export",
        usage: ":export csv|json [PATH]",
        summary: "the values of all cells at full precision, to PATH or the screen",
        details: "PATH - is the screen (standard output); a FIFO or a device such as /dev/stdout is written through."
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        guard let format = words.first, words.count <= 2 else { return Command.export.rejectArguments(&reply) }
        let values = session.model.cellsInOrder.map { (name: $0.name, values: $0.values) }
        let periods = session.model.timeline.periods.map(\.description)
        let text: String
        switch format {
        case "csv": text = ValueExport.csv(values, periods: periods)
        case "json": text = ValueExport.json(values, periods: periods)
        default: return Command.export.rejectArguments(&reply)
        }
        guard words.count == 2, words[1] != "-" else {
            reply.say(text)
            return
        }
        let path = words[1]
        do throws(WorkbookError) {
            try OutputFile.write(text + "\n", to: path)
            reply.say("exported \(counted(values.count, "cell")) to \(VisibleText.escaping(path))")
        } catch {
            reply.fail(error.description)
        }
    }
}
