import Formula

extension Definition {
    /// This definition with every reference to `old` renamed to `new`, keeping the
    /// rest of the formula's text exactly as the user wrote it.
    public func renamingReferences(_ old: String, to new: String) -> Definition {
        // Parse the formula on its own so ranges are offsets into `formula`.
        guard case .success(let expression) = Parser.parseExpression(formula) else { return self }
        var bytes = Array(formula.utf8)
        for range in expression.rangesOfReferences(to: old).sorted(by: { $0.start > $1.start }) {
            bytes.replaceSubrange(range.start..<range.end, with: Array(new.utf8))
        }
        let rewrittenFormula = String(decoding: bytes, as: UTF8.self)
        guard case .success(let rewritten) = Parser.parseExpression(rewrittenFormula) else { return self }
        return Definition(name: name, formula: rewrittenFormula, expression: rewritten, periods: periods)
    }
}
