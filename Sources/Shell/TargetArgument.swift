import Formula
import PlanEngine
import WhatIf

extension ArgumentText {
    /// The target of `:seek` or `:table` (`revenue`, `total(revenue)`, `revenue[2027-12]`) read
    /// on `model`, or the located reason it cannot be one: it does not parse, uses a cell the
    /// model lacks or a period outside the plan, or is a series, which has no single value to
    /// reach (the message names the fix, typed after `verb`).
    func whatIfTarget(in model: Model, verb: String) throws(Diagnostic) -> WhatIfTarget {
        let expression: Expr
        switch self.expression() {
        case .failure(let diagnostic): throw diagnostic
        case .success(let parsed): expression = parsed
        }
        let target = WhatIfTarget(text: text, expression: expression)
        if let missing = target.undefinedName(in: model) {
            let range = target.cellName == nil ? expression.rangesOfReferences(to: missing).first ?? sourceRange : sourceRange
            throw Diagnostic(model.noSuchCell(missing), at: range)
        }
        if let problem = expression.periodProblem(in: model.timeline) { throw problem }
        if let problem = target.seriesProblem(in: model, verb: verb) { throw Diagnostic(problem, at: sourceRange) }
        return target
    }
}
