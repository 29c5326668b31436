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
            reply.say(WordWrap.lines("Usage: \(command.usage)", width: session.width, indent: "       "))
            reply.say(WordWrap.lines(command.summary, width: session.width))
            for paragraph in command.details.split(separator: "\n", omittingEmptySubsequences: false) where !command.details.isEmpty {
                let indent = String(paragraph.prefix { $0 == " " })
                reply.say(WordWrap.lines(String(paragraph), width: session.width, indent: indent))
            }
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
        let usageWidth = Command.table.filter { !standsAlone($0) }.map { DisplayWidth.of($0.usage) }.max() ?? 0
        let margin = String(repeating: " ", count: usageWidth + 2)
        // The summaries wrap at spaces in the column beside the usages: never a word cut off.
        let summaryWidth = width.map { max($0 - margin.count, 10) }
        let introduction = [
            "Type a definition (leads = 150), an expression (wins * 2),",
            "a goal (goal revenue >= 50k), or one of these commands:",
        ]
        var lines = layoutWidth >= 60 ? introduction : WordWrap.lines(introduction.joined(separator: " "), width: width)
        for command in Command.table {
            if standsAlone(command) { lines += WordWrap.lines(command.usage, width: width, indent: "    ") }
            let usage = standsAlone(command) ? "" : command.usage
            let summary = WordWrap.lines(command.summary, width: summaryWidth)
            let padding = String(repeating: " ", count: usageWidth - DisplayWidth.of(usage) + 2)
            lines.append((usage + padding + summary[0]).trimmingTrailingBlanks())
            lines += summary.dropFirst().map { margin + $0 }
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
