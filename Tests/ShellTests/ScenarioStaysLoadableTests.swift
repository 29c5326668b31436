import Formula
import ModelFile
import Testing
@testable import Shell

/// A scenario may hold what loading accepts and nothing else: edits that would leave a
/// `[scenario]` section the next load refuses are refused or kept out of the scenario.
@Suite("edits keep every scenario loadable from the saved text")
struct ScenarioStaysLoadableTests {
    /// The saved text loads, and gives the scenario shown the values the session shows.
    private func expectSavedTextLoads(_ session: Session, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = session.workbook.render()
        let loaded = try Workbook.parse(text, path: "plan.model").get()
        let model = try session.activeScenario.map { try loaded.model(applying: $0) } ?? loaded.model
        let values = Dictionary(uniqueKeysWithValues: model.cellsInOrder.map { ($0.name, $0.value) })
        #expect(values == allValues(session), sourceLocation: sourceLocation)
    }

    @Test(":scenario new leaves a lag indicator replaced by a number in the base model, where it was typed")
    func newScenarioKeepsReplacedFormulasInTheBase() throws {
        let session = planSession()
        for line in [":scenario use optimistic", "leads = 150", "wins = 3", ":scenario base", "deal_value = $3k"] {
            #expect(!session.handle(line).failed, "\(line)")
        }
        let before = allValues(session)
        let reply = session.handle(":scenario new premium")
        #expect(reply.output.prefix(2) == ["added scenario premium: deal_value = $3k", "base model: deal_value = $2400"])
        #expect(session.workbook.scenario(named: "premium")?.overrides.map(\.name) == ["deal_value"])
        #expect(session.workbook.model["wins"]?.formula == "3")
        #expect(allValues(session) == before)
        try expectSavedTextLoads(session)
    }

    @Test("turning an overridden lead indicator into a formula is refused: the scenarios override it")
    func overriddenInputStaysAnInput() throws {
        let session = planSession()
        let text = session.workbook.render()
        let reply = session.handle("conversion = leads / 1000")
        #expect(reply.errors == [
            "error: scenario 'optimistic' overrides 'conversion', a lag indicator: "
                + "scenarios change lead indicators only (nothing changed)",
        ])
        #expect(session.workbook.render() == text)
        #expect(session.workbook.model["conversion"]?.formula == "15%")
        // A lead indicator no scenario overrides may become a formula.
        #expect(!session.handle("deal_value = wins * 0 + 2400").failed)
        try expectSavedTextLoads(session)
    }

    @Test("a base edit that closes a cycle through another scenario's override is refused")
    func cycleThroughAnOverride() throws {
        let session = makeSession(["a = 1", "b = 2"])
        for line in [":scenario new s", "a = b", ":scenario base"] { #expect(!session.handle(line).failed, "\(line)") }
        let text = session.workbook.render()
        let reply = session.handle("b = a * 2")
        #expect(reply.errors == ["error: in scenario 's': cycle: a → b → a (nothing changed)"])
        #expect(session.workbook.render() == text)
        #expect(session.workbook.model["b"]?.formula == "2")
        try expectSavedTextLoads(session)
    }
}
