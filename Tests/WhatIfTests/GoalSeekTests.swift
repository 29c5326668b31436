import Formula
import PlanEngine
import Testing
import WhatIf

@Suite struct GoalSeekTests {
    /// A seek that must find a value; `expected` is the analytic answer where there is one.
    struct ReachableCase: Sendable, CustomTestStringConvertible {
        let model: [String]
        let target: String
        let goal: Double
        let input: String
        let expected: Double?
        var bounds: ClosedRange<Double>? = nil
        var testDescription: String { "\(target) = \(goal) by \(input)" }
    }

    static let reachable: [ReachableCase] = [
        // Increasing: revenue grows with every input of the funnel.
        ReachableCase(model: funnel, target: "revenue", goal: 50_000, input: "leads",
                      expected: 50_000 / (0.15 * 0.33 * 2400)),
        ReachableCase(model: funnel, target: "revenue", goal: 20_000, input: "win_rate",
                      expected: 20_000 / (150 * 0.15 * 2400)),
        ReachableCase(model: funnel, target: "revenue", goal: 0, input: "leads", expected: 0),
        ReachableCase(model: funnel, target: "revenue", goal: -1_000, input: "conversion",
                      expected: -1_000 / (150 * 0.33 * 2400)),
        // Decreasing: the more leads, the cheaper each one.
        ReachableCase(model: ["budget = $6000", "leads = 150", "cost_per_lead = budget / leads"],
                      target: "cost_per_lead", goal: 20, input: "leads", expected: 300),
        ReachableCase(model: ["discount = 10%", "price = $100", "net = price * (1 - discount)"],
                      target: "net", goal: 70, input: "discount", expected: 0.3),
        // A cap made by min, with the goal below the cap.
        ReachableCase(model: ["leads = 150", "capacity = 40", "wins = min(leads * 0.1, capacity)"],
                      target: "wins", goal: 30, input: "leads", expected: 300),
        // A step made by if: the goal is only reached on the far side of the step.
        ReachableCase(model: ["sales = 100", "commission = if(sales > 1000, sales * 0.1, sales * 0.05)"],
                      target: "commission", goal: 150, input: "sales", expected: 1_500),
        ReachableCase(model: ["sales = 100", "bonus = if(sales >= 1000, 500, 0)"],
                      target: "bonus", goal: 500, input: "sales", expected: nil),
        // A goal the target only touches: the bottom of a square, a kink of abs.
        ReachableCase(model: ["leads = 120", "z = (leads - 100)^2"], target: "z", goal: 0, input: "leads",
                      expected: 100),
        ReachableCase(model: ["leads = 120", "z = abs(leads - 130)"], target: "z", goal: 0, input: "leads",
                      expected: 130),
        // Starting where the target is an error: the values begin past a boundary.
        ReachableCase(model: ["leads = 120", "r = if(leads < 500, 1/0, leads)"], target: "r", goal: 600,
                      input: "leads", expected: 600),
        ReachableCase(model: ["leads = 120", "s = sqrt(leads - 500)"], target: "s", goal: 10, input: "leads",
                      expected: 600),
        // Powers: compound growth, and the root of a square nearest the start.
        ReachableCase(model: ["rate = 5%", "years = 10", "growth = (1 + rate) ^ years"],
                      target: "growth", goal: 2, input: "rate", expected: 0.071_773_462_536_293_13),
        ReachableCase(model: ["side = 3", "area = side ^ 2"], target: "area", goal: 49, input: "side", expected: 7),
        ReachableCase(model: ["side = -3", "area = side ^ 2"], target: "area", goal: 49, input: "side", expected: -7),
        // A dip narrower than the outward steps: they jump over both roots, ±0.01.
        ReachableCase(model: ["side = 3", "area = side ^ 2"], target: "area", goal: 0.000_1, input: "side",
                      expected: nil),
        // Errors below 100 are skipped while bracketing.
        ReachableCase(model: ["x = 50", "root = sqrt(x - 100)"], target: "root", goal: 5, input: "x", expected: 125),
        // Tiny and huge scales.
        ReachableCase(model: ["rate = 0.1%", "cost = rate * 1000"], target: "cost", goal: 0.25, input: "rate",
                      expected: 0.000_25),
        ReachableCase(model: ["units = 1", "total = units * 1000"], target: "total", goal: 4e11, input: "units",
                      expected: 4e8),
        // An input that is the target itself.
        ReachableCase(model: ["leads = 150"], target: "leads", goal: 420, input: "leads", expected: 420),
        // Bounds that contain the answer.
        ReachableCase(model: ["side = 3", "area = side ^ 2"], target: "area", goal: 49, input: "side",
                      expected: -7, bounds: -100 ... -1),
    ]

