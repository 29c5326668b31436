/// A left-associative run of operators of one precedence level, such as
/// `r1 + r2 + … + r300` or `a and b and c`, seen as its first operand and the
/// operators and operands that follow.
///
/// Long sums are ordinary in plans (a total over every region), so a chain
/// does not count as nesting: the parser lets it grow to ``Parser/maximumChainLength``
/// terms, and the evaluator and format inference fold it in a loop instead of
/// recursing once per operator.
struct OperatorChain {
    let first: Expr
    /// The operators and right operands, left to right.
    let rest: [(op: BinaryOperator, operand: Expr)]

    /// Whether the node `left op right` heads a run of two or more chaining operators (a single
    /// `a + b` is cheaper to take as it is): told by the two operators alone, so that the many
    /// nodes that head none are let go before any list is built.
    @inline(__always)
    static func isHeaded(by op: BinaryOperator, left: Expr) -> Bool {
        guard let level = op.chainLevel else { return false }
        return left.binaryOperator?.chainLevel == level
    }

    /// The chain the node `left op right` heads, for a node of which ``isHeaded(by:left:)`` holds.
    init(_ op: BinaryOperator, _ left: Expr, _ right: Expr) {
        let level = op.chainLevel
        var rest = [(op, right)]
        var node = left
        while case .binary(let innerOp, let innerLeft, let innerRight, _) = node, innerOp.chainLevel == level {
            rest.append((innerOp, innerRight))
            node = innerLeft
        }
        first = node
        self.rest = rest.reversed()
    }
}

extension BinaryOperator {
    /// Operators that chain left to right share a level; comparisons do not chain and `^` groups to the right.
    var chainLevel: Int? {
        switch self {
        case .or: 1
        case .and: 2
        case .add, .subtract: 3
        case .multiply, .divide: 4
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .power: nil
        }
    }
}

extension Expr {
    /// The operator of a binary node, nil for anything else.
    var binaryOperator: BinaryOperator? {
        if case .binary(let op, _, _, _) = self { return op }
        return nil
    }
}
