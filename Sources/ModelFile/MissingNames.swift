import Formula
import PlanEngine

/// Warnings for names a model uses but does not define: the file still loads
/// (so a model can be written top-down), and the warning says which cell is missing.
enum MissingNames {
    static func warnings(in model: Model, source: SourceText) -> [String] {
        model.missingReferences.map { missing in
            let users = missing.usedBy.joined(separator: ", ")
            let message = "'\(missing.name)' is not defined (used by \(users))"
            let firstUse = missing.usedBy.first.flatMap { model[$0]?.expression.rangesOfReferences(to: missing.name).first }
            guard let range = firstUse else { return "\(source.path): warning: \(message)" }
            return DiagnosticPrinter.render(Diagnostic(message, at: range, severity: .warning), in: source)
        }
    }
}
