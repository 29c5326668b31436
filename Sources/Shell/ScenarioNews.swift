import ModelFile
import PlanEngine
import TextLayout

/// What an edit of scenarios says it did, before the values that moved:
/// `added scenario growth: leads = 150`, `now on scenario optimistic`.
enum ScenarioNews {
    static func headlines(of edit: Edit, colorizer: Colorizer) -> [String] {
        switch edit {
        case .override(let name, let scenario, nil, _):
            return ["scenario \(scenario) no longer overrides \(name)"]
        case .addScenario(let scenario, _):
            let overrides = scenario.overrides.isEmpty ? " (no overrides yet)" : ": " + listing(scenario.overrides)
            return ["added scenario \(scenario.name)\(overrides)"]
        case .removeScenario(let scenario, _):
            return ["deleted scenario \(scenario.name)"]
        case .switchScenario(_, let name?):
            return ["now on scenario \(colorizer.apply(.bold, to: name))"]
        case .switchScenario(_, nil):
            return ["now on the base model"]
        case .compound(let edits, _):
            // The base cells a compound edit sets back are one piece of news, not one line each.
            var lines: [String] = []
            var baseDefinitions: [Definition] = []
            var basePosition: Int?
            for edit in edits {
                if case .define(let definition, _, _, _) = edit {
                    basePosition = basePosition ?? lines.count
                    baseDefinitions.append(definition)
                } else {
                    lines += headlines(of: edit, colorizer: colorizer)
                }
            }
            if let basePosition { lines.insert("base model: " + listing(baseDefinitions), at: basePosition) }
            return lines
        default:
            return []
        }
    }

    /// `leads = 150, win_rate = 40%`: overrides as written.
    static func listing(_ definitions: [Definition]) -> String {
        definitions.map { "\($0.name) = \($0.shownFormula)" }.joined(separator: ", ")
    }
}
