import Formula
import PlanEngine
import Testing
import WhatIf

@Suite struct GoalStatusTests {
    static func goal(_ lhs: String, _ comparison: BinaryOperator, _ rhs: String) throws -> Goal {
        Goal(comparison: comparison, lhs: try expression(lhs), rhs: try expression(rhs),
             range: SourceRange(start: 0, end: 0))
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        let lhs: String
        let comparison: BinaryOperator
        let rhs: String
        let state: GoalStatus.State
        let gap: Double?
        var testDescription: String { "\(lhs) \(comparison.rawValue) \(rhs)" }
    }

    // revenue is 150 × 15% × 33% × $2400 = $17,820.
    static let statuses: [StatusCase] = [
        StatusCase(lhs: "revenue", comparison: .greaterEqual, rhs: "50k", state: .missed, gap: 50_000 - 17_820),
        StatusCase(lhs: "revenue", comparison: .greaterEqual, rhs: "10k", state: .met, gap: 10_000 - 17_820),
        StatusCase(lhs: "revenue", comparison: .greater, rhs: "17820", state: .missed, gap: 0),
        StatusCase(lhs: "revenue", comparison: .lessEqual, rhs: "15k", state: .missed, gap: 15_000 - 17_820),
        StatusCase(lhs: "revenue", comparison: .less, rhs: "20k", state: .met, gap: 20_000 - 17_820),
        // Compared to 15 significant digits, as the engine does.
        StatusCase(lhs: "0.1 + 0.2", comparison: .equal, rhs: "0.3", state: .met, gap: 0.3 - (0.1 + 0.2)),
        StatusCase(lhs: "leads", comparison: .notEqual, rhs: "150", state: .missed, gap: nil),
        StatusCase(lhs: "wins / (leads - 150)", comparison: .greaterEqual, rhs: "1", state: .error(.divisionByZero), gap: nil),
        StatusCase(lhs: "revenue", comparison: .greaterEqual, rhs: "budget", state: .error(.name), gap: nil),
    ]

    @Test(arguments: statuses)
    func reportsValueTargetStateAndGap(_ statusCase: StatusCase) throws {
        let model = try makeModel(funnel)
        let goal = try Self.goal(statusCase.lhs, statusCase.comparison, statusCase.rhs)
        let status = GoalStatus(goal, in: model)
        #expect(status.state == statusCase.state)
        #expect(status.current == model.evaluate(goal.lhs))
        #expect(status.target == model.evaluate(goal.rhs))
        if let expected = statusCase.gap, let gap = status.gap {
            #expect(abs(gap - expected) <= 1e-9 * max(abs(expected), 1))
        } else {
            #expect(status.gap == statusCase.gap)
        }
        #expect(status.isMet == (statusCase.state == .met))
    }

    @Test func theGapHasTheFormatOfTheLeftSide() throws {
        let model = try makeModel(funnel)
        #expect(GoalStatus(try Self.goal("revenue", .greaterEqual, "50k"), in: model).format == .currency(.dollar))
        #expect(GoalStatus(try Self.goal("win_rate", .greaterEqual, "40%"), in: model).format == .percent)
    }
}
