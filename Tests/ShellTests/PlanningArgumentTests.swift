import Testing
@testable import Shell

@Suite("The planning commands' help, and their answer to arguments of the wrong shape")
struct PlanningArgumentTests {
    @Test("bad arguments print one Usage line and change nothing", arguments: [
        (":what-if", Command.whatIf),
        (":seek", Command.seek),
        (":seek revenue 50k by leads", Command.seek),
        (":seek revenue = by leads", Command.seek),
        (":seek revenue = 50k leads", Command.seek),
        (":seek revenue = 50k by", Command.seek),
        (":seek revenue = 50k by leads in 1", Command.seek),
        (":seek revenue = 50k by leads in ..5", Command.seek),
        (":seek 3 = 5 by leads", Command.seek),
        (":table", Command.sensitivityTable),
        (":table revenue", Command.sensitivityTable),
        (":table revenue by leads", Command.sensitivityTable),
        (":table revenue by leads 1..5", Command.sensitivityTable),
        (":table revenue by leads 1..5 step", Command.sensitivityTable),
        (":table revenue by 1..5 step 1", Command.sensitivityTable),
        (":table revenue by leads 1..2 step 1,", Command.sensitivityTable),
        (":table revenue by leads 1..2 step 1, win_rate 1..2 step 1, deal_value 1..2 step 1", Command.sensitivityTable),
        (":table revenue by leads 1..2 step 1 >", Command.sensitivityTable),
        (":scenario new", Command.scenario),
        (":scenario use", Command.scenario),
        (":scenario delete", Command.scenario),
        (":scenario base now", Command.scenario),
        (":scenario list all", Command.scenario),
        (":scenario rename a b", Command.scenario),
        (":scenario new a b", Command.scenario),
    ])
    func badArguments(line: String, command: Command) {
        let session = planSession()
        let before = session.workbook.render()
        let values = allValues(session)
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.lines.map(\.text) == ["Usage: \(command.usage)"])
        #expect(session.workbook.render() == before)
        #expect(allValues(session) == values)
        #expect(session.activeScenario == nil)
    }

    @Test(":help shows each planning command's syntax", arguments: ["what-if", "seek", "table", "scenario", "compare"])
    func help(name: String) throws {
        let command = try #require(Command.named(name))
        let reply = planSession().handle(":help \(name)")
        #expect(reply.output.first == "Usage: \(command.usage)")
        #expect(reply.output.count >= 3)
    }

    @Test(":help table documents the ranges, the brackets and the CSV output")
    func tableHelp() {
        let text = planSession().handle(":help table").output.joined(separator: "\n")
        for phrase in ["80..160 step 20", "[brackets]", "> PATH.csv", "negative step"] {
            #expect(text.contains(phrase), "missing \(phrase)")
        }
    }

    @Test(":help at 80 columns puts a long usage on its own line, so the summaries keep their room")
    func helpOverviewFits() throws {
        let session = planSession()
        session.width = 80
        let lines = session.handle(":help").output
        #expect(lines.allSatisfy { $0.count <= 80 })
        let table = try #require(lines.firstIndex(of: Command.sensitivityTable.usage))
        #expect(lines[table + 1].hasSuffix(Command.sensitivityTable.summary))
        #expect(lines[table + 1].hasPrefix("      "))
        #expect(lines.contains { $0.hasPrefix(":help ") && $0.hasSuffix(Command.help.summary) })
    }
}
