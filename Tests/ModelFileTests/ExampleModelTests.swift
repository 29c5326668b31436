import Foundation
import Formula
import PlanEngine
import Testing
@testable import ModelFile

/// The shipped example models load and compute what their comments promise.
@Suite("example models in models/")
struct ExampleModelTests {
    static let modelsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models")

    struct Expectation: Sendable, CustomStringConvertible {
        let file: String
        let scenario: String?
        let values: [String: Double]
        var description: String { file + (scenario.map { " [\($0)]" } ?? "") }
    }

    static let expectations: [Expectation] = [
        Expectation(file: "msp-one-month.model", scenario: nil, values: [
            "opportunities": 18, "wins": 5.94, "revenue": 14_256, "annual_value": 171_072,
        ]),
        Expectation(file: "msp-one-month.model", scenario: "optimistic", values: ["revenue": 23_040]),
        Expectation(file: "msp-one-month.model", scenario: "pessimistic", values: ["revenue": 7_200]),
        // Ranges count at their means: 120 × 14.46% × 31.95% × $2400.
        Expectation(file: "msp-uncertain.model", scenario: nil, values: [
            "conversion": 0.14459567464579712, "win_rate": 0.3194717300022392, "new_mrr": 13_303.938335020912,
        ]),
        Expectation(file: "msp-uncertain.model", scenario: "better_qualification", values: ["new_mrr": 16_827.712802697726]),
        Expectation(file: "lead-funnel.model", scenario: nil, values: [
            "in_profile": 1_000, "mql": 300, "sal": 180, "sql": 90, "opportunities": 72, "funnel_yield": 0.036,
        ]),
        Expectation(file: "lead-funnel.model", scenario: "better_targeting", values: ["opportunities": 86.4]),
        Expectation(file: "inside-sales.model", scenario: nil, values: [
            "five_minute_calls": 480, "qualified_leads": 120, "opportunities": 36, "calls_per_opportunity": 40.0 / 3,
        ]),
        Expectation(file: "inside-sales.model", scenario: "fourth_rep", values: ["opportunities": 48]),
        // Plans over time: a value of a series is its first month; totals by hand:
        // Σ (200 + 5t)(40 + t) over t = 0…11 is 124,930, so 124,930 / 100 × 5% referrals a year.
        Expectation(file: "make-or-break.model", scenario: nil, values: [
            "net_promoters": 80, "referrals": 4, "annual_referrals": 62.465, "worst_month": 4, "referral_wins": 2,
        ]),
        Expectation(file: "make-or-break.model", scenario: "better_service", values: [
            "referrals": 5, "annual_referrals": 76.115, "worst_month": 5,
        ]),
        // With the first quarter's actuals: January bills 5 actual wins × $2400; the year is
        // 5 + 5 + 8 wins, then the plan's 120 × 1.05^t × 15% × 33% from April.
        Expectation(file: "msp-bottoms-up.model", scenario: nil, values: [
            "mrr": 12_000, "annual_revenue": 1_233_354.64832256, "annual_wins": 93.821881531429,
        ]),
    ]

    @Test(arguments: expectations)
    func modelComputesItsKeyValues(expectation: Expectation) throws {
        let path = Self.modelsFolder.appendingPathComponent(expectation.file).path
        let workbook = try Workbook.load(path: path).get()
        #expect(workbook.warnings.isEmpty)
        let model = try expectation.scenario.map { try workbook.model(applying: $0) } ?? workbook.model
        for (name, expected) in expectation.values {
            guard case .number(let actual) = model.value(of: name) else {
                Issue.record("\(name) is \(model.value(of: name))")
                continue
            }
            #expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)), "\(name)")
        }
    }

    /// Recurring revenue carries forward: each month keeps 98% of the month before and adds what was
    /// won. In the first quarter what was won is the actual wins (5, 5, 8); the plan without them
    /// still has the trade show's 200 leads in March.
    @Test func theTwelveMonthPlanCarriesRevenueForward() throws {
        let path = Self.modelsFolder.appendingPathComponent("msp-bottoms-up.model").path
        let model = try Workbook.load(path: path).get().model
        #expect(model.timeline.count == 12)
        let mrr = model.values(of: "mrr").compactMap(\.numeric)
        let newMRR = model.values(of: "new_mrr").compactMap(\.numeric)
        #expect(mrr.count == 12 && newMRR.count == 12)
        let actualWins: [Double] = [5, 5, 8]
        #expect(Array(newMRR.prefix(3)) == actualWins.map { $0 * 2400 })
        #expect(abs(newMRR[3] - 120 * pow(1.05, 3) * 0.15 * 0.33 * 2400) < 1e-9)
        #expect(abs(mrr[1] - (12_000 * 0.98 + newMRR[1])) < 1e-9)
        for month in 1..<12 { #expect(abs(mrr[month] - (mrr[month - 1] * 0.98 + newMRR[month])) < 1e-6) }
        let plan = model.plan.values(of: "new_mrr").compactMap(\.numeric)
        let planWins = [120 * 0.15 * 0.33, 200 * 0.15 * 0.33]
        #expect([plan[0], plan[2]] == planWins.map { $0 * 2400 })
        #expect(plan[3...] == newMRR[3...])
    }

    /// The uncertain plan is the bottoms-up plan with its two rates as ranges: the same periods,
    /// cells, formulas and overrides otherwise, and an annual and a monthly goal.
    @Test func theUncertainPlanIsTheBottomsUpPlanWithRanges() throws {
        let load = { (file: String) in try Workbook.load(path: Self.modelsFolder.appendingPathComponent(file).path).get() }
        let plan = try load("msp-bottoms-up.model")
        let uncertain = try load("msp-uncertain.model")
        #expect(uncertain.model.timeline == plan.model.timeline)
        #expect(uncertain.model.names == plan.model.names)
        for cell in plan.model.cellsInOrder {
            let other = try #require(uncertain.model[cell.name])
            if ["conversion", "win_rate"].contains(cell.name) {
                #expect(other.formula.contains(" to "), "\(cell.name) = \(other.formula)")
            } else {
                #expect(other.formula == cell.formula && other.overrides.map { $0.targetText + " = " + $0.formula } == cell.overrides.map { $0.targetText + " = " + $0.formula },
                        "\(cell.name)")
            }
        }
        let goals = uncertain.goals.map { uncertain.model.evaluateSeries(.binary($0.goal.comparison, $0.goal.lhs, $0.goal.rhs, $0.goal.range)).count }
        #expect(goals.sorted() == [1, 12], "one annual goal, one monthly")
    }

    @Test func everyExampleModelHasGoalsAndIsByteIdenticalWhenSaved() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.modelsFolder.path)
            .filter { $0.hasSuffix(".model") }
        #expect(files.count >= 4)
        for file in files {
            let path = Self.modelsFolder.appendingPathComponent(file).path
            let workbook = try Workbook.load(path: path).get()
            #expect(!workbook.goals.isEmpty, "\(file) has no goal")
            #expect(workbook.render() == (try String(contentsOfFile: path, encoding: .utf8)))
        }
    }
}
