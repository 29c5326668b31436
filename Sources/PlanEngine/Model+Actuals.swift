import Formula

extension Model {
    /// Every actual of the model: cells in file order, each cell's by period.
    public var actuals: [Actual] {
        store.order.flatMap { id -> [Actual] in
            guard let slot = store.slots[id] else { return [] }
            return slot.actuals.keys.sorted().map {
                Actual(name: store.names[id], period: timeline.periods[$0], value: slot.actuals[$0] ?? 0)
            }
        }
    }

    /// Whether any cell has an actual.
    public var hasActuals: Bool { store.order.contains { !(store.slots[$0]?.actuals.isEmpty ?? true) } }

    /// The actual of `name` in period index `period`, if one was recorded.
    public func actual(of name: String, period: Int) -> Double? {
        store.definedID(of: name).flatMap { store.slots[$0]?.actuals[period] }
    }

    /// The current period (SPEC §7): the last period that has an actual, the first when there are
    /// none. The one place this is defined, for the commands that report "so far" and "the rest".
    public var currentPeriod: Int {
        store.order.compactMap { store.slots[$0]?.actuals.keys.max() }.max() ?? 0
    }

    /// The plan as it stood before anything was recorded: this model with every actual taken
    /// away, recomputing only what the actuals reach. Variance compares actuals with it.
    public var plan: Model {
        var plan = self
        let clearing = actuals.map { ActualChange(name: $0.name, period: $0.period, value: nil) }
        guard !clearing.isEmpty else { return plan }
        do throws(ModelError) {
            try plan.setActuals(clearing)
        } catch {
            // Every actual listed names a defined cell in a period of the plan: it can always be cleared.
            preconditionFailure("clearing the model's own actuals failed: \(error)")
        }
        return plan
    }
}
