import Formula
import Testing
@testable import PlanEngine

/// A trial plan runs the model's own programs in place, and the input cells' programs compiled
/// again: a run with an input set must give every cell downstream what the model gives when its
/// formula is edited to the same value, whichever kind of step computes it.
@Suite struct TrialPlanTests {
    /// Runs `plan` once with its inputs at `inputs` and gives each name's values over the periods.
    private func run(_ plan: TrialPlan, inputs: [Double], reading names: [String]) throws -> [String: [Double?]] {
        var values = plan.baseValues
        var machine = plan.makeMachine()
        values.withUnsafeMutableBufferPointer { buffer in
            for (index, input) in inputs.enumerated() { plan.set(index, to: .number(input), in: buffer) }
            plan.run(buffer, machine: &machine)
        }
        var read: [String: [Double?]] = [:]
        for name in names {
            let slot = try #require(plan.slot(of: name))
            read[name] = numbers(Array(values[(slot * plan.periodCount)..<((slot + 1) * plan.periodCount)]))
        }
        return read
    }

    /// Every period of each of `names`, as the model holds it (a cell that does not vary repeated).
    private func series(_ model: Model, _ names: [String], periods: Int) -> [String: [Double?]] {
        Dictionary(uniqueKeysWithValues: names.map { name in
            let values = model.values(of: name)
            return (name, numbers(values.count == 1 ? Array(repeating: values[0], count: periods) : values))
        })
    }

    @Test func aChainRunFromItsFirstCellGivesWhatAnEditGives() throws {
        let lines = (0..<50).map { $0 == 0 ? "c0 = 1" : "c\($0) = c\($0 - 1) * 1.5 + 1" }
        let model = try makeModel(lines)
        let plan = TrialPlan(model, inputs: [TrialInput(cell: "c0", part: .formula)])
        let names = ["c0", "c1", "c25", "c49"]
        var edited = model
        try edited.define(definition("c0 = 3"))
        #expect(try run(plan, inputs: [3], reading: names) == series(edited, names, periods: 1))
        // The run leaves the model's own values as they were.
        #expect(model.values(of: "c49") != edited.values(of: "c49"))
    }

    /// `a` and `b` read each other through `prev`, so one step computes both, period by period;
    /// `a` is scaled by the input, so that step reads its program compiled again and `b`'s beside it.
    @Test func aLoopThroughPrevHoldingAnInputCellGivesWhatAnEditGives() throws {
        let lines = [
            "x = 10", "a = prev(b, 1) + x", "b = a * 2", "after = b + 1 + t", "apart = x * 3", "total_b = total(b)",
        ]
        let model = try makePlan("2027-01", "2027-06", lines)
        let plan = TrialPlan(model, inputs: [TrialInput(cell: "a", part: .scale)])
        let names = ["a", "b", "after", "total_b", "apart"]
        var edited = model
        try edited.define(planDefinition("a = (prev(b, 1) + x) * 1.5"))
        let ran = try run(plan, inputs: [1.5], reading: names)
        #expect(ran == series(edited, names, periods: 6))
        #expect(ran["a"] != series(model, ["a"], periods: 6)["a"])
    }
}
