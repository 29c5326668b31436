import Formula
import Testing
@testable import PlanEngine

/// A cell redefined gets a new program at the end of the model's arena: the old one must never
/// run again, and a long session of redefinitions must keep the arena within its bound while
/// every cell keeps its value and format through the compactions.
@Suite struct RedefinitionTests {
    static let lines = [
        "leads = 100 + 10 * t", "rate = 4%", "price = $12", "won = leads * rate", "revenue = won * price",
        "growth = prev(revenue, 0) + revenue", "alert = if(revenue > $60, 1, 0)", "share = won / leads",
        "revenue[2027-04] = $99",
    ]

    @Test func aRedefinedCellRunsItsNewFormula() throws {
        var model = try makeModel(["a = 1", "b = a * 2", "c = b + 1"])
        _ = try model.define(definition("b = a + 100"))
        _ = try model.define(definition("a = 5"))
        #expect(model.value(of: "b") == .number(105))
        #expect(model.value(of: "c") == .number(106))
    }

    @Test func manyRedefinitionsKeepTheArenaBoundedAndEveryCellsValueAndFormat() throws {
        var model = try makePlan("2027-01", "2027-06", Self.lines)
        let formulas = ["share = won / leads", "share = won / leads * 100%", "share = iferror(won / (leads - 100), $0)"]
        let definitions = { (step: Int) in [formulas[step % formulas.count], "rate = \(step % 5 + 1)%"] }
        for step in 0..<600 {
            for line in definitions(step) { _ = try model.define(planDefinition(line)) }
            let programs = model.store.programs
            #expect(programs.storedEntries <= 2 * programs.liveEntries + programs.count)
        }
        // The model as loaded with the last definitions in place of the first.
        let last = definitions(599)
        let lines = Self.lines.map { line in last.first { $0.prefix(while: { $0 != " " }) == line.prefix(while: { $0 != " " }) } ?? line }
        var fresh = try makePlan("2027-01", "2027-06", lines)
        try Self.expectSame(model, fresh)
        // The programs run again after the compactions: an edit upstream of every cell.
        _ = try model.define(planDefinition("leads = 200 + 5 * t"))
        _ = try fresh.define(planDefinition("leads = 200 + 5 * t"))
        try Self.expectSame(model, fresh)
    }

    private static func expectSame(_ model: Model, _ fresh: Model) throws {
        for name in fresh.names {
            #expect(model.values(of: name) == fresh.values(of: name), "\(name)")
            #expect(model.format(of: name) == fresh.format(of: name), "\(name)")
        }
    }
}
