import Formula
import Testing
@testable import PlanEngine

/// Several edits made as one report each cell once, from before the first to after the last.
@Suite("the changes of edits made as one")
struct CombinedChangeTests {
    @Test func eachCellOnceFromFirstOldToLastNewLeadIndicatorsFirst() throws {
        var model = try makeModel(["x = 1", "y = 2", "sum = x + y", "twice = sum * 2"])
        let first = try model.define(definition("x = 10"))
        let second = try model.define(definition("y = 20"))
        let combined = CellChange.combining([first, second])
        #expect(combined.map(\.name) == ["x", "y", "sum", "twice"])
        #expect(combined.map(\.old) == [.number(1), .number(2), .number(3), .number(6)])
        #expect(combined.map(\.new) == [.number(10), .number(20), .number(30), .number(60)])
    }

    @Test func aCellThatMovedAndCameBackIsLeftOut() throws {
        var model = try makeModel(["x = 1", "y = 2", "sum = x + y"])
        let first = try model.define(definition("x = 5"))
        let second = try model.define(definition("y = -2"))
        let combined = CellChange.combining([first, second])
        #expect(combined.map(\.name) == ["x", "y"])
        #expect(model.value(of: "sum") == .number(3))
    }

    @Test func aSeriesKeepsItsFirstOldValuesAndTheSpanOfPeriodsThatMoved() throws {
        var plan = try makePlan("2027-01", "2027-04", ["leads = 100", "wins = leads * 10%"])
        let first = try plan.define(planDefinition("leads[2027-02] = 200"))
        let second = try plan.define(planDefinition("leads[2027-04] = 300"))
        let wins = try #require(CellChange.combining([first, second]).first { $0.name == "wins" })
        #expect(wins.series?.old == [.number(10), .number(10), .number(10), .number(10)])
        #expect(wins.series?.new == [.number(10), .number(20), .number(10), .number(30)])
        #expect(wins.series?.periods == 1...3)
    }
}
