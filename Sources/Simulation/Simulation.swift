import Dispatch
import Formula
import PlanEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Monte Carlo over a model: N trials, each drawing every range once and recomputing what
/// depends on them on the compiled form (``TrialPlan``), split across the cores.
///
/// Trial t's draws come from ``TrialRandom``(seed, t) in the ranges' file order, one uniform
/// number each, turned into a value by the distribution's inverse CDF. On a plan with periods a
/// draw holds in every period of its trial, and the trial computes every period: a series cell
/// is summarised by its ``SeriesMeasure`` (a flow's total, a percent's average, a level's last
/// value, as `:show` and `:compare` give it), and a goal that varies over time (a monthly goal)
/// counts as met in a trial only when it is met in every period. Each worker runs a
/// contiguous block of trials on its own machine and value array and writes trial t's results at
/// index t, so the result is the same bit for bit whatever the number of workers. Work runs in
/// chunks, with `shouldStop` asked between them, so Ctrl-C stops a long run.
public enum Simulation {
    /// Trials run between two questions to `shouldStop`.
    static let chunkSize = 8_192

    /// Most trial values one run keeps (8 bytes each, kept twice while summarised): about 800 MB.
    public static let mostSamples = 50_000_000

    /// Why `trials` trials of `cells` cells are too many to keep, or nil when they fit.
    public static func sizeProblem(trials: Int, cells: Int) -> String? {
        guard trials.multipliedReportingOverflow(by: max(cells, 1)).partialValue > mostSamples
                || trials > mostSamples else { return nil }
        return "\(trials) trials of \(cells) cells are more values than one run keeps (at most 50 million): "
            + "run fewer trials or name the cells to summarise"
    }

    /// The cores to use by default: all that are online.
    public static var defaultWorkers: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Runs `trials` trials of `model` from `seed`, summarising the cells `reported` (defined cells)
    /// and the chance of each of `goals`. Nil when `shouldStop` said to stop.
    public static func run(
        _ model: Model, trials: Int, seed: UInt64, reporting reported: [String], goals: [Expr],
        workers: Int = defaultWorkers, shouldStop: () -> Bool = { false }
    ) -> SimulationResult? {
        let inputs = UncertainInputs(model)
        let checks = GoalCheck.checks(for: goals)
        let plan = TrialPlan(model, inputs: inputs.inputs, reading: checks.expressions)
        let readings = reported.map { name in
            let slot = plan.slot(of: name) ?? 0
            return CellReading(slot: slot, measure: plan.isSeries(slot) ? model[name]?.measure ?? .total : nil)
        }
        let goalChecks = checks.checks.map { $0.overPeriods(of: plan) }
        let workerCount = max(1, min(workers, trials))
        let slotCount = plan.baseValues.count
        var samples = [Double](repeating: 0, count: reported.count * trials)
        var hits = [Int](repeating: 0, count: workerCount * goals.count)
        var values = [Value](repeating: .number(0), count: workerCount * slotCount)
        var machines = [Machine](repeating: plan.makeMachine(), count: workerCount)
        for worker in 0..<workerCount {
            values.replaceSubrange(worker * slotCount..<(worker + 1) * slotCount, with: plan.baseValues)
        }
        let completed = samples.withUnsafeMutableBufferPointer { samples in
            hits.withUnsafeMutableBufferPointer { hits in
                values.withUnsafeMutableBufferPointer { values in
                    machines.withUnsafeMutableBufferPointer { machines in
                        let shared = Workspace(
                            plan: plan, distributions: inputs.distributions, goals: goalChecks, readings: readings,
                            trials: trials, seed: seed, slotCount: slotCount,
                            samples: samples, hits: hits, values: values, machines: machines)
                        var done = 0
                        while done < trials {
                            if shouldStop() { return false }
                            let chunk = done..<min(trials, done + chunkSize * workerCount)
                            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                                shared.runTrials(Self.share(of: chunk, worker: worker, of: workerCount), worker: worker)
                            }
                            done = chunk.upperBound
                        }
                        return true
                    }
                }
            }
        }
        guard completed else { return nil }
        let chances = goals.indices.map { goal in
            Double((0..<workerCount).reduce(0) { $0 + hits[$1 * goals.count + goal] }) / Double(trials)
        }
        return SimulationResult(
            trials: trials, seed: seed, periods: model.timeline.periods.map(\.description), drawn: inputs.names,
            cells: summaries(of: reported, measures: readings.map(\.measure), samples: samples, trials: trials),
            goalChances: chances, goalsOverPeriods: goalChecks.map(\.overPeriods))
    }

    /// Worker `worker`'s contiguous block of `chunk`.
    static func share(of chunk: Range<Int>, worker: Int, of workers: Int) -> Range<Int> {
        let size = chunk.count
        return (chunk.lowerBound + size * worker / workers)..<(chunk.lowerBound + size * (worker + 1) / workers)
    }

    /// Each cell's summary (in parallel, one cell per task) with its mean in trial order.
    private static func summaries(
        of names: [String], measures: [SeriesMeasure?], samples: [Double], trials: Int
    ) -> [SimulationResult.CellSummary] {
        var summaries = [SimulationResult.CellSummary?](repeating: nil, count: names.count)
        summaries.withUnsafeMutableBufferPointer { output in
            let box = SummaryOutput(output: output)
            samples.withUnsafeBufferPointer { samples in
                let input = SampleInput(samples: samples)
                DispatchQueue.concurrentPerform(iterations: names.count) { index in
                    let trialValues = UnsafeBufferPointer(rebasing: input.samples[index * trials..<(index + 1) * trials])
                    var sum = 0.0
                    var numbers: [Double] = []
                    numbers.reserveCapacity(trials)
                    for value in trialValues where !value.isNaN {
                        sum += value
                        numbers.append(value)
                    }
                    box.output[index] = SimulationResult.CellSummary(
                        name: names[index], measure: measures[index], values: numbers, errorTrials: trials - numbers.count,
                        mean: numbers.isEmpty ? .nan : sum / Double(numbers.count))
                }
            }
        }
        return summaries.map { $0.unsafelyUnwrapped }
    }
}

