import Formula
import PlanEngine

/// Checks a file's scenario sections against its base model: each override
/// must name a lead indicator of the base, and applying a scenario must not close a cycle.
///
/// The first two checks need only the base's definitions, so they are reported even when the
/// base itself has a cycle and builds no model (`base` nil): every problem at once.
enum ScenarioValidator {
    static func problems(in scenarios: [Scenario], definitions: [Definition], base: Model?) -> [Diagnostic] {
        // Most files have no scenarios: then there is nothing to learn about the base's cells.
        guard !scenarios.isEmpty else { return [] }
        var isLeadIndicator: [String: Bool] = [:]
        for definition in definitions { isLeadIndicator[definition.name] = definition.expression.referencedNames.isEmpty }
        var problems: [Diagnostic] = []
        for scenario in scenarios {
            let unknown = scenario.overrides.filter { isLeadIndicator[$0.name] == nil }
            for override in unknown {
                problems.append(Diagnostic(
                    "scenario '\(scenario.name)' overrides '\(override.name)', which the base model does not define",
                    at: scenario.overrideRanges[override.name] ?? override.expression.range))
            }
            let lags = scenario.overrides.filter { isLeadIndicator[$0.name] == false }
            for override in lags {
                problems.append(Diagnostic(
                    "scenario '\(scenario.name)' overrides '\(override.name)', a lag indicator: "
                        + "scenarios change lead indicators only",
                    at: scenario.overrideRanges[override.name] ?? override.expression.range))
            }
            guard unknown.isEmpty, lags.isEmpty, var applied = base else { continue }
            do throws(ModelError) {
                try applied.define(all: scenario.overrides)
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
