import Formula
import Testing
@testable import PlanEngine

@Suite("recompute only what depends on an edit")
struct RecomputeTests {
    @Test func editEvaluatesOnlyItsDependents() throws {
        var model = try makeModel([
            "a = 1", "b = a + 1", "c = b * 2", "unrelated = 5", "also_unrelated = unrelated * 3",
        ])
        let before = model.evaluationCount
        let changes = try model.define(definition("a = 2"))
        #expect(model.evaluationCount - before == 3)
        #expect(changes.map(\.name) == ["a", "b", "c"])
        #expect(changes.map(\.old) == [.number(1), .number(2), .number(4)])
        #expect(changes.map(\.new) == [.number(2), .number(3), .number(6)])
    }

    @Test func recomputeStopsWhereAValueComesOutUnchanged() throws {
        var model = try makeModel(["a = 1", "b = a * 0", "c = b + 1", "d = c + 1"])
        let before = model.evaluationCount
        let changes = try model.define(definition("a = 7"))
        #expect(model.evaluationCount - before == 2)
        #expect(changes.map(\.name) == ["a"])
        #expect(model.value(of: "d") == .number(2))
    }

    @Test func diamondEvaluatesEachCellOnceInDependencyOrder() throws {
        var model = try makeModel(["top = 1", "left = top + 1", "right = top * 10", "bottom = left + right"])
        let before = model.evaluationCount
        let changes = try model.define(definition("top = 2"))
        #expect(model.evaluationCount - before == 4)
        #expect(changes.last?.name == "bottom")
        #expect(model.value(of: "bottom") == .number(23))
    }

    @Test func redefiningWithTheSameValueReportsNothing() throws {
        var model = try makeModel(["a = 1", "b = a + 1"])
        let changes = try model.define(definition("a = 0.5 + 0.5"))
        #expect(changes.isEmpty)
        #expect(model["a"]?.formula == "0.5 + 0.5")
    }

    @Test func newCellIsReportedWithoutAnOldValue() throws {
        var model = try makeModel(["a = 1"])
        let changes = try model.define(definition("b = a + 1"))
        #expect(changes == [CellChange(name: "b", old: nil, new: .number(2), format: .number, isLeadIndicator: false)])
        #expect(model.names == ["a", "b"])
    }

    @Test func batchAppliesAllEditsWithOneRecompute() throws {
        var model = try makeModel(["x = 1", "y = 2", "sum = x + y"])
        let before = model.evaluationCount
        try model.define(all: [definition("x = 10"), definition("y = 20")])
        #expect(model.value(of: "sum") == .number(30))
        #expect(model.evaluationCount - before == 3)
    }

    @Test func twoHundredThousandCellChainLoadsAndRecomputes() throws {
        let count = 200_000
        var definitions = [try Definition(name: "c0", formula: "1")]
        definitions.reserveCapacity(count)
        for index in 1..<count {
            definitions.append(try Definition(name: "c\(index)", formula: "c\(index - 1) + 1"))
        }
        var model = try Model(definitions: definitions)
        #expect(model.value(of: "c\(count - 1)") == .number(Double(count)))
        try model.define(definition("c0 = 101"))
        #expect(model.value(of: "c\(count - 1)") == .number(Double(count + 100)))
    }
}
