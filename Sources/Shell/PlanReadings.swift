import Formula
import PlanEngine
import WhatIf

/// `plan(x)`: x on the plan without actuals (``Model/plan``), so a script can check tracking:
///
///     :assert total(revenue) >= 95% * plan(total(revenue))
///     :assert plan(revenue[2027-02]) - revenue[2027-02] < 2k
///
/// A reading of the session, as `p10(…)` is, not a function of the formula language: a cell's
/// formula has no plan without actuals to read, since the actuals are part of the model it
/// belongs to. Each reading becomes a number before the expression is evaluated, so x must have
/// one value: a series is refused with the fix (`plan(total(revenue))`, not `total(plan(revenue))`).
enum PlanReadings {
    static let functions: Set<String> = ["plan"]

    /// `expression` with each `plan(x)` replaced by x's value on the plan, or why it cannot be.
    static func resolve(_ expression: Expr, in line: String, model: Model) -> Result<Expr, Diagnostic> {
        guard expression.calls(functions) else { return .success(expression) }
        let plan = model.plan
        do throws(Diagnostic) {
            return .success(try expression.replacingCalls(to: functions) { (_, arguments, range) throws(Diagnostic) in
                guard arguments.count == 1 else {
                    throw Diagnostic("plan(…) reads one value on the plan without actuals, as in plan(total(revenue))", at: range)
                }
                let argument = arguments[0]
                let target = WhatIfTarget(text: line.utf8Slice(argument.range) ?? "x", expression: argument)
                if let missing = target.undefinedName(in: plan) {
                    throw Diagnostic(plan.noSuchCell(missing), at: argument.rangesOfReferences(to: missing).first ?? argument.range)
                }
                if let problem = argument.periodProblem(in: plan.timeline) { throw problem }
                if plan.evaluateSeries(argument).count > 1, let last = plan.timeline.periods.last {
                    let one = target.cellName.map { "plan(total(\($0))) or plan(\($0)[\(last)])" } ?? "plan(total(\(target.text)))"
                    throw Diagnostic("\(target.text) is a series over \(plan.timeline.description): plan(…) reads one value, "
                                     + "such as \(one)", at: argument.range)
                }
                switch target.value(in: plan) {
                case .number(let number): return .number(number, plan.format(of: argument).numberStyle, range)
                case .boolean(let flag): return .boolean(flag, range)
                case .error(let code): throw Diagnostic("\(target.text) is \(code.rawValue) on the plan without actuals", at: argument.range)
                }
            })
        } catch {
            return .failure(error)
        }
    }
}
