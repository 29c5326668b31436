import Formula
import PlanEngine

/// Warnings for names a model or its goals use but the model does not define, and for calls of
/// functions that do not exist: the file still loads (so a model can be written top-down), and
/// the warning says which name is missing and, when one is close, which was probably meant.
enum MissingNames {
    static func warnings(in model: Model, goals: [GoalEntry], source: SourceText) -> [String] {
        let cells = model.missingReferences.map { missing in
            let users = NameList.text(missing.usedBy)
            let question = NameSuggestion.question(for: missing.name, among: model.names).map { "; \($0)" } ?? ""
            let message = "'\(missing.name)' is not defined (used by \(users)\(question))"
            let firstUse = missing.usedBy.first.flatMap { model[$0]?.expression.rangesOfReferences(to: missing.name).first }
            guard let range = firstUse else { return "\(source.path): warning: \(message)" }
            return DiagnosticPrinter.render(Diagnostic(message, at: range, severity: .warning), in: source)
        }
        let functions = model.expressionsInOrder.flatMap { expression in
            expression.unknownFunctionCalls.map { call in
                DiagnosticPrinter.render(
                    Diagnostic(Builtins.unknownFunctionMessage(call.name), at: call.range, severity: .warning), in: source)
            }
        }
        let goalUses = goals.flatMap { entry in
            [entry.goal.lhs, entry.goal.rhs].flatMap { model.undefinedUses(in: $0, by: "goal \(entry.text)") }
        }
        return cells + functions + goalUses.map {
            DiagnosticPrinter.render(Diagnostic($0.message, at: $0.range, severity: .warning), in: source)
        }
    }
}
