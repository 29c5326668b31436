import Formula
import PlanEngine
import Testing
@testable import ModelFile

/// `actual` lines in model files: loaded and saved byte for byte, every misuse located, and
/// actuals added later written in one block per cell, right after the cell's lines, by period.
@Suite struct ActualFileTests {
    static let plan = """
        periods = 2027-01 .. 2027-04
        leads = 100
        leads[2027-04] = 150
        actual leads[2027-02]=90     # CRM export
          actual   leads [2027-01] =  $95
        conversion = 10%
        opportunities = leads * conversion

        """

    private func period(_ text: String) throws -> Period { try Period.parse(text).get() }

    @Test func loadsAndSavesByteForByte() throws {
        let workbook = try Workbook.parse(Self.plan, path: "plan.model").get()
        #expect(workbook.render() == Self.plan)
        #expect(workbook.model.values(of: "opportunities").compactMap(\.numeric) == [9.5, 9, 10, 15])
        #expect(workbook.model.actuals.map(\.value) == [95, 90])
        #expect(workbook.model.plan.values(of: "opportunities").compactMap(\.numeric) == [10, 10, 10, 15])
    }

    @Test func newActualsGoInTheCellsBlockByPeriodAndReplaceInPlace() throws {
        var workbook = try Workbook.parse(Self.plan, path: "plan.model").get()
        try workbook.setActuals([
            ActualChange(name: "leads", period: try period("2027-03"), value: 120),
            ActualChange(name: "leads", period: try period("2027-02"), value: 91),
            ActualChange(name: "conversion", period: try period("2027-01"), value: 0.125),
            ActualChange(name: "opportunities", period: try period("2027-02"), value: 12),
        ])
        #expect(workbook.render() == """
            periods = 2027-01 .. 2027-04
            leads = 100
            leads[2027-04] = 150
            actual leads[2027-02]=91     # CRM export
              actual   leads [2027-01] =  $95
            actual leads[2027-03] = 120
            conversion = 10%
            actual conversion[2027-01] = 12.5%
            opportunities = leads * conversion
            actual opportunities[2027-02] = 12

            """)
        try workbook.setActuals([ActualChange(name: "leads", period: try period("2027-03"), value: nil)])
        #expect(!workbook.render().contains("leads[2027-03]"))
    }

    @Test(arguments: [
        ("actual leads[2028-01] = 3\n", "bad.model:3:14: error: 2028-01 is outside the plan (2027-01 .. 2027-04)"),
        ("actual lead[2027-01] = 3\n",
         "bad.model:3:8: error: actual lead[2027-01] is for 'lead', which the model does not define"),
        ("actual leads[2027-01] = 1\nactual leads[2027-01] = 2\n",
         "bad.model:4:8: error: actual leads[2027-01] is already recorded on line 3"),
        ("actual leads[2027-01] = many\n", "bad.model:3:25: error: an actual is a number, as in actual leads[2027-01] = 95"),
        ("[scenario s]\nactual leads[2027-01] = 1\n",
         "bad.model:4:8: error: actuals belong in the base model, not in [scenario s]"),
    ])
    func misuseIsLocated(extra: String, message: String) {
        let text = "periods = 2027-01 .. 2027-04\nleads = 100\n" + extra
        guard case .failure(let failure) = Workbook.parse(text, path: "bad.model") else {
            Issue.record("loaded: \(text)")
            return
        }
        #expect(failure.messages.first?.hasPrefix(message) == true, "\(failure.messages)")
    }

    @Test func anActualNeedsAPeriodsLine() {
        guard case .failure(let failure) = Workbook.parse("leads = 1\nactual leads[2027-01] = 2\n", path: "one.model") else {
            Issue.record("loaded")
            return
        }
        #expect(failure.messages.first?.hasPrefix(
            "one.model:2:14: error: actual leads[2027-01] needs a periods line (periods = 2027-01 .. 2027-12)") == true)
    }
}
