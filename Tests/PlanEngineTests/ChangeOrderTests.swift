import Formula
import Testing
@testable import PlanEngine

/// The changes of an edit read in file order however the cells came to stand where they do:
/// added in the middle, deleted and put back, renamed.
@Suite("the changes of an edit read in file order")
struct ChangeOrderTests {
    @Test func aCellAddedInTheMiddleIsListedWhereItStands() throws {
        var model = try makeModel(["a = 1", "c = a * 3", "d = c + b"])
        try model.define(definition("b = a * 2"), at: 1)
        let changes = try model.define(definition("a = 2"))
        #expect(model.names == ["a", "b", "c", "d"])
        #expect(changes.map(\.name) == ["a", "b", "c", "d"])
        #expect(changes.map(\.new) == [.number(2), .number(4), .number(6), .number(10)])
    }

    @Test func aCellDeletedAndPutBackIsListedInItsOldPlace() throws {
        var model = try makeModel(["a = 1", "b = a + 1", "c = a + 2", "d = b + c"])
        try model.delete("b")
        try model.define(definition("b = a + 1"), at: 1)
        let changes = try model.define(definition("a = 5"))
        #expect(changes.map(\.name) == ["a", "b", "c", "d"])
        #expect(changes.map(\.old) == [.number(1), .number(2), .number(3), .number(5)])
    }

    @Test func aRenamedCellKeepsItsPlaceAndTheEditedCellComesFirst() throws {
        var model = try makeModel(["total = x + y", "x = 1", "y = x * 2"])
        try model.rename("y", to: "twice")
        let changes = try model.define(definition("x = 3"))
        #expect(model.names == ["total", "x", "twice"])
        #expect(changes.map(\.name) == ["x", "total", "twice"])
        #expect(changes.map(\.new) == [.number(3), .number(9), .number(6)])
    }

    @Test func aChangeMadeByHandReadsBackWhatItWasGiven() {
        let series = SeriesChange(old: [.number(1), .number(2)], new: [.number(1), .number(5)], periods: 1...1)
        let change = CellChange(
            name: "mrr", old: .number(2), new: .number(5), format: .currency(.dollar), oldFormat: .number,
            isLeadIndicator: false, series: series, isStock: true)
        #expect(change.name == "mrr")
        #expect(change.old == .number(2) && change.new == .number(5))
        #expect(change.format == .currency(.dollar) && change.oldFormat == .number)
        #expect(!change.isLeadIndicator && change.isStock)
        #expect(change.series == series)
        #expect(change.series?.old == [.number(1), .number(2)] && change.series?.new == [.number(1), .number(5)])
        #expect(change != CellChange(name: "mrr", old: .number(2), new: .number(5), format: .currency(.dollar),
                                     oldFormat: .number, isLeadIndicator: false, isStock: true))
    }
}
