import Testing
@testable import Shell

@Suite(":what-if: the changes of some definitions, without making them")
struct WhatIfCommandTests {
    @Test("what-if prints exactly what the definitions would print, then leaves everything as it was", arguments: [
        ["leads = 150"],
        ["leads = 150", "win_rate = 40%"],
        ["deal_value = max($2k, $3k)", "conversion = min(20%, 25%)"],
        ["wins = opportunities * win_rate * 2"],
    ])
    func previewMatchesEdit(definitions: [String]) {
        let session = planSession()
        let before = allValues(session)
        let text = session.workbook.render()
        let preview = session.handle(":what-if " + definitions.joined(separator: ", "))
        #expect(!preview.failed)
        #expect(preview.output.last == "(what-if only: nothing was changed)")
        #expect(allValues(session) == before)
        #expect(session.workbook.render() == text)
        #expect(session.handle(":undo").output == ["nothing to undo"])

        // Made for real, the definitions move exactly the cells the preview named, old → new as shown.
        let edited = planSession()
        for definition in definitions { _ = edited.handle(definition) }
        var moved: [String] = []
        for cell in session.model.cellsInOrder where shown(cell.name, in: session) != shown(cell.name, in: edited) {
            moved.append(cell.name)
            let line = preview.output.first { $0.hasPrefix(cell.name + " ") }
            let parts = line?.split(separator: " ").map(String.init) ?? []
            #expect(parts.count >= 4 && parts[1] == shown(cell.name, in: session) && parts[3] == shown(cell.name, in: edited),
                    "\(cell.name): \(line ?? "missing")")
        }
        #expect(preview.output.count == moved.count + 1)
        if definitions.count == 1 {
            let made = planSession().handle(definitions[0]).output.filter { !$0.hasPrefix("goal ") }
            #expect(Array(preview.output.dropLast()) == made)
        }
    }

    @Test("the SPEC's example, value by value")
    func funnelExample() {
        #expect(planSession().handle(":what-if leads = 150").output == [
            "leads             120 → 150       +25%",
            "opportunities      18 → 22.5      +25%",
            "wins             5.94 → 7.43      +25%",
            "revenue       $14,256 → $17,820   +25%",
            "annual_value $171,072 → $213,840  +25%",
            "(what-if only: nothing was changed)",
        ])
    }

    @Test("a cell given twice is an error at the second, and nothing is previewed")
    func cellGivenTwice() {
        let reply = planSession().handle(":what-if leads = 1, leads = 2")
        #expect(reply.failed)
        #expect(reply.errors.first == "<input>:1:21: error: 'leads' is given twice")
        #expect(!reply.output.contains("(what-if only: nothing was changed)"))
    }

    @Test("a what-if that moves nothing says so")
    func nothingMoves() {
        #expect(planSession().handle(":what-if leads = 100 + 20").output
                == ["no values would change", "(what-if only: nothing was changed)"])
    }

    @Test("a bad what-if prints one message with a caret under the problem and changes nothing", arguments: [
        (":what-if leads = 150, win_rate = (40%", "<input>:1:38: error: missing ')' to close '(' at column 34",
         "                                     ^"),
        (":what-if leeds = 150", "<input>:1:10: error: no cell named 'leeds' (did you mean leads?)", "         ^~~~~"),
        (":what-if win_rate = 40%, leads = revenue / 100",
         "<input>:1:26: error: cycle: leads → revenue → wins → opportunities → leads",
         "                         ^~~~~~~~~~~~~~~~~~~~~"),
        (":what-if revenue > 5", "<input>:1:10: error: expected a definition, NAME = EXPR", "         ^~~~~~~~~~~"),
        (":what-if leads = 1,", "<input>:1:20: error: expected a definition, NAME = EXPR", "                   ^"),
    ])
    func errors(line: String, message: String, caret: String) {
        let session = planSession()
        let before = allValues(session)
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors == [message, line, caret])
        #expect(allValues(session) == before)
    }

    @Test("a name that cells are waiting for may be tried: they heal in the preview")
    func missingName() {
        let session = makeSession(["revenue = wins * 2400"])
        #expect(session.handle(":what-if wins = 3").output == [
            "wins = 3 (new)",
            "revenue #NAME? → 7,200",
            "(what-if only: nothing was changed)",
        ])
        #expect(session.model["wins"] == nil)
    }

    @Test("while a scenario is shown, what-if previews the scenario's values")
    func inScenario() {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let reply = session.handle(":what-if leads = 150")
        #expect(reply.output.contains("revenue       $23,040 → $28,800   +25%"))
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.count == 2)
    }
}
