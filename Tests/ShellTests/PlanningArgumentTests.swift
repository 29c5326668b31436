import Testing
@testable import Shell

@Suite("The planning commands' help, and their answer to arguments of the wrong shape")
struct PlanningArgumentTests {
    @Test("bad arguments say what is wrong, then the Usage line, and change nothing", arguments: [
        (":what-if", Command.whatIf, nil),
        (":seek", Command.seek, "seek wants a target, a value and an input"),
        (":seek revenue 50k by leads", Command.seek, "seek wants '=' between the target and its value"),
        (":seek revenue >= 50k by leads", Command.seek, "seek wants '=' between the target and its value"),
        (":seek revenue = by leads", Command.seek, "seek wants a value after '='"),
        (":seek revenue = 50k leads", Command.seek, "seek wants 'by INPUT' after the value: the lead indicator to change"),
        (":seek revenue = 50k by", Command.seek, "seek wants one lead indicator after 'by'"),
        (":seek revenue = 50k by leads in 1", Command.seek, "'in' wants a range, FROM..TO"),
        (":seek revenue = 50k by leads in ..5", Command.seek, "'in' wants a range, FROM..TO"),
        (":seek revenue = 50k by leads in 100 to 500", Command.seek, "write a range as 100..500"),
        (":seek = 5 by leads", Command.seek, "seek wants a target before '='"),
        (":table", Command.sensitivityTable, "table wants a target and an input"),
        (":table by leads 1..2 step 1", Command.sensitivityTable, "table wants a target before 'by'"),
        (":table revenue", Command.sensitivityTable, "table wants 'by INPUT FROM..TO step S' after the target"),
        (":table revenue by leads", Command.sensitivityTable, "missing the range of leads, as in leads 100..140 step 20"),
        (":table revenue by leads 1..5", Command.sensitivityTable, "missing 'step' after 1..5"),
        (":table revenue by leads 100 to 140 step 20", Command.sensitivityTable, "write a range as 100..140"),
        (":table revenue by leads 1..5 step", Command.sensitivityTable, "missing the value after 'step'"),
        (":table revenue by 1..5 step 1", Command.sensitivityTable, "table wants an input name before each range"),
        (":table revenue by leads 1..2 step 1,", Command.sensitivityTable, "missing the second input after ','"),
        (":table revenue by leads 1..2 step 1, win_rate 1..2 step 1, deal_value 1..2 step 1", Command.sensitivityTable,
         "a table has one or two inputs, not 3"),
        (":table revenue by leads 1..2 step 1 >", Command.sensitivityTable, "'>' wants a file name"),
        (":table revenue by leads 1..2 step 1 > out.json", Command.sensitivityTable,
         "a table is written as CSV: name the file PATH.csv, not out.json"),
        (":scenario new", Command.scenario, nil),
        (":scenario use", Command.scenario, nil),
        (":scenario delete", Command.scenario, nil),
        (":scenario base now", Command.scenario, nil),
        (":scenario list all", Command.scenario, nil),
        (":scenario rename a b", Command.scenario, nil),
        (":scenario new a b", Command.scenario, nil),
    ] as [(String, Command, String?)])
    func badArguments(line: String, command: Command, problem: String?) {
        let session = planSession()
        let before = session.workbook.render()
        let values = allValues(session)
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.lines.map(\.text) == (problem.map { [$0] } ?? []) + ["Usage: \(command.usage)"])
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
