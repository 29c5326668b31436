import Formula
import ModelFile
import PlanEngine

extension Session {
    /// Records, replaces or clears actuals of the base model as one undoable edit, reporting what
    /// moved. Refused, changing nothing, while a scenario is shown: actuals are what really
    /// happened, so they belong to the base model every scenario starts from.
    @discardableResult
    func recordActuals(_ changes: [ActualChange], summary: String, reply: inout Reply) -> Bool {
        if let scenario = plan.activeScenario {
            reply.fail("actuals belong to the base model: :scenario base first (now on scenario \(scenario))")
            return false
        }
        let before = workbook.actualsSnapshot
        var trial = workbook
        do throws(ModelError) {
            try trial.setActuals(changes)
        } catch {
            reply.fail(error.description)
            return false
        }
        return perform(.actuals(from: before, to: trial.actualsSnapshot, summary: summary), reply: &reply)
    }
}
