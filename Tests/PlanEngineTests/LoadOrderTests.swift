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

    /// A top-down model without periods is run in one pass of the machine; the same cells written
    /// bottom-up take the sort and a run per cell, with the same values, formats and work.
    @Test func aTopDownModelRunsInOnePassWithTheSameResults() throws {
        let lines = ["price = $20", "units = 3", "revenue = price * units", "share = 25%", "cut = revenue * share",
                     "flag = if(cut > 10, cut, 0)", "gone = flag / 0"]
        let topDown = try makeModel(lines)
        let bottomUp = try makeModel(lines.reversed())
        #expect(number(topDown.value(of: "revenue")) == 60)
        #expect(number(topDown.value(of: "flag")) == 15)
        #expect(topDown.value(of: "gone") == .error(.divisionByZero))
        #expect(topDown.format(of: "revenue") == topDown.format(of: "price"))
        #expect(topDown.format(of: "share") == .percent)
        for name in lines.map({ String($0.prefix { $0 != " " }) }) {
            #expect(topDown.value(of: name) == bottomUp.value(of: name))
            #expect(topDown.format(of: name) == bottomUp.format(of: name))
        }
        #expect(topDown.evaluationCount == 7)
        #expect(topDown.periodEvaluationCount == 7)
        #expect(topDown.evaluationSteps == bottomUp.evaluationSteps)
    }

    /// An override is told from a cell's own formula without unboxing its periods, set aside while
    /// the cells load and put on its cell after; a plan with periods is evaluated cell by cell.
    @Test func anOverrideIsSetAsideAndAPlanWithPeriodsRunsCellByCell() throws {
        #expect(try planDefinition("leads[2027-02] = 150").coversPeriods)
        #expect(try !planDefinition("leads = 100").coversPeriods)
        let plan = try makePlan("2027-01", "2027-03", ["leads = 100", "leads[2027-02] = 150", "wins = leads * 2"])
        #expect(numbers(plan.values(of: "wins")) == [200, 300, 200])
        #expect(plan.evaluationCount == 2)
        #expect(plan.periodEvaluationCount == 6)
    }

    @Test func aCycleWrittenAfterItsCellsIsStillFound() {
        #expect(throws: LoadError(cycles: [["a", "b", "a"]])) { try makeModel(["a = b + 1", "b = a * 2"]) }
    }
}
