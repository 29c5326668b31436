import Formula
import PlanEngine

/// The trials on which a goal seek tries input values (``TargetTrials``: the model compiled once,
/// never edited), and what it learned along the way: how many values it tried, the one that came
/// closest to the goal, and the error the target showed where it was one.
struct SeekProbe {
    private var trials: TargetTrials
    let goal: Double
    private(set) var evaluations = 0
    /// The input value whose target came nearest the goal; on a tie, the first one tried.
    private(set) var closest: (input: Double, target: Double)?
    private(set) var firstError: CellError?
    private var tried: [Double: Value] = [:]

    /// The input is tried as one constant for every period, its overrides and actuals kept.
    init(model: Model, target: WhatIfTarget, input: String, goal: Double) {
        trials = TargetTrials(model, target: target, inputs: [input])
        self.goal = goal
    }

    /// The target's value with the input set to `x`; `#VALUE!` where it varies over the periods.
    mutating func value(at x: Double) -> Value {
        if let known = tried[x] { return known }
        evaluations += 1
        let value = trials.value(setting: x)
        tried[x] = value
        record(x, value)
        return value
    }

    /// Every input tried where the target is a number, in increasing order, with its gap.
    var samples: [RootBracket.Point] {
        tried.compactMap { x, value in value.numeric.map { RootBracket.Point(x: x, gap: $0 - goal) } }
            .sorted { $0.x < $1.x }
    }

    /// target − goal with the input set to `x`; nil where the target is an error.
    mutating func gap(at x: Double) -> Double? {
        value(at: x).numeric.map { $0 - goal }
    }

    private mutating func record(_ x: Double, _ value: Value) {
        guard let number = value.numeric else {
            if firstError == nil { firstError = value.error }
            return
        }
        if let closest, !Self.isCloser(number, than: closest.target, to: goal) { return }
        closest = (x, number)
    }

    /// Whether `candidate` is nearer `goal` than `best`. On one side of the goal the values are
    /// compared themselves, since the differences of values far from a huge goal round to the same.
    private static func isCloser(_ candidate: Double, than best: Double, to goal: Double) -> Bool {
        if (candidate < goal) == (best < goal) && candidate != goal && best != goal {
            return candidate < goal ? candidate > best : candidate < best
        }
        return abs(candidate - goal) < abs(best - goal)
    }
}
