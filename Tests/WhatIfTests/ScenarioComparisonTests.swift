import Formula
import PlanEngine
import Testing
import WhatIf

@Suite struct ScenarioComparisonTests {
    @Test func linesUpEveryLagIndicatorWithItsChanges() throws {
        let base = try makeModel(funnel + ["target_met = revenue >= 20000"])
        let comparison = try ScenarioComparison.compare(base: base, scenarios: [
            (name: "optimistic", overrides: [try definition("win_rate = 40%"), try definition("conversion = 20%")]),
            (name: "fewer_leads", overrides: [try definition("leads = 0")]),
        ]).get()
        #expect(comparison.scenarioNames == ["optimistic", "fewer_leads"])
        #expect(comparison.rows.map(\.name) == ["opportunities", "wins", "revenue", "target_met"])

        let optimistic = try makeModel(funnel.map { $0.hasPrefix("win_rate") ? "win_rate = 40%" : $0 }
            .map { $0.hasPrefix("conversion") ? "conversion = 20%" : $0 } + ["target_met = revenue >= 20000"])
        let fewer = try evaluated(base, setting: "leads", to: 0)
        for row in comparison.rows {
            #expect(row.base == base.value(of: row.name))
            #expect(row.format == base.format(of: row.name))
            #expect(row.scenarios.map(\.value) == [optimistic.value(of: row.name), fewer.value(of: row.name)])
        }

        let revenue = try #require(comparison.rows.first { $0.name == "revenue" })
        let baseRevenue = 150 * 0.15 * 0.33 * 2400
        let optimisticRevenue = 150 * 0.2 * 0.4 * 2400
        #expect(revenue.format == .currency(.dollar))
        #expect(revenue.scenarios[0].format == .currency(.dollar))
        #expect(revenue.scenarios[0].change == optimisticRevenue - baseRevenue)
        #expect(revenue.scenarios[0].relativeChange == (optimisticRevenue - baseRevenue) / baseRevenue)
        #expect(revenue.scenarios[1].change == -baseRevenue)
        #expect(revenue.scenarios[1].relativeChange == -1)

        // Booleans have no change to measure.
        let met = try #require(comparison.rows.last)
        #expect(met.scenarios.map(\.value) == [.boolean(true), .boolean(false)])
        #expect(met.scenarios.map(\.change) == [nil, nil])
    }

    @Test func aZeroBaseHasNoRelativeChange() throws {
        let base = try makeModel(["leads = 0", "wins = leads * 10%"])
        let comparison = try ScenarioComparison.compare(
            base: base, scenarios: [(name: "more", overrides: [try definition("leads = 50")])]).get()
        #expect(comparison.rows.map(\.name) == ["wins"])
        #expect(comparison.rows[0].scenarios[0].change == 5)
        #expect(comparison.rows[0].scenarios[0].relativeChange == nil)
    }

    @Test func namesTheScenarioWhoseOverridesDoNotApply() throws {
        let base = try makeModel(funnel)
        let result = ScenarioComparison.compare(base: base, scenarios: [
            (name: "fine", overrides: [try definition("leads = 10")]),
            (name: "loop", overrides: [try definition("leads = wins * 2")]),
        ])
        guard case .failure(.scenarioDoesNotApply(let name, .cycle)) = result else {
            Issue.record("expected a cycle in 'loop', got \(result)")
            return
        }
        #expect(name == "loop")
    }

    @Test func noScenariosGivesTheBaseAlone() throws {
        let comparison = try ScenarioComparison.compare(base: try makeModel(funnel), scenarios: []).get()
        #expect(comparison.rows.count == 3)
        #expect(comparison.rows.allSatisfy { $0.scenarios.isEmpty })
    }

    struct OverrideCase: Sendable, CustomTestStringConvertible {
        let edits: [String]
        let overrides: [String]
        var testDescription: String { edits.joined(separator: ", ") }
    }

    static let overrides: [OverrideCase] = [
        OverrideCase(edits: [], overrides: []),
        OverrideCase(edits: ["win_rate = 40%", "leads = 200"], overrides: ["leads = 200", "win_rate = 40%"]),
        // Same formula again: not an override.
        OverrideCase(edits: ["leads = 150"], overrides: []),
        // New cells and changed lag indicators are edits of the model, not overrides.
        OverrideCase(edits: ["calls = 40", "revenue = wins * deal * 2"], overrides: []),
        // A lag indicator turned into a number is an edit of the base model too: a scenario
        // may override only what is a lead indicator in the base it is saved with.
        OverrideCase(edits: ["wins = 10"], overrides: []),
        OverrideCase(edits: ["wins = 10", "leads = 175"], overrides: ["leads = 175"]),
    ]

    @Test(arguments: overrides)
    func recordsTheLeadIndicatorsThatDifferFromTheBase(_ overrideCase: OverrideCase) throws {
        let base = try makeModel(funnel)
        var current = base
        for edit in overrideCase.edits { try current.define(try definition(edit)) }
        let recorded = ScenarioComparison.overridesAgainstBase(current: current, base: base.leadIndicatorDefinitions)
        #expect(recorded.map { "\($0.name) = \($0.formula)" } == overrideCase.overrides)
    }
}
