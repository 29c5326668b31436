import Formula
import PlanEngine
import Testing
@testable import ModelFile

/// In a `[scenario]` section, a cell's own name means its base value: `leads = leads * 1.1`.
@Suite struct ScenarioSelfReferenceTests {
    static let text = """
        leads = 120   # per month
        deal = $100
        revenue = leads * deal

        [scenario growth]
        leads = leads * 1.1   # ten percent more than the base
        deal = deal + $20

        """

    @Test func aSelfReferenceMeansTheBaseValue() throws {
        let workbook = try parse(Self.text)
        let growth = try workbook.model(applying: "growth")
        #expect(growth.value(of: "leads") == .number(132))
        #expect(growth.value(of: "deal") == .number(120))
        #expect(growth.value(of: "revenue") == .number(15_840))
        #expect(ValueFormatter.display(growth.value(of: "revenue"), format: growth.format(of: "revenue")) == "$15,840")
        #expect(workbook.model.value(of: "leads") == .number(120))
    }

    @Test func theFileSavesBackByteIdentical() throws {
        #expect(try parse(Self.text).render() == Self.text)
        #expect(try parse(Self.text).scenario(named: "growth")?.overrides.map(\.formula) == ["leads * 1.1", "deal + $20"])
    }

    @Test func theScenarioFollowsTheBase() throws {
        var workbook = try parse(Self.text)
        try workbook.define(Definition(name: "leads", formula: "200"))
        let growth = try workbook.model(applying: "growth")
        #expect(ValueFormatter.display(growth.value(of: "leads"), format: .number) == "220")
    }

    @Test func anOverrideThatReachesItselfThroughALagIndicatorIsStillACycle() {
        guard case .failure(let failure) = Workbook.parse("leads = 1\nwins = leads * 2\n[scenario s]\nleads = wins + leads\n",
                                                          path: "c.model") else {
            Issue.record("a scenario with a cycle loaded")
            return
        }
        #expect(failure.messages.first?.hasPrefix("c.model:4:1: error: in scenario 's': cycle:") == true, "\(failure.messages)")
    }
}
