import Testing
@testable import Shell

@Suite("The command table, :help, and bad input to commands")
struct CommandTests {
    @Test(":help lists every command of the table with its usage")
    func helpListsEveryCommand() {
        let reply = makeSession().handle(":help")
        #expect(!reply.failed)
        for command in Command.table {
            // A long usage stands on its own line, with its summary on the next.
            let onOneLine = reply.output.contains { $0.hasPrefix(command.usage) && $0.hasSuffix(command.summary) }
            let onTwoLines = zip(reply.output, reply.output.dropFirst()).contains {
                $0.0 == command.usage && $0.1.hasSuffix(command.summary)
            }
            #expect(onOneLine || onTwoLines, "missing \(command.usage)")
        }
    }

    @Test(":help NAME shows that command's usage, with or without the colon", arguments: ["rename", ":rename"])
    func helpForOneCommand(argument: String) {
        let reply = makeSession().handle(":help \(argument)")
        #expect(reply.output.first == "Usage: :rename OLD NEW")
        #expect(reply.output.dropFirst().first == Command.rename.summary)
    }

    @Test("command names in the table are unique and usages start with them")
    func tableIsConsistent() {
        let names = Command.table.map(\.name)
        #expect(Set(names).count == names.count)
        for command in Command.table {
            #expect(command.usage == ":" + command.name || command.usage.hasPrefix(":" + command.name + " "))
        }
    }

    @Test("an unknown command prints one line and changes nothing", arguments: [":foo", ":foo bar", ":help foo", ":"])
    func unknownCommand(line: String) {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        let name = line == ":" ? "" : "foo"
        #expect(reply.lines.map(\.text) == ["unknown command ':\(name)' (try :help)"])
        #expect(session.workbook.render() == before)
    }

    @Test("bad arguments say what is wrong, then the Usage line, and change nothing", arguments: [
        (":rename wins", "rename wants two names, the old one and the new one", "Usage: :rename OLD NEW"),
        (":rename a b c", "rename wants two names, the old one and the new one", "Usage: :rename OLD NEW"),
        (":show", "show wants a cell name", "Usage: :show NAME"),
        (":show a b", "show takes one cell name", "Usage: :show NAME"),
        (":explain", "explain wants a cell name", "Usage: :explain NAME"),
        (":delete", "delete wants a cell name", "Usage: :delete NAME"),
        (":delete wins revenue", "delete takes one cell name", "Usage: :delete NAME"),
        (":undo 2", nil, "Usage: :undo"),
        (":redo please", nil, "Usage: :redo"),
        (":list all", "list shows lead or lag indicators, not 'all'", "Usage: :list [lead | lag] [PERIOD [.. PERIOD]]"),
        (":goals all", "goals lists the goals, or deletes one with delete N", "Usage: :goals [delete N|GOAL]"),
        (":new now", nil, "Usage: :new"),
        (":quit now", nil, "Usage: :quit"),
        (":assert", nil, "Usage: :assert EXPR"),
        (":load", nil, "Usage: :load [PATH]"),
        (":export", nil, "Usage: :export csv|json [PATH]"),
        (":export xml", nil, "Usage: :export csv|json [PATH]"),
        (":export csv a b", nil, "Usage: :export csv|json [PATH]"),
        (":help a b", nil, "Usage: :help [COMMAND]"),
    ] as [(String, String?, String)])
    func badArguments(line: String, problem: String?, usage: String) {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.lines.map(\.text) == (problem.map { [$0] } ?? []) + [usage])
        #expect(session.workbook.render() == before)
        #expect(!reply.quitRequested)
    }

    @Test(":list lead and :list lag show one kind of indicator")
    func listOneKind() {
        let session = makeSession()
        let leads = session.handle(":list lead").output
        #expect(leads.first == "lead indicators")
        #expect(leads.count == 5)
        #expect(!leads.contains { $0.hasPrefix("revenue") })
        let lags = session.handle(":list lag").output
        #expect(lags.first == "lag indicators")
        #expect(lags.count == 4)
        #expect(lags.contains { $0.hasPrefix("revenue") })
        #expect(makeSession(["x = 1"]).handle(":list lag").output == ["no lag indicators"])
    }

    @Test("in a script a usage error is an error with the file and line")
    func usageInAScript() {
        let reply = makeSession().handle(":rename x", at: InputLocation(path: "s.leadlag", line: 3))
        #expect(reply.errors == ["s.leadlag:3: error: rename wants two names, the old one and the new one", "Usage: :rename OLD NEW"])
        #expect(makeSession().handle(":undo 2", at: InputLocation(path: "s.leadlag", line: 3)).errors
            == ["s.leadlag:3: error: Usage: :undo"])
    }

    @Test("commands about one cell refuse a name that is not defined",
          arguments: [":show nope", ":explain nope", ":delete nope"])
    func unknownCell(line: String) {
        let reply = makeSession().handle(line)
        #expect(reply.failed)
        #expect(reply.errors == ["error: no cell named 'nope'"])
    }

    @Test(":quit asks to leave")
    func quit() {
        let reply = makeSession().handle(":quit")
        #expect(reply.quitRequested)
        #expect(!reply.failed)
        #expect(reply.lines.isEmpty)
    }
}

extension CommandTests {
    @Test(":help fits a narrow terminal by wrapping at spaces: no line too long, no word cut", arguments: [40, 60])
    func helpWraps(width: Int) {
        let session = makeSession()
        session.width = width
        let lines = session.handle(":help").output + session.handle(":help seek").output
        for line in lines {
            #expect(line.count <= width, "too long: \(line)")
        }
        let words = Set(lines.joined(separator: " ").split(separator: " "))
        for command in Command.table {
            for word in (command.summary + " " + command.usage).split(separator: " ") {
                #expect(words.contains(word), "\(word) of \(command.name) is missing or cut")
            }
        }
        #expect(words.isSuperset(of: Command.seek.details.split(separator: " ")))
    }
}
