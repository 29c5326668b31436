import Formula

/// The wording of a cell that is not in the model, with the names it may have been meant as,
/// for every command and flag that looks a cell up by name.
extension Model {
    /// `no cell named 'lead' (did you mean leads?)`.
    public func noSuchCell(_ name: String) -> String {
        "no cell named '\(name)'" + cellHint(for: name)
    }

    /// ` (did you mean leads?)` when a cell of the model is close to `name`, else empty.
    public func cellHint(for name: String) -> String {
        NameSuggestion.hint(for: name, among: names)
    }

    /// Warnings for what `expression` uses that does not exist: `'lead' is not defined (did you
    /// mean leads?)` and `unknown function 'sqr' (did you mean sqrt?)`.
    public func undefinedUseWarnings(in expression: Expr) -> [String] {
        undefinedUses(in: expression).map(\.message)
    }

    /// What `expression` uses that does not exist, each once, with the range of its first use;
    /// `user` names what the expression belongs to (`goal revenu >= 1`) in the message:
    /// `'revenu' is not defined (used by goal revenu >= 1; did you mean revenue?)`.
    public func undefinedUses(in expression: Expr, by user: String? = nil) -> [UndefinedUse] {
        var seenCells: Set<String> = []
        let cells = expression.referencedNames.filter { self[$0] == nil && seenCells.insert($0).inserted }.map { name in
            let question = NameSuggestion.question(for: name, among: names)
            let detail = [user.map { "used by \($0)" }, question].compactMap { $0 }.joined(separator: "; ")
            let message = "'\(name)' is not defined" + (detail.isEmpty ? "" : " (\(detail))")
            let range = expression.rangesOfReferences(to: name).first ?? expression.range
            return UndefinedUse(message: message, range: range)
        }
        var seenFunctions: Set<String> = []
        let functions = expression.unknownFunctionCalls.filter { seenFunctions.insert($0.name.lowercased()).inserted }.map {
            UndefinedUse(message: Builtins.unknownFunctionMessage($0.name.lowercased()), range: $0.range)
        }
        return cells + functions
    }
}

/// A name or function an expression uses that does not exist, for a warning that points at it.
public struct UndefinedUse: Sendable, Equatable {
    public let message: String
    public let range: SourceRange
}
