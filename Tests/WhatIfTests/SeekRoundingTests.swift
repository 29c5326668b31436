import Formula
import PlanEngine
import Testing
@testable import WhatIf

/// What a goal seek writes into the file: the shortest decimal that meets the goal to 15 digits,
/// or with `whole`, a whole number at which the target is at least the goal.
@Suite("Goal seek answers as a planner would type them")
struct SeekRoundingTests {
    static let names = ["names = 2000", "opportunities = names * 3.6%"]

    @Test("the answer is the shortest decimal that still meets the goal to 15 significant digits")
    func shortestDecimal() throws {
        let model = try makeModel(Self.names)
        guard case .found(let value, let reached, _) = GoalSeek.seek(in: model, target: "opportunities", equals: 20, by: "names")
        else { Issue.record("no answer"); return }
        #expect(DecimalDigits(value)?.literalText == "555.555555555556")
        #expect(reached.numeric?.atSpreadsheetPrecision == 20)
        // One digit fewer no longer meets it: the answer is the shortest.
        let shorter = try #require(DecimalDigits(value)?.rounded(significantDigits: 14).double)
        let there = try evaluated(model, setting: "names", to: shorter)
        #expect(there.value(of: "opportunities").numeric?.atSpreadsheetPrecision != 20)
    }

    @Test("an exact answer is written with its few digits", arguments: [
        (["side = 3", "area = side ^ 2"], "area", 49.0, "side", 7.0),
        (["leads = 120", "revenue = leads * 118.8"], "revenue", 59_400.0, "leads", 500.0),
    ])
    func exactAnswer(model lines: [String], target: String, goal: Double, input: String, expected: Double) throws {
        let model = try makeModel(lines)
        let outcome = GoalSeek.seek(in: model, target: target, equals: goal, by: input, within: 0...1000)
        guard case .found(let value, _, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(value == expected)
    }

    @Test("whole rounds to the whole number at which the target is at least the goal, up or down", arguments: [
        // 555.56 names: 556 reaches 20 opportunities, 555 does not.
        (names, "opportunities", 20.0, "names", 556.0, 20.016),
        // The target falls as the input rises: 71.43 → 71, where 503 buyers are at least 500.
        (["price = 10", "buyers = 1000 - price * 7"], "buyers", 500.0, "price", 71.0, 503.0),
    ])
    func whole(model lines: [String], target: String, goal: Double, input: String, expected: Double, reached: Double) throws {
        let model = try makeModel(lines)
        let outcome = GoalSeek.seek(in: model, target: target, equals: goal, by: input, rounding: .whole)
        guard case .found(let value, let targetValue, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(value == expected)
        #expect(targetValue.numeric?.atSpreadsheetPrecision == reached)
    }
}
