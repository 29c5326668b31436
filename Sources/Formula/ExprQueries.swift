/// Questions asked of a parsed formula by the engine (what does it depend on?) and by
/// rename (where is each reference?). Both walk the tree with an explicit stack, so they
/// cost no call-stack depth whatever the expression.
extension Expr {
    /// Names of cells this expression references, unique, in order of first appearance.
    /// Function names are not references: `max(leads, 10)` references only `leads`.
    public var referencedNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        forEachNodeInSourceOrder { node in
            if case .name(let name, _) = node, seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// Ranges of every reference to `name`, in source order, for a caller that splices a new
    /// name into the user's text (function names with the same spelling are left alone).
    public func rangesOfReferences(to name: String) -> [SourceRange] {
        var ranges: [SourceRange] = []
        forEachNodeInSourceOrder { node in
            if case .name(let referenced, let range) = node, referenced == name { ranges.append(range) }
        }
        return ranges
    }

    /// Visits this node and every node below it, parents first, left operands before right ones,
    /// which is the order their text appears in.
    public func forEachNodeInSourceOrder(_ visit: (Expr) -> Void) {
        var pending: [Expr] = [self]
        while let node = pending.popLast() {
            visit(node)
            switch node {
            case .number, .boolean, .name:
                break
            case .unary(_, let operand, _):
                pending.append(operand)
            case .binary(_, let left, let right, _):
                pending.append(right)
                pending.append(left)
            case .call(_, let arguments, _):
                pending.append(contentsOf: arguments.reversed())
            }
        }
    }
}

extension Expr {
    /// Calls of functions that do not exist (they evaluate to `#NAME?`), each with the range of
    /// its name, in source order, for a warning that points at the typo.
    public var unknownFunctionCalls: [(name: String, range: SourceRange)] {
        var calls: [(name: String, range: SourceRange)] = []
        forEachNodeInSourceOrder { node in
            if case .call(let name, _, let range) = node, Builtins.function(named: name) == nil {
                calls.append((name, SourceRange(start: range.start, end: range.start + name.utf8.count)))
            }
        }
        return calls
    }
}

extension Builtins {
    /// `unknown function 'sqr' (did you mean sqrt?)`.
    public static func unknownFunctionMessage(_ name: String) -> String {
        "unknown function '\(name)'" + NameSuggestion.hint(for: name.lowercased(), among: functionNames)
    }
}
