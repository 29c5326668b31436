import Formula
import PlanEngine

/// `:compare`: every lag indicator's value in the base model and in each
/// scenario side by side, with how far each scenario moves it.
public struct ScenarioComparison: Equatable, Sendable {
    /// One lag indicator across the base model and the scenarios.
    public struct Row: Equatable, Sendable {
        public let name: String
        public let base: Value
        public let format: DisplayFormat
        /// One entry per scenario, in the order the scenarios were given.
        public let scenarios: [Entry]
        /// How a series is summed up in the row (nil for a cell that is one value everywhere).
        public let measure: SeriesMeasure?
    }

    /// A cell's value in one scenario and its move from the base value.
    public struct Entry: Equatable, Sendable {
        public let value: Value
        public let format: DisplayFormat
        /// value − base; nil unless both are numbers.
        public let change: Double?
        /// The change as a fraction of the base value's size (+0.25 for +25%, the sign
        /// following the direction of the move); nil when the base is 0 or not a number.
        public let relativeChange: Double?

        init(value: Value, format: DisplayFormat, base: Value) {
            self.value = value
            self.format = format
            if case .number(let before) = base, case .number(let after) = value {
                change = after - before
                relativeChange = before == 0 ? nil : (after - before) / abs(before)
            } else {
                change = nil
                relativeChange = nil
            }
        }
    }

    public let scenarioNames: [String]
    /// The lead indicators whose value differs in some scenario, in file order: what the
    /// scenarios change, shown above what follows from it (as a spreadsheet's scenario summary
    /// lists its changing cells first).
    public let inputs: [Row]
    /// The base model's lag indicators, in file order.
    public let rows: [Row]

    /// Applies each scenario's overrides to a copy of `base` and lines up the results.
    /// Fails on the first scenario whose overrides do not apply.
    public static func compare(
        base: Model, scenarios: [(name: String, overrides: [Definition])]
    ) -> Result<ScenarioComparison, WhatIfError> {
        var models: [Model] = []
        for scenario in scenarios {
            var model = base
            do {
                try model.applyOverrides(scenario.overrides)
            } catch {
                return .failure(.scenarioDoesNotApply(name: scenario.name, error))
            }
            models.append(model)
        }
        let all = base.cellsInOrder.map { cell in
            let isSeries = cell.isSeries || models.contains { $0.isSeries(cell.name) }
            // A cell that is a series anywhere is summed up the same way everywhere: a single
            // value counts as repeating in every period, so a total compares like with like.
            let summary = { (model: Model) -> Value in
                guard isSeries else { return model.value(of: cell.name) }
                let values = model.values(of: cell.name)
                let series = values.count == 1 ? Array(repeating: values[0], count: model.timeline.count) : values
                return cell.measure.summary(of: series)
            }
            let baseValue = summary(base)
            return (cell.isLeadIndicator, Row(
                name: cell.name, base: baseValue, format: cell.format,
                scenarios: models.map { model in
                    Entry(value: summary(model), format: model.format(of: cell.name), base: baseValue)
                },
                measure: isSeries ? cell.measure : nil))
        }
        let inputs = all.filter { isLead, row in isLead && row.scenarios.contains { $0.value != row.base } }.map(\.1)
        let rows = all.filter { !$0.0 }.map(\.1)
        return .success(ScenarioComparison(scenarioNames: scenarios.map(\.name), inputs: inputs, rows: rows))
    }

    /// The lead indicators of `current` whose formula differs from their definition in `base`
    /// (a model's ``Model/leadIndicatorDefinitions``), in `current`'s order: the overrides
    /// `:scenario new NAME` records. Cells `base` does not have are new cells of the model, or
    /// lag indicators there, whose formulas were replaced in the base model: neither is an
    /// override a scenario can hold, so both are left out.
    public static func overridesAgainstBase(current: Model, base: [Definition]) -> [Definition] {
        let base = Dictionary(base.map { ($0.name, $0) }) { first, _ in first }
        return current.cellsInOrder.compactMap { cell in
            guard cell.isLeadIndicator, let original = base[cell.name], original.formula != cell.formula else {
                return nil
            }
            return Definition(name: cell.name, formula: cell.formula, expression: cell.expression)
        }
    }
}
