import TextLayout

extension Command {
    static let help: Command = Command(
        name: "help",
        usage: ":help [COMMAND]",
        summary: "list the commands, or explain one",
        details: "With a command name (with or without the colon), shows its usage and what it does.",
        aliases: ["h", "?"]
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        switch words.count {
        case 0:
            reply.say(overview(width: session.width))
        case 1:
            let name = words[0].hasPrefix(":") ? String(words[0].dropFirst()) : words[0]
            guard let command = Command.named(name) else {
                reply.failWithHint(Command.unknown(name))
                return
            }
            reply.say("Usage: \(command.usage)")
            reply.say(command.summary)
            if !command.details.isEmpty { reply.say(command.details) }
            if !command.aliases.isEmpty { reply.say("Also: " + command.aliases.map { ":" + $0 }.joined(separator: ", ")) }
        default:
            Command.help.rejectArguments(&reply)
        }
    }

    /// The width help is laid out for when the output is not a terminal.
    static let unboundedHelpWidth = 80

    private static func overview(width: Int?) -> [String] {
        // A usage longer than a third of the width gets a line of its own above its summary,
        // so one long usage (:table's) does not squeeze every summary beside it. Without a
        // terminal, the usages are still measured against a usual width, though nothing is cut.
        let layoutWidth = width ?? unboundedHelpWidth
        let standsAlone = { (command: Command) in DisplayWidth.of(command.usage) > layoutWidth / 3 }
        var listing = TextTable(
            columns: [TextColumn(), TextColumn(isShrinkable: true, minimumWidth: 10)], showsHeader: false)
        for command in Command.table {
            listing.addRow([standsAlone(command) ? "" : command.usage, command.summary])
        }
        var lines = [
            "Type a definition (leads = 150), an expression (wins * 2),",
            "a goal (goal revenue >= 50k), or one of these commands:",
        ]
        for (command, line) in zip(Command.table, listing.render(width: width)) {
            if standsAlone(command) { lines.append(command.usage) }
            lines.append(line)
        }
        return lines
    }

    static let quit: Command = Command(
        name: "quit",
        usage: ":quit",
        summary: "leave (asks to save unsaved changes at a terminal)",
        aliases: ["q", "exit"]
    ) { input, _, reply in
        guard input.arguments.isEmpty else { return Command.quit.rejectArguments(&reply) }
        reply.quitRequested = true
    }
}
