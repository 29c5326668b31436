import Testing
@testable import Shell

@Suite("Did you mean: every name lookup of the REPL suggests the names close to a typo")
struct DidYouMeanTests {
    @Test("an unknown cell names the cell meant", arguments: [
        (":show revnue", "error: no cell named 'revnue' (did you mean revenue?)"),
        (":explain Wins", "error: no cell named 'Wins' (did you mean wins?)"),
        (":delete lead", "error: no cell named 'lead' (did you mean leads?)"),
        (":rename lead prospects", "error: no cell named 'lead' (did you mean leads?)"),
    ])
    func unknownCell(line: String, message: String) {
        let session = makeSession()
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.errors == [message])
        #expect(session.workbook.render() == before)
    }

    @Test("seek, table and what-if point at the unknown cell and suggest the one meant", arguments: [
        ":seek revenue = 50k by lead", ":table revenue by lead 100..140 step 20", ":what-if lead = 150",
    ])
    func planningCommands(line: String) {
        let reply = makeSession().handle(line)
        #expect(reply.failed)
        #expect(reply.errors.contains { $0.contains("error: no cell named 'lead' (did you mean leads?)") }, "\(reply.errors)")
    }

    @Test("an expression warns of an unknown cell or function with the name meant")
    func expressions() {
        let session = makeSession()
        let cell = session.handle("wnis * 2")
        #expect(cell.output == ["#NAME?"])
        #expect(cell.errors == ["warning: 'wnis' is not defined (did you mean wins?)"])
        let function = session.handle("x = sqr(leads)")
        #expect(function.errors == ["warning: unknown function 'sqr' (did you mean sqrt?)"])
    }

    @Test("an unknown command or scenario names the one meant")
    func commandsAndScenarios() {
        let session = makeSession()
        #expect(session.handle(":lsit").errors == ["unknown command ':lsit' (did you mean :list?)"])
        #expect(session.handle(":help seeek").errors == ["unknown command ':seeek' (did you mean :seek?)"])
        #expect(session.handle(":scenario new optimistic").failed == false)
        #expect(session.handle(":scenario base").failed == false)
        #expect(session.handle(":scenario use optimstic").errors == ["error: no scenario named 'optimstic' (did you mean optimistic?)"])
    }

    @Test("a new cell one edit from an existing one is created, with the name it may have meant")
    func newCellNearAnother() {
        let session = makeSession()
        let reply = session.handle("lead = 150")
        #expect(!reply.failed)
        #expect(reply.output == ["lead = 150 (new; did you mean leads?)"])
        #expect(session.model["lead"] != nil)
        #expect(session.handle("churn = 2%").output == ["churn = 2% (new)"])
    }

    @Test("a new cell that other cells were waiting for is what they meant: no question")
    func newCellThatHeals() {
        let session = makeSession(["total = lead * 2", "leads = 3"])
        let reply = session.handle("lead = 5")
        #expect(reply.output.first == "lead = 5 (new)")
    }
}
