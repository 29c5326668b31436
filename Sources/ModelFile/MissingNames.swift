import Formula
import PlanEngine

/// Warnings for names a model or its goals use but the model does not define, and for calls of
/// functions that do not exist: the file still loads (so a model can be written top-down), and
/// the warning says which name is missing and, when one is close, which was probably meant.
enum MissingNames {
    /// The warnings, printed against the file `source()` gives: asked for only when there is one,
    /// since the table of where each line starts costs a pass over a large file. `formulas` are the
    /// model's formulas that may call a function, in file order (the reader leaves out plain arithmetic).
    static func warnings(
        in model: Model, formulas: [Expr], goals: [GoalEntry], path: String, source: () -> SourceText
    ) -> [String] {
        let cells = model.missingReferences.map { missing in
            let users = NameList.text(missing.usedBy)
            let question = NameSuggestion.question(for: missing.name, among: model.names).map { "; \($0)" } ?? ""
            let message = "'\(missing.name)' is not defined (used by \(users)\(question))"
            let firstUse = missing.usedBy.first.flatMap { model[$0]?.expression.rangesOfReferences(to: missing.name).first }
            return (message, firstUse)
        }
        let functions = formulas.flatMap { expression in
            expression.unknownFunctionCalls.map { call in (Builtins.unknownFunctionMessage(call.name), Optional(call.range)) }
        }
        let goalUses = goals.flatMap { entry in
            [entry.goal.lhs, entry.goal.rhs].flatMap { model.undefinedUses(in: $0, by: "goal \(entry.text)") }
        }.map { ($0.message, Optional($0.range)) }
        let found = cells + functions + goalUses
        guard !found.isEmpty else { return [] }
        let source = source()
        return found.map { message, range in
            guard let range else { return "\(path): warning: \(message)" }
            return DiagnosticPrinter.render(Diagnostic(message, at: range, severity: .warning), in: source)
        }
    }
}
