import ModelFile
import PlanEngine

extension Command {
    static let delete: Command = Command(
        name: "delete",
        usage: ":delete NAME",
        summary: "remove a cell (cells that use it show #NAME? until it is defined again)"
    ) { input, session, reply in
        guard let cell = Command.delete.namedCell(input.arguments, in: session.workbook.model, reply: &reply),
              let edit = deletion(of: cell.name, in: session.workbook) else { return }
        session.perform(edit, reply: &reply)
    }

    /// The edit that deletes `name`, remembering what undo needs to put it back.
    private static func deletion(of name: String, in workbook: Workbook) -> Edit? {
        guard let cell = workbook.model[name], let position = workbook.model.position(of: name) else { return nil }
        let overriding = workbook.scenarios.filter { $0.overrides.contains { $0.name == name } }
        return .delete(cell.definition, position: position, scenarios: overriding, removal: workbook.removal(of: name))
    }

    static let rename: Command = Command(
        name: "rename",
        usage: ":rename OLD NEW",
        summary: "rename a cell and every reference to it"
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        guard words.count == 2 else {
            return Command.rename.rejectArguments(&reply, problem: "rename wants two names, the old one and the new one")
        }
        let model = session.workbook.model
        guard model[words[0]] != nil else { return reply.fail(model.noSuchCell(words[0])) }
        session.perform(.rename(from: words[0], to: words[1]), reply: &reply)
    }

    static let undo: Command = Command(
        name: "undo",
        usage: ":undo",
        summary: "take back the last edit of this session",
        details: "Definitions, deletes, renames, goals, :seek, scenario changes and switches, :load and :new can all be undone."
    ) { input, session, reply in
        guard input.arguments.isEmpty else { return Command.undo.rejectArguments(&reply) }
        session.undo(reply: &reply)
    }

    static let redo: Command = Command(
        name: "redo",
        usage: ":redo",
        summary: "apply again the edit :undo took back"
    ) { input, session, reply in
        guard input.arguments.isEmpty else { return Command.redo.rejectArguments(&reply) }
        session.redo(reply: &reply)
    }
}
