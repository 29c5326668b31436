import Formula
import PlanEngine

/// Checks scenario sections against their base model: each override must name a lead
/// indicator of the base, and applying a scenario must not close a cycle.
///
/// One rule for both sides of the file: the loader refuses a file that breaks it, and a
/// workbook being edited (``Workbook/scenarioProblems``) is held to it, so no edit can leave
/// text that `:save` writes and the next load refuses.
///
/// The first two checks need only the base's definitions, so they are reported even when the
/// base itself has a cycle and builds no model (`base` nil): every problem at once.
enum ScenarioValidator {
    static func problems(in scenarios: [Scenario], definitions: [Definition], base: Model?) -> [Diagnostic] {
        // Most files have no scenarios: then there is nothing to learn about the base's cells.
        guard !scenarios.isEmpty else { return [] }
        var isLeadIndicator: [String: Bool] = [:]
        for definition in definitions { isLeadIndicator[definition.name] = definition.expression.referencedNames.isEmpty }
        return problems(in: scenarios, base: base) { isLeadIndicator[$0] }
    }

    /// `isLeadIndicator` tells whether the base defines a name as a lead indicator (nil: not at all).
    static func problems(
        in scenarios: [Scenario], base: Model?, isLeadIndicator: (String) -> Bool?
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for scenario in scenarios {
            let unknown = scenario.overrides.filter { isLeadIndicator($0.name) == nil }
            for override in unknown {
                problems.append(Diagnostic(
                    "scenario '\(scenario.name)' overrides '\(override.name)', which the base model does not define",
                    at: scenario.overrideRanges[override.name] ?? override.expression.range))
            }
            let lags = scenario.overrides.filter { isLeadIndicator($0.name) == false }
            for override in lags {
                problems.append(Diagnostic(
                    "scenario '\(scenario.name)' overrides '\(override.name)', a lag indicator: "
                        + "scenarios change lead indicators only",
                    at: scenario.overrideRanges[override.name] ?? override.expression.range))
            }
            // Overrides that reference nothing replace inputs by inputs: they cannot close a cycle.
            let mayCloseCycle = scenario.overrides.contains { !$0.expression.referencedNames.isEmpty }
            guard unknown.isEmpty, lags.isEmpty, mayCloseCycle, var applied = base else { continue }
            do throws(ModelError) {
                try applied.applyOverrides(scenario.overrides)
            } catch {
                let first = scenario.overrides.first { override in
                    if case .cycle(let path) = error { return path.contains(override.name) }
                    return true
                }
                let range = first.flatMap { scenario.overrideRanges[$0.name] } ?? SourceRange(start: 0, end: 0)
                problems.append(Diagnostic("in scenario '\(scenario.name)': \(error)", at: range))
            }
        }
        return problems
    }
}
