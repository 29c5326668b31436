import Formula
import ModelFile
import PlanEngine
import Testing
@testable import Tracking

/// Reading actuals from CSV as spreadsheets export it, all or nothing, and the variance they give.
@Suite struct ActualsFileTests {
    static let text = """
        periods = 2027-01 .. 2027-03
        leads = 100
        conversion = 10%
        deal_value = $2000
        opportunities = leads * conversion
        revenue = opportunities * deal_value

        """

    private func model() throws -> Model { try Workbook.parse(Self.text, path: "plan.model").get().model }

    @Test(arguments: [
        ("2400", 2400.0), ("\"$2,400\"", 2400), ("12.5%", 0.125), ("-€5", -5), ("(1,200)", -1200),
        ("1,234,567.5", 1_234_567.5), ("1e3", 1000), (" 7 ", 7), ("$-3", -3),
    ])
    func spreadsheetNumbers(text: String, value: Double) {
        let unquoted = text.hasPrefix("\"") ? String(text.dropFirst().dropLast()) : text
        #expect(SpreadsheetNumber.parse(unquoted) == value)
    }

    @Test(arguments: ["1,2", "12,34", "inf", "nan", "0x10", "", "12.5.3", "abc", "$", "1,234,56"])
    func notNumbers(text: String) {
        #expect(SpreadsheetNumber.parse(text) == nil)
    }

    @Test func aSpreadsheetExportWithBOMQuotesCurrencyPercentThousandsAndCRLF() throws {
        let csv = "\u{FEFF}\"Name\",\"Period\",\"Value\"\r\nleads,2027-01,\"1,100\"\r\n\"conversion\",2027-01,12.5%\r\n"
            + "deal_value,\"2027-02\",\"$2,400.50\"\r\n\r\nrevenue,2027-03,\"$30,000\"\r\n"
        let changes = try ActualsFile.read(csv, path: "q1.csv", for: try model()).get()
        #expect(changes == [
            ActualChange(name: "leads", period: try Period.parse("2027-01").get(), value: 1100),
            ActualChange(name: "conversion", period: try Period.parse("2027-01").get(), value: 0.125),
            ActualChange(name: "deal_value", period: try Period.parse("2027-02").get(), value: 2400.5),
            ActualChange(name: "revenue", period: try Period.parse("2027-03").get(), value: 30000),
        ])
    }

    @Test func everyBadRowIsReportedAtOnceWithItsLine() throws {
        let csv = """
            name,period,value
            leads,2027-01,95
            lead,2027-01,95
            leads,2028-01,95
            leads,2027-13,95
            leads,2027-02,ninety
            leads,2027-02
            leads,2027-03,
            "opportunities","2027-01","1
            2"
            leads,2027-01,96
            opportunities,2027-02,1,2
            """
        guard case .failure(let failure) = ActualsFile.read(csv, path: "q1.csv", for: try model()) else {
            Issue.record("a file with bad rows was read")
            return
        }
        #expect(failure.messages == [
            "q1.csv:3: error: no cell named 'lead' (did you mean leads?)",
            "q1.csv:4: error: 2028-01 is outside the plan (2027-01 .. 2027-03)",
            "q1.csv:5: error: " + periodError("2027-13"),
            "q1.csv:6: error: 'ninety' is not a number (leads in 2027-02)",
            "q1.csv:7: error: expected 3 fields (name,period,value), found 2",
            "q1.csv:8: error: leads in 2027-03 has no value",
            "q1.csv:9: error: '1^J2' is not a number (opportunities in 2027-01)",
            "q1.csv:11: error: leads in 2027-01 is already given on line 2",
            "q1.csv:12: error: expected 3 fields (name,period,value), found 4",
        ])
    }

    private func periodError(_ text: String) -> String {
        if case .failure(let error) = Period.parse(text) { return error.description }
        return "(\(text) is a period)"
    }

    @Test func varianceComparesActualsWithThePlanBeforeThemLeadIndicatorsFirst() throws {
        var model = try model()
        let january = try Period.parse("2027-01").get()
        let february = try Period.parse("2027-02").get()
        try model.setActuals([
            ActualChange(name: "revenue", period: january, value: 15000),
            ActualChange(name: "leads", period: january, value: 90),
            ActualChange(name: "leads", period: february, value: 110),
            ActualChange(name: "conversion", period: january, value: 0.08),
            ActualChange(name: "conversion", period: february, value: 0.12),
        ])
        let report = Variance.report(model).variances
        #expect(report.map(\.name) == ["leads", "conversion", "revenue"])
        let leads = report[0]
        #expect(leads.periods.map(\.plan) == [100, 100])
        #expect(leads.periods.map(\.actual) == [90, 110])
        #expect(leads.periods.map(\.difference) == [-10, 10])
        #expect(leads.periods.map(\.percent) == [-0.1, 0.1])
        #expect(leads.yearToDate == Variance.Entry(label: "YTD total", plan: 200, actual: 200))
        let conversion = report[1]
        #expect(conversion.yearToDate.label == "YTD average")
        #expect(abs(conversion.yearToDate.actual - 0.1) < 1e-12)
        // The plan of revenue is 100 × 10% × $2000 = $20,000, whatever the actual leads were.
        let revenue = report[2]
        #expect(revenue.periods == [Variance.Entry(label: "2027-01", plan: 20000, actual: 15000)])
        #expect(revenue.periods[0].percent == -0.25)
    }
}
