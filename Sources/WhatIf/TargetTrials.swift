import Formula
import PlanEngine

/// A what-if target read with one or two lead indicators set to constants, on the model compiled
/// once for them (``TrialPlan``): a goal seek's probes and a table's points run only the programs
/// downstream of the inputs, on one array of values, with no syntax tree, change list, undo record
/// or document touched. The model itself is never edited.
///
/// An input is set as one constant in every period, its overrides and actuals kept, as applying a
/// literal to it would: the value read is the one the edited model would show.
struct TargetTrials {
    private let plan: TrialPlan
    private var values: [Value]
    private var machine: Machine

    init(_ model: Model, target: WhatIfTarget, inputs: [String]) {
        plan = TrialPlan(model, inputs: inputs.map { TrialInput(cell: $0, part: .formula) }, reading: [target.expression])
        values = plan.baseValues
        machine = plan.makeMachine()
    }

    /// The target's value with the first input at `first` and the second (if any) at `second`;
    /// `#VALUE!` where it varies over the periods.
    mutating func value(setting first: Double, _ second: Double? = nil) -> Value {
        values.withUnsafeMutableBufferPointer { values in
            plan.set(0, to: .number(first), in: values)
            if let second { plan.set(1, to: .number(second), in: values) }
            plan.run(values, machine: &machine)
            return plan.extraIsSeries[0] ? .error(.value) : plan.extra(0, on: values, machine: &machine)
        }
    }
}
