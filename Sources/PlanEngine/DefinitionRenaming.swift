import Formula

extension Definition {
    /// This definition with every reference to `old` renamed to `new`, keeping the
    /// rest of the formula's text exactly as the user wrote it.
    public func renamingReferences(_ old: String, to new: String) -> Definition {
        replacingReferences(to: old, with: new) ?? self
    }

    /// This definition with every reference to `name` replaced by `text` (a name, or a formula as
    /// ``operand(_:of:)`` writes it), the rest of the formula as written; nil when the result
    /// does not parse. Function names with the same spelling are left alone.
    public func replacingReferences(to name: String, with text: String) -> Definition? {
        // Parse the formula on its own so ranges are offsets into `formula`.
        guard case .success(let expression) = Parser.parseExpression(formula) else { return nil }
        var bytes = Array(formula.utf8)
        for range in expression.rangesOfReferences(to: name).sorted(by: { $0.start > $1.start }) {
            bytes.replaceSubrange(range.start..<range.end, with: Array(text.utf8))
        }
        let rewrittenFormula = String(decoding: bytes, as: UTF8.self)
        guard case .success(let rewritten) = Parser.parseExpression(rewrittenFormula) else { return nil }
        return Definition(name: self.name, formula: rewrittenFormula, expression: rewritten, periods: periods)
    }

    /// A formula as it reads inside another: as written when it is one term (`120`, `leads`),
    /// else in parentheses (`(wins * deal_value)`).
    public static func operand(_ formula: String, of expression: Expr) -> String {
        switch expression {
        case .number, .name, .boolean: formula
        default: "(\(formula))"
        }
    }
}
