import Formula
import PlanEngine
import Simulation

extension Command {
    static let simulate: Command = Command(
        name: "simulate",
        usage: ":simulate N [seed S] [NAME …]",
        summary: "N trials of the model drawing every range: mean, P10, P50, P90 and the chance of each goal",
        details: """
            Each trial draws every lead indicator written as a range (win_rate = 25% to 40%) once and
            recomputes the model. Shown for each lag indicator, or for the cells named: the mean, P10, P50
            and P90 (quantiles by linear interpolation, as PERCENTILE.INC), and for each goal the share of
            trials that meet it; each named cell also gets a histogram. The same seed gives the same numbers
            on any machine and core count; without one a seed is picked and shown. Ctrl-C stops a long run.
            Afterwards :assert and expressions can read the run: mean(x), p10(x), p50(x), p90(x) and
            chance(x >= 50k) for a simulated cell x (a goal's own text reads that goal's chance).
            On a plan with periods a range is drawn once per trial and holds in every period (a range in an
            override, only in its periods); each trial computes every period. A series is summed up per trial
            as :show and :compare sum it up, and its row says how: revenue total (a flow's total over the plan),
            mrr last (a level carried through prev: its last value), win_rate average (a percent). A goal on a
            single value (goal total(revenue) >= 600k) gets its chance; a monthly goal (goal revenue >= 50k on
            a series) the chance of meeting it in every period, as its row says. mean(revenue) and p10(revenue)
            read the same per-trial number as the table; for a series write chance(total(revenue) >= 600k).
            """
    ) { input, session, reply in
        let request: SimulationRequest
        do throws(UsageError) {
            request = try SimulationRequest(input.arguments.argumentWords)
        } catch {
            return Command.simulate.reject(error, &reply)
        }
        let model = session.model
        if let unknown = request.names.first(where: { model[$0] == nil }) {
            return reply.fail(model.noSuchCell(unknown))
        }
        let reported = request.names.isEmpty ? model.cellsInOrder.filter { !$0.isLeadIndicator }.map(\.name) : request.names
        guard !reported.isEmpty else { return reply.fail("no lag indicators to simulate (name cells: :simulate 1000 leads)") }
        if let problem = Simulation.sizeProblem(trials: request.trials, cells: reported.count) { return reply.fail(problem) }
        if UncertainInputs(model).isEmpty {
            reply.warn("no lead indicator is a range, so every trial is the same (write one as win_rate = 25% to 40%)")
        }
        let goals = session.workbook.goals
        guard let result = Simulation.run(
            model, trials: request.trials, seed: request.seed, reporting: reported,
            goals: goals.map { .binary($0.goal.comparison, $0.goal.lhs, $0.goal.rhs, $0.goal.range) },
            shouldStop: session.shouldStop)
        else {
            return reply.fail("stopped (Ctrl-C) before the trials were done: nothing to show")
        }
        session.lastSimulation = SimulationRecord(
            result: result, goalTexts: goals.map(\.text),
            fingerprint: SimulationRecord.fingerprint(of: model, scenario: session.activeScenario))
        let view = SimulationView(result: result, model: model, goalTexts: goals.map(\.text), seedWasGiven: request.seedWasGiven)
        reply.say(view.summary(width: session.width))
        for name in request.names {
            reply.say("")
            reply.say(view.histogram(of: name, colorizer: session.colorizer, width: session.width))
        }
    }
}

/// `:simulate N [seed S] [NAME …]` read into its parts.
struct SimulationRequest {
    /// Keeps one run's samples within a few hundred megabytes.
    static let mostTrials = 10_000_000

    let trials: Int
    let seed: UInt64
    let seedWasGiven: Bool
    let names: [String]

    init(_ words: [String]) throws(UsageError) {
        guard let first = words.first else { throw UsageError("simulate wants a number of trials, as in :simulate 10000") }
        guard let trials = Self.whole(first), trials > 0 else {
            throw UsageError("the number of trials must be a whole number above zero, not \(first)")
        }
        guard trials <= Self.mostTrials else { throw UsageError("at most 10,000,000 trials in one run") }
        var rest = words.dropFirst()
        if rest.first == "seed" {
            rest = rest.dropFirst()
            guard let text = rest.first, let seed = UInt64(text.filter { $0 != "_" }) else {
                throw UsageError("seed wants a whole number, as in seed 1")
            }
            self.seed = seed
            seedWasGiven = true
            rest = rest.dropFirst()
        } else {
            seed = UInt64.random(in: 1...99_999)
            seedWasGiven = false
        }
        self.trials = trials
        names = rest.reduce(into: []) { names, name in if !names.contains(name) { names.append(name) } }
    }

    /// `10000`, `10_000` or `10k`.
    private static func whole(_ text: String) -> Int? {
        let digits = text.filter { $0 != "_" }
        if digits.hasSuffix("k") { return Int(digits.dropLast()).map { $0 * 1_000 } }
        if digits.hasSuffix("M") { return Int(digits.dropLast()).map { $0 * 1_000_000 } }
        return Int(digits)
    }
}
