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
        let cells = expression.referencedNames.filter { self[$0] == nil }.map { "'\($0)' is not defined" + cellHint(for: $0) }
        var seen: Set<String> = []
        let functions = expression.unknownFunctionCalls.map { $0.name.lowercased() }.filter { seen.insert($0).inserted }
        return cells + functions.map(Builtins.unknownFunctionMessage)
    }
}
