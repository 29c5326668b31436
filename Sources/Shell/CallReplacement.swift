import Formula

extension Expr {
    /// This expression with every call of a function in `names` (lowercase) replaced by what
    /// `replacement` makes of it (its name lowercased, its arguments, its range), innermost
    /// first: a call's arguments are replaced before the call itself. The readings of a script (`p10(revenue)`,
    /// `plan(total(revenue))`) become numbers this way before an expression is evaluated.
    /// Recurses on the tree, whose depth the parser bounds (``Parser/maximumDepth``).
    func replacingCalls(
        to names: Set<String>, with replacement: (String, [Expr], SourceRange) throws(Diagnostic) -> Expr
    ) throws(Diagnostic) -> Expr {
        switch self {
        case .number, .boolean, .name, .at:
            return self
        case .unary(let op, let operand, let range):
            return .unary(op, try operand.replacingCalls(to: names, with: replacement), range)
        case .binary(let op, let left, let right, let range):
            return .binary(op, try left.replacingCalls(to: names, with: replacement),
                           try right.replacingCalls(to: names, with: replacement), range)
        case .call(let name, let arguments, let range):
            var replaced: [Expr] = []
            for argument in arguments { replaced.append(try argument.replacingCalls(to: names, with: replacement)) }
            let function = name.lowercased()
            guard names.contains(function) else { return .call(name: name, arguments: replaced, range) }
            return try replacement(function, replaced, range)
        }
    }

    /// Whether the expression calls a function in `names` (lowercase).
    func calls(_ names: Set<String>) -> Bool {
        var found = false
        forEachNodeInSourceOrder { node in
            if case .call(let name, _, _) = node, names.contains(name.lowercased()) { found = true }
        }
        return found
    }
}
