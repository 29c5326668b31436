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
/// number each, turned into a value by the distribution's inverse CDF. Each worker runs a
/// contiguous block of trials on its own machine and value array and writes trial t's results at
/// index t, so the result is the same bit for bit whatever the number of workers. Work runs in
/// chunks, with `shouldStop` asked between them, so Ctrl-C stops a long run.
public enum Simulation {
    /// Trials run between two questions to `shouldStop`.
    static let chunkSize = 8_192

    /// Most trial values one run keeps (8 bytes each, kept twice while sorted): about 800 MB.
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
        let plan = TrialPlan(model, inputs: inputs.names, reading: goals)
        let reportedSlots = reported.map { plan.slot(of: $0) ?? 0 }
        let workerCount = max(1, min(workers, trials))
        let slotCount = plan.baseValues.count
        var samples = [Double](repeating: 0, count: reported.count * trials)
        var hits = [Int](repeating: 0, count: workerCount * goals.count)
        var values = [Value](repeating: .number(0), count: workerCount * slotCount)
        var machines = [Machine](repeating: Machine(), count: workerCount)
        for worker in 0..<workerCount {
            values.replaceSubrange(worker * slotCount..<(worker + 1) * slotCount, with: plan.baseValues)
        }
        let completed = samples.withUnsafeMutableBufferPointer { samples in
            hits.withUnsafeMutableBufferPointer { hits in
                values.withUnsafeMutableBufferPointer { values in
                    machines.withUnsafeMutableBufferPointer { machines in
                        let shared = Workspace(
                            plan: plan, distributions: inputs.distributions, reportedSlots: reportedSlots,
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
            trials: trials, seed: seed, drawn: inputs.names,
            cells: summaries(of: reported, samples: samples, trials: trials, workers: workerCount),
            goalChances: chances)
    }

    /// Worker `worker`'s contiguous block of `chunk`.
    static func share(of chunk: Range<Int>, worker: Int, of workers: Int) -> Range<Int> {
        let size = chunk.count
        return (chunk.lowerBound + size * worker / workers)..<(chunk.lowerBound + size * (worker + 1) / workers)
    }

    /// Each cell's samples sorted (in parallel, one cell per task) with its mean in trial order.
    private static func summaries(
        of names: [String], samples: [Double], trials: Int, workers: Int
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
                    numbers.sort()
                    box.output[index] = SimulationResult.CellSummary(
                        name: names[index], sorted: numbers, errorTrials: trials - numbers.count,
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
    let reportedSlots: [Int]
    let trials: Int
    let seed: UInt64
    let slotCount: Int
    let samples: UnsafeMutableBufferPointer<Double>
    let hits: UnsafeMutableBufferPointer<Int>
    let values: UnsafeMutableBufferPointer<Value>
    let machines: UnsafeMutableBufferPointer<Machine>

    func runTrials(_ range: Range<Int>, worker: Int) {
        let values = UnsafeMutableBufferPointer(rebasing: self.values[worker * slotCount..<(worker + 1) * slotCount])
        let goalCount = plan.extras.count
        for trial in range {
            var random = TrialRandom(seed: seed, trial: trial)
            for (index, slot) in plan.inputSlots.enumerated() {
                let draw = distributions[index].quantile(random.nextUniform())
                values[slot] = draw.isFinite ? .number(draw) : .error(.number)
            }
            plan.run(values, machine: &machines[worker])
            for (index, slot) in reportedSlots.enumerated() {
                samples[index * trials + trial] = values[slot].numeric ?? .nan
            }
            for goal in 0..<goalCount where plan.extra(goal, on: values, machine: &machines[worker]).isTrue {
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

extension Value {
    /// A goal's comparison held: true, or a non-zero number; an error is a missed goal.
    var isTrue: Bool {
        numeric.map { $0 != 0 } ?? false
    }
}