    @Test(arguments: reachable)
    func findsTheInputThatReachesTheGoal(_ seek: ReachableCase) throws {
        let model = try makeModel(seek.model)
        let outcome = GoalSeek.seek(in: model, target: seek.target, equals: seek.goal, by: seek.input,
                                    within: seek.bounds)
        guard case .found(let value, let targetValue, let evaluations) = outcome else {
            Issue.record("expected a value, got \(outcome)")
            return
        }
        let tolerance = 1e-9 * max(abs(seek.goal), 1)
        let reached = try #require(targetValue.numeric)
        #expect(abs(reached - seek.goal) <= tolerance)
        #expect(evaluations > 0 && evaluations < 300)
        if let expected = seek.expected {
            #expect(abs(value - expected) <= 1e-7 * max(abs(expected), 1e-3))
        }
        // Applying the value as the REPL does gives the target the goal's value.
        var applied = model
        let cell = try #require(model[seek.input])
        try applied.define(GoalSeek.literal(value, like: cell))
        let appliedTarget = try #require(applied.value(of: seek.target).numeric)
        #expect(abs(appliedTarget - seek.goal) <= tolerance)
        #expect(applied.format(of: seek.input) == model.format(of: seek.input))
    }

    @Test func aGoalAlreadyMetLeavesTheInputWhereItIs() throws {
        let model = try makeModel(funnel)
        let current = try #require(model.value(of: "revenue").numeric)
        let outcome = GoalSeek.seek(in: model, target: "revenue", equals: current, by: "leads")
        #expect(outcome == .found(value: 150, targetValue: .number(current), evaluations: 1))
    }

    @Test func theModelItWasGivenIsUntouched() throws {
        let model = try makeModel(funnel)
        _ = GoalSeek.seek(in: model, target: "revenue", equals: 50_000, by: "leads")
        #expect(model.value(of: "leads") == .number(150))
        #expect(model.value(of: "revenue") == (try makeModel(funnel)).value(of: "revenue"))
    }

    struct UnreachableCase: Sendable, CustomTestStringConvertible {
        let model: [String]
        let target: String
        let goal: Double
        let input: String
        var bounds: ClosedRange<Double>? = nil
        /// The target value that comes closest, and how near the search must get to it.
        let closestTarget: Double
        let closestTolerance: Double
        var testDescription: String { "\(target) = \(goal) by \(input) is out of reach" }
    }

    static let unreachable: [UnreachableCase] = [
        // Above a cap made by min.
        UnreachableCase(model: ["leads = 150", "capacity = 40", "wins = min(leads * 0.1, capacity)"],
                        target: "wins", goal: 50, input: "leads", closestTarget: 40, closestTolerance: 0),
        // In the jump of a step: 1000 × 5% = 50 below it, 1000 × 10% = 100 above it.
        UnreachableCase(model: ["sales = 100", "commission = if(sales > 1000, sales * 0.1, sales * 0.05)"],
                        target: "commission", goal: 75, input: "sales", closestTarget: 50, closestTolerance: 1e-6),
        // A square is never negative.
        UnreachableCase(model: ["side = 3", "area = side ^ 2"], target: "area", goal: -4, input: "side",
                        closestTarget: 0, closestTolerance: 1e-3),
        // The answer (420.9) lies outside the bounds given: the nearest end is closest.
        UnreachableCase(model: funnel, target: "revenue", goal: 50_000, input: "leads", bounds: 0 ... 100,
                        closestTarget: 100 * 0.15 * 0.33 * 2400, closestTolerance: 1e-6),
        // Goals so far away that every gap rounds to the same number: the nearest end still wins.
        UnreachableCase(model: funnel, target: "revenue", goal: -1e200, input: "leads", bounds: 0 ... 1_000,
                        closestTarget: 0, closestTolerance: 0),
        UnreachableCase(model: funnel, target: "revenue", goal: 1e200, input: "leads",
                        closestTarget: 1e12 * 0.15 * 0.33 * 2400, closestTolerance: 1e3),
    ]

