import Formula
import ModelFile
import PlanEngine
import Testing
@testable import Tracking

/// `:calibrate` reads the plan backwards: the lead indicator value that reproduces each actual,
/// checked against values solved by hand, and the cells it cannot calibrate explained.
@Suite struct CalibrationTests {
    static let text = """
        periods = 2027-01 .. 2027-04
        leads = 100
        conversion = 15%
        win_rate = 50%
        deal_value = $1000
        opportunities = leads * conversion
        wins = opportunities * win_rate ^ 2
        revenue = wins * deal_value

        """

    private func model(_ actuals: [(String, String, Double)]) throws -> Model {
        var model = try Workbook.parse(Self.text, path: "plan.model").get().model
        try model.setActuals(try actuals.map { ActualChange(name: $0.0, period: try Period.parse($0.1).get(), value: $0.2) })
        return model
    }

    private func implied(_ finding: Calibration.Finding?) -> (input: String, plan: Double, perPeriod: [Double])? {
        guard case .implied(_, let input, let plan, _, let perPeriod, _) = finding else { return nil }
        return (input, plan, perPeriod)
    }

    @Test func aLinearFormulaImpliesTheRateThatGivesTheActual() throws {
        let model = try model([("leads", "2027-01", 120), ("leads", "2027-02", 80),
                               ("opportunities", "2027-01", 12), ("opportunities", "2027-02", 12)])
        let calibration = Calibration(model)
        let found = try #require(implied(calibration.findings.first))
        #expect(found.input == "conversion")
        #expect(found.plan == 0.15)
        // 12 / 120 = 10%, 12 / 80 = 15%.
        #expect(zip(found.perPeriod, [0.10, 0.15]).allSatisfy { abs($0 - $1) < 1e-9 })
        guard case .implied(_, _, _, let average, _, let periods) = calibration.findings.first else { return }
        #expect(abs(average - 0.125) < 1e-9)
        #expect(periods == 0...1)
        #expect(calibration.withoutActuals == ["wins", "revenue"])
    }

    @Test func aNonLinearFormulaIsSolvedAsGoalSeekDoes() throws {
        // wins = opportunities × win_rate²: with 20 opportunities, 5 wins need win_rate = √(5/20) = 50%,
        // and 3.2 wins √(3.2/20) = 40%.
        let model = try model([("opportunities", "2027-01", 20), ("wins", "2027-01", 5),
                               ("opportunities", "2027-02", 20), ("wins", "2027-02", 3.2)])
        let findings = Calibration(model).findings
        #expect(findings.first == .severalUnknowns(cell: "opportunities", inputs: ["conversion", "leads"]))
        let found = try #require(implied(findings.dropFirst().first))
        #expect(found.input == "win_rate")
        #expect(zip(found.perPeriod, [0.5, 0.4]).allSatisfy { abs($0 - $1) < 1e-7 })
    }

    @Test func severalUnknownInputsAreExplainedNotGuessed() throws {
        let model = try model([("revenue", "2027-01", 5000)])
        #expect(Calibration(model).findings == [
            .severalUnknowns(cell: "revenue", inputs: ["conversion", "deal_value", "leads", "win_rate"]),
        ])
    }

    @Test func aLeadIndicatorWithItsOwnActualsIsKnownThere() throws {
        let model = try model([("conversion", "2027-01", 0.1), ("leads", "2027-01", 100), ("opportunities", "2027-01", 9)])
        #expect(Calibration(model).findings == [.allInputsKnown(cell: "opportunities")])
    }
}
