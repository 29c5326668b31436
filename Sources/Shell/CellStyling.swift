import PlanEngine
import TextLayout
import WhatIf

/// The colors every listing gives cell names, so lead indicators (the inputs a
/// person changes) stand apart from the lag indicators that follow from them.
extension Colorizer {
    func cellName(_ name: String, isLeadIndicator: Bool) -> String {
        apply(isLeadIndicator ? .leadIndicator : .lagIndicator, to: name)
    }

    /// A name as it stands in `model`; a name not defined there is left plain.
    func cellName(_ name: String, in model: Model) -> String {
        guard let cell = model[name] else { return name }
        return cellName(name, isLeadIndicator: cell.isLeadIndicator)
    }

    func goalState(_ status: GoalStatus) -> String {
        apply(status.isMet ? .positive : .negative, to: status.statusText)
    }
}
