import Formula
import Testing
@testable import PlanEngine

/// A model written top-down is evaluated in file order at load, with no sort; one that uses a
/// cell before its line, or defines a name twice, takes the sort, and both give the same values.
@Suite("the order a model is evaluated in at load")
struct LoadOrderTests {
    @Test func aTopDownModelIsInOrderAlready() throws {
        let model = try makeModel(["a = 2", "b = a * 3", "c = b + a + missing"])
        #expect(TopologicalSort.isSorted(model.store.order, graph: model.graph) { model.store.isDefined($0) })
        #expect(number(model.value(of: "b")) == 6)
        #expect(model.value(of: "c") == .error(.name))
        #expect(model.evaluationCount == 3)
    }

    @Test func aCellUsedBeforeItsLineIsNotInOrderAndStillLoads() throws {
        let model = try makeModel(["c = b + 1", "b = a * 3", "a = 2"])
        #expect(!TopologicalSort.isSorted(model.store.order, graph: model.graph) { model.store.isDefined($0) })
        #expect(number(model.value(of: "c")) == 7)
        #expect(number(model.value(of: "b")) == 6)
        #expect(model.evaluationCount == 3)
    }

    @Test func anIdGivenTwiceIsNotInOrder() throws {
        let model = try makeModel(["a = 2", "b = a * 3"])
        let ids = model.store.order
        #expect(!TopologicalSort.isSorted(ids + [ids[0]], graph: model.graph) { model.store.isDefined($0) })
    }

    @Test func aCycleWrittenAfterItsCellsIsStillFound() {
        #expect(throws: LoadError(cycles: [["a", "b", "a"]])) { try makeModel(["a = b + 1", "b = a * 2"]) }
    }
}