/// Everything the workers share: the plan and disjoint parts of the output buffers (worker w
/// writes only its trials' samples, its own hit counters, value array and machine).
private struct Workspace: @unchecked Sendable {
    let plan: TrialPlan
    let distributions: [Distribution]
    let goals: [GoalCheck]
    let readings: [CellReading]
    let trials: Int
    let seed: UInt64
    let slotCount: Int
    let samples: UnsafeMutableBufferPointer<Double>
    let hits: UnsafeMutableBufferPointer<Int>
    let values: UnsafeMutableBufferPointer<Value>
    let machines: UnsafeMutableBufferPointer<Machine>

    func runTrials(_ range: Range<Int>, worker: Int) {
        let values = UnsafeMutableBufferPointer(rebasing: self.values[worker * slotCount..<(worker + 1) * slotCount])
        let goalCount = goals.count
        for trial in range {
            var random = TrialRandom(seed: seed, trial: trial)
            for index in distributions.indices {
                let draw = distributions[index].quantile(random.nextUniform())
                plan.set(index, to: draw.isFinite ? .number(draw) : .error(.number), in: values)
            }
            plan.run(values, machine: &machines[worker])
            for (index, reading) in readings.enumerated() {
                samples[index * trials + trial] = reading.value(in: values, periods: plan.periodCount).numeric ?? .nan
            }
            for goal in 0..<goalCount where goals[goal].holds(plan, values, machine: &machines[worker]) {
                hits[worker * goalCount + goal] += 1
            }
        }
    }
}

private struct SampleInput: @unchecked Sendable {
    let samples: UnsafeBufferPointer<Double>
}

private struct SummaryOutput: @unchecked Sendable {
    let output: UnsafeMutableBufferPointer<SimulationResult.CellSummary?>
}

/// How a trial reads one reported cell: its value, or for a series its measure.
private struct CellReading: Sendable {
    let slot: Int
    /// Nil for a cell that does not vary over time.
    let measure: SeriesMeasure?

    func value(in values: UnsafeMutableBufferPointer<Value>, periods: Int) -> Value {
        let start = slot &* periods
        guard let measure else { return values[start] }
        return measure.summary(of: UnsafeBufferPointer(rebasing: values[start..<(start &+ periods)]))
    }
}

/// How a trial checks one goal: a comparison's two sides are computed as extras of the plan and
/// compared here, at 15 significant digits as the evaluator compares, but without rounding
/// (which allocates) unless the two sides are close enough for rounding to matter. A goal that
/// varies over time (`revenue >= 50k` on a series: a monthly goal) is checked in every period,
/// and holds only when it holds in all of them.
struct GoalCheck: Sendable {
    /// Index of the left side (or of the whole expression) among the plan's extras; the right side follows it.
    let left: Int
    let comparison: BinaryOperator?
    var overPeriods = false

    /// This check on `plan`, over its periods when either side varies over time.
    func overPeriods(of plan: TrialPlan) -> GoalCheck {
        var check = self
        check.overPeriods = plan.extraIsSeries[left] || (comparison != nil && plan.extraIsSeries[left + 1])
        return check
    }

    /// The checks of `goals` and the expressions the plan computes for them, in order.
    static func checks(for goals: [Expr]) -> (checks: [GoalCheck], expressions: [Expr]) {
        var checks: [GoalCheck] = []
        var expressions: [Expr] = []
        for goal in goals {
            if case .binary(let op, let lhs, let rhs, _) = goal, op.isComparison {
                checks.append(GoalCheck(left: expressions.count, comparison: op))
                expressions += [lhs, rhs]
            } else {
                checks.append(GoalCheck(left: expressions.count, comparison: nil))
                expressions.append(goal)
            }
        }
        return (checks, expressions)
    }

    func holds(_ plan: TrialPlan, _ values: UnsafeMutableBufferPointer<Value>, machine: inout Machine) -> Bool {
        guard overPeriods else {
            let left = plan.extra(self.left, on: values, machine: &machine)
            guard let comparison else { return Self.isTrue(left) }
            return Self.holds(comparison, left, plan.extra(self.left + 1, on: values, machine: &machine))
        }
        let left = plan.extraSeries(self.left, on: values, machine: &machine)
        guard let comparison else { return left.allSatisfy(Self.isTrue) }
        let right = plan.extraSeries(self.left + 1, on: values, machine: &machine)
        for period in left.indices where !Self.holds(comparison, left[period], right[period]) { return false }
        return true
    }

    private static func isTrue(_ value: Value) -> Bool { value.numeric.map { $0 != 0 } ?? false }

    /// `left OP right` as the evaluator decides it; an error on either side is a missed goal.
    /// Rounding to 15 digits keeps order, and can make two numbers equal only when they are
    /// within 1e-14 of each other (relatively), so farther apart the plain comparison agrees.
    static func holds(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Bool {
        guard var a = left.numeric, var b = right.numeric else { return false }
        if abs(a - b) <= 1e-13 * max(abs(a), abs(b)) {
            a = a.atSpreadsheetPrecision
            b = b.atSpreadsheetPrecision
        }
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        default: return a >= b
        }
    }
}
