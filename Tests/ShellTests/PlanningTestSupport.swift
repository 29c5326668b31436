import Formula
import ModelFile
import Testing
@testable import Shell

/// The bottoms-up MSP plan of models/msp-one-month.model without its comments: four lead
/// indicators, four lag indicators, a goal, and two scenarios.
let mspPlan = mspPlanAdding([])

/// The MSP plan with more cells in its base model (scenario sections come after them).
func mspPlanAdding(_ cells: [String]) -> String {
    """
    leads = 120
    conversion = 15%
    win_rate = 33%
    deal_value = $2400
    opportunities = leads * conversion
    wins = opportunities * win_rate
    revenue = wins * deal_value
    annual_value = revenue * 12
    \(cells.map { $0 + "\n" }.joined())goal revenue >= $50k

    [scenario optimistic]
    conversion = 20%
    win_rate = 40%

    [scenario pessimistic]
    leads = 100
    conversion = 12%
    win_rate = 25%

    """
}

/// A session on a model file's text, as `leadlag plan.model` opens it.
func planSession(_ text: String = mspPlan, path: String = "plan.model") -> Session {
    switch Workbook.parse(text, path: path) {
    case .success(let workbook):
        return Session(workbook: workbook)
    case .failure(let failure):
        Issue.record("the test model does not load: \(failure.text)")
        return Session()
    }
}

/// The value of `name` once `definitions` are typed into a fresh session on `text`: what a
/// table or a seek must agree with, computed the plain way.
func directValue(of name: String, after definitions: [String], in text: String = mspPlan) -> Value {
    let session = planSession(text)
    for definition in definitions where session.handle(definition).failed {
        Issue.record("\(definition) failed")
    }
    return session.model.value(of: name)
}

/// Every cell's value in the session's model, by name: to show that a command changed nothing.
func allValues(_ session: Session) -> [String: Value] {
    Dictionary(uniqueKeysWithValues: session.model.cellsInOrder.map { ($0.name, $0.value) })
}

/// The number a value holds, for tolerances; nil for booleans and errors.
func number(_ value: Value) -> Double? {
    if case .number(let number) = value { return number }
    return nil
}