    @Test(arguments: unreachable)
    func saysWhenNoValueReachesTheGoal(_ seek: UnreachableCase) throws {
        let model = try makeModel(seek.model)
        let outcome = GoalSeek.seek(in: model, target: seek.target, equals: seek.goal, by: seek.input,
                                    within: seek.bounds)
        guard case .failed(.unreachable(let closest, let closestTarget, let searched)) = outcome else {
            Issue.record("expected unreachable, got \(outcome)")
            return
        }
        #expect(abs(closestTarget - seek.closestTarget) <= seek.closestTolerance)
        // The closest input really gives that target value.
        let there = try evaluated(model, setting: seek.input, to: closest)
        #expect(there.value(of: seek.target).numeric == closestTarget)
        #expect(searched.contains(closest))
        if let bounds = seek.bounds { #expect(searched == bounds) }
    }

    @Test func searchesTenToTheTwelveWithoutBounds() throws {
        let model = try makeModel(["side = 3", "area = side ^ 2"])
        guard case .failed(.unreachable(_, _, let searched)) =
                GoalSeek.seek(in: model, target: "area", equals: -1, by: "side") else {
            Issue.record("expected unreachable")
            return
        }
        #expect(searched == -1e12 ... 1e12)
    }

    struct RefusalCase: Sendable, CustomTestStringConvertible {
        let target: String
        let input: String
        let failure: SeekFailure
        var testDescription: String { "\(target) by \(input) → \(failure)" }
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(target: "profit", input: "leads", failure: .unknownCell("profit")),
        RefusalCase(target: "revenue", input: "calls", failure: .unknownCell("calls")),
        RefusalCase(target: "revenue", input: "wins", failure: .inputNotLeadIndicator("wins")),
        RefusalCase(target: "opportunities", input: "deal", failure: .targetIndependentOfInput),
        RefusalCase(target: "budget", input: "leads", failure: .targetIndependentOfInput),
        RefusalCase(target: "ratio", input: "leads", failure: .targetIsError(.divisionByZero)),
    ]

    @Test(arguments: refusals)
    func refusesWhatCannotBeSought(_ refusal: RefusalCase) throws {
        let model = try makeModel(funnel + ["budget = $6000", "ratio = budget / (leads - leads)"])
        #expect(GoalSeek.seek(in: model, target: refusal.target, equals: 100, by: refusal.input)
                == .failed(refusal.failure))
    }

    struct LiteralCase: Sendable, CustomTestStringConvertible {
        let cell: String
        let value: Double
        let text: String
        var testDescription: String { "\(value) like \(cell) → \(text)" }
    }

    static let literals: [LiteralCase] = [
        LiteralCase(cell: "leads = 150", value: 420.5, text: "420.5"),
        LiteralCase(cell: "leads = 150", value: -3, text: "-3"),
        LiteralCase(cell: "leads = 150", value: 1e20, text: "100000000000000000000"),
        LiteralCase(cell: "leads = 150", value: 0.000_01, text: "0.00001"),
        LiteralCase(cell: "win_rate = 33%", value: 0.2137, text: "21.37%"),
        LiteralCase(cell: "win_rate = 33%", value: 0.07, text: "7%"),
        LiteralCase(cell: "win_rate = 33%", value: -0.25, text: "-25%"),
        LiteralCase(cell: "deal = $2400", value: 1234.56, text: "$1234.56"),
        LiteralCase(cell: "deal = $2400", value: -5, text: "-$5"),
    ]

    @Test(arguments: literals)
    func literalsKeepTheFormatAndReadBackExactly(_ literal: LiteralCase) throws {
        let cell = try #require(try makeModel([literal.cell]).cellsInOrder.first)
        let definition = GoalSeek.literal(literal.value, like: cell)
        #expect(definition.name == cell.name)
        #expect(definition.formula == literal.text)
        let reparsed = try Definition(name: cell.name, formula: definition.formula)
        let model = try Model(definitions: [reparsed])
        #expect(model.value(of: cell.name) == .number(literal.value))
        #expect(model.format(of: cell.name) == cell.format)
    }

    @Test(arguments: [0.123_456_789_012_345_67, 1.0 / 3.0, 0.07, 0.29, 0.57, 1.1, 2.0 / 3.0, 0.009_9])
    func percentLiteralsRoundTripEveryDouble(_ value: Double) throws {
        let cell = try #require(try makeModel(["rate = 5%"]).cellsInOrder.first)
        let definition = GoalSeek.literal(value, like: cell)
        let reread = try Model(definitions: [try Definition(name: "rate", formula: definition.formula)])
        #expect(reread.value(of: "rate") == .number(value))
        #expect(definition.formula.hasSuffix("%"))
    }
}
