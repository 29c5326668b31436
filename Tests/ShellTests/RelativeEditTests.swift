import Testing
@testable import Shell

@Suite("Relative edits: a definition that uses its own cell means the cell's current value")
struct RelativeEditTests {
    @Test("a constant folds to a literal in the cell's format", arguments: [
        ("leads = leads * 1.2", "leads", "144"),
        ("win_rate = win_rate - 5%", "win_rate", "28%"),
        ("deal_value = deal_value * 1.1", "deal_value", "$2640"),
        ("leads = leads + leads / 2", "leads", "180"),
    ])
    func constantFolds(line: String, name: String, formula: String) {
        let session = makeSession()
        let reply = session.handle(line)
        #expect(!reply.failed, "\(reply.text)")
        #expect(session.model[name]?.formula == formula)
        #expect(session.workbook.render().contains("\(name) = \(formula)\n"))
        #expect(session.handle(":undo").output.first == "undid \(name) = \(formula)")
    }

    @Test("a formula is substituted in parentheses")
    func formulaSubstituted() {
        let session = makeSession()
        let reply = session.handle("revenue = revenue * 2")
        #expect(!reply.failed)
        #expect(session.model["revenue"]?.formula == "(wins * deal_value) * 2")
        #expect(shown("revenue", in: session) == "$28,512")
        _ = session.handle("bonus = 10")
        #expect(!session.handle("leads = leads + bonus").failed)
        #expect(session.model["leads"]?.formula == "120 + bonus")
    }

    @Test("while a scenario is shown, the current value is the scenario's")
    func inScenario() {
        let session = makeSession()
        _ = session.handle("leads = 150")
        _ = session.handle(":scenario new growth")
        let base = session.workbook.model["leads"]?.formula
        let reply = session.handle("leads = leads * 2")
        #expect(!reply.failed, "\(reply.text)")
        #expect(session.workbook.scenario(named: "growth")?.overrides.first { $0.name == "leads" }?.formula == "300")
        #expect(session.workbook.model["leads"]?.formula == base)
    }

    @Test("in a file's scenario section, a self-reference means the base value, in :scenario use and :compare")
    func inScenarioSection() {
        let session = planSession("""
            leads = 120
            deal = $100
            revenue = leads * deal

            [scenario growth]
            leads = leads * 1.1

            """)
        #expect(session.handle(":compare").output == [
            "            base   growth",
            "leads        120      132  +10%",
            "",
            "revenue  $12,000  $13,200  +10%",
        ])
        _ = session.handle("leads = 200")
        _ = session.handle(":scenario use growth")
        #expect(shown("leads", in: session) == "220")
        #expect(session.workbook.render().contains("[scenario growth]\nleads = leads * 1.1\n"))
    }

    @Test(":what-if previews a relative edit without making it")
    func whatIf() {
        let session = makeSession()
        let reply = session.handle(":what-if win_rate = win_rate + 7%")
        #expect(reply.output.first == "win_rate    33% → 40%      +21.21%")
        #expect(session.model["win_rate"]?.formula == "33%")
    }

    @Test("a new cell that uses itself is still a cycle")
    func newCellCycle() {
        let reply = makeSession().handle("bonus = bonus + 1")
        #expect(reply.errors == ["error: cycle: bonus → bonus"])
    }
}
