@testable import Formula
import Testing

/// Periods and timelines: labels, ISO weeks, the month of each period and where years start.
@Suite struct PeriodTests {
    private func timeline(_ first: String, _ last: String) throws -> Timeline {
        try Timeline(from: Period.parse(first).get(), to: Period.parse(last).get())
    }

    @Test func monthsCrossAYear() throws {
        let plan = try timeline("2027-11", "2028-02")
        #expect(plan.periods.map(\.description) == ["2027-11", "2027-12", "2028-01", "2028-02"])
        #expect(plan.months == [11, 12, 1, 2])
        #expect(plan.yearStarts == [0, 0, 2, 2])
    }

    @Test func quartersStartTheirMonthsAndYears() throws {
        let plan = try timeline("2027-Q3", "2028-Q2")
        #expect(plan.periods.map(\.description) == ["2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2"])
        #expect(plan.months == [7, 10, 1, 4])
        #expect(plan.yearStarts == [0, 0, 2, 2])
    }

    /// 2026 starts on a Thursday, so it has 53 ISO weeks; week 1 of 2027 holds 7 January.
    @Test func isoWeeksCountFiftyThreeInSomeYears() throws {
        #expect(Period.isoWeeks(in: 2026) == 53)
        #expect(Period.isoWeeks(in: 2027) == 52)
        #expect(Period.isoWeeks(in: 2020) == 53)
        let plan = try timeline("2026-W52", "2027-W02")
        #expect(plan.periods.map(\.description) == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
        #expect(plan.months == [12, 12, 1, 1])
        #expect(plan.yearStarts == [0, 0, 2, 2])
    }

    @Test func yearsAreTheirOwnYear() throws {
        let plan = try timeline("2027", "2030")
        #expect(plan.count == 4)
        #expect(plan.yearStarts == [0, 1, 2, 3])
        #expect(plan.index(of: try Period.parse("2029").get()) == 2)
        #expect(plan.index(of: try Period.parse("2031").get()) == nil)
    }

    @Test func aThousandPeriodsAtMost() throws {
        #expect(try timeline("2027-W01", "2046-W09").count <= Timeline.maximumCount)
        #expect(throws: PeriodError.tooMany(1001)) { try self.timeline("2000-01", "2083-05") }
        #expect(throws: PeriodError.backwards(try Period.parse("2027-02").get(), try Period.parse("2027-01").get())) {
            try self.timeline("2027-02", "2027-01")
        }
    }
}
