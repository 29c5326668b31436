import Foundation
import Formula
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
        Expectation(file: "msp-bottoms-up.model", scenario: nil, values: [
            "opportunities": 18, "wins": 5.94, "revenue": 14_256, "annual_value": 171_072,
        ]),
        Expectation(file: "msp-bottoms-up.model", scenario: "optimistic", values: ["revenue": 23_040]),
        Expectation(file: "msp-bottoms-up.model", scenario: "pessimistic", values: ["revenue": 7_200]),
        // Ranges count at their means: 120 × 14.46% × 31.95% × $2400.
        Expectation(file: "msp-uncertain.model", scenario: nil, values: [
            "conversion": 0.14459567464579712, "win_rate": 0.3194717300022392, "revenue": 13_303.938335020912,
        ]),
        Expectation(file: "msp-uncertain.model", scenario: "better_qualification", values: ["revenue": 16_827.712802697726]),
        Expectation(file: "lead-funnel.model", scenario: nil, values: [
            "in_profile": 1_000, "mql": 300, "sal": 180, "sql": 90, "opportunities": 72, "funnel_yield": 0.036,
        ]),
        Expectation(file: "lead-funnel.model", scenario: "better_targeting", values: ["opportunities": 86.4]),
        Expectation(file: "inside-sales.model", scenario: nil, values: [
            "five_minute_calls": 480, "qualified_leads": 120, "opportunities": 36, "calls_per_opportunity": 40.0 / 3,
        ]),
        Expectation(file: "inside-sales.model", scenario: "fourth_rep", values: ["opportunities": 48]),
        Expectation(file: "make-or-break.model", scenario: nil, values: [
            "net_promoters": 80, "referrals": 4, "annual_referrals": 48, "referral_wins": 2,
        ]),
        Expectation(file: "make-or-break.model", scenario: "year_end_target", values: [
            "referrals": 5, "annual_referrals": 60,
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
