/// Decides how a formula's value is shown, from how its literals are written and the formats
/// of the cells it uses, so `revenue = wins * $950` shows as currency without being told.
///
/// The rules, where "number" means a plain number and a boolean operand counts as a number:
/// - literals: `15%` is percent, `$2400` currency, `true` boolean, other numbers number;
///   a name has the format of its cell.
/// - comparisons, `and`, `or`, `not`: boolean.
/// - `+` `-`: currency if either side is currency; percent only if both sides are percent
///   (so `leads + 10%` is a number); otherwise number.
/// - `*`: currency if either side is currency; percent × percent is percent; percent × number is
///   a number (a count times a rate is a count).
/// - `/`: currency / currency is a number (a ratio); currency / anything else is currency;
///   percent / number is percent; anything else is a number (wins / win_rate is a count).
/// - `^`: the base's format. Unary `-` `+`: the operand's format.
/// - `min max sum avg round floor ceil abs clamp`: the format of the first argument that is
///   percent or currency. `sqrt ln exp` and unknown functions: number.
/// - `if(c, a, b)` and `iferror(a, b)`: the format of `a` unless it is a plain number, else of `b`.
///
/// Recurses on the tree, whose nesting the parser bounds by ``Parser/maximumDepth``;
/// operator chains are folded in a loop.
public enum FormatInference {
    public static func format(of expr: Expr, lookup: (String) -> DisplayFormat) -> DisplayFormat {
        switch expr {
        case .number(_, let style, _):
            switch style {
            case .plain: return .number
            case .percent: return .percent
            case .currency: return .currency
            }
        case .boolean:
            return .boolean
        case .name(let name, _):
            return lookup(name)
        case .unary(.not, _, _):
            return .boolean
        case .unary(_, let operand, _):
            return arithmetic(format(of: operand, lookup: lookup))
        case .binary(let op, let left, let right, _):
            if op.isComparison || op == .and || op == .or { return .boolean }
            if let chain = OperatorChain(expr) {
                return chain.rest.reduce(arithmetic(format(of: chain.first, lookup: lookup))) { left, step in
                    arithmetic(binary(step.op, left, arithmetic(format(of: step.operand, lookup: lookup))))
                }
            }
            let leftFormat = arithmetic(format(of: left, lookup: lookup))
            let rightFormat = arithmetic(format(of: right, lookup: lookup))
            return binary(op, leftFormat, rightFormat)
        case .call(let name, let arguments, _):
            return call(name, arguments, lookup: lookup)
        }
    }

    /// Arithmetic turns booleans into numbers.
    private static func arithmetic(_ format: DisplayFormat) -> DisplayFormat {
        format == .boolean ? .number : format
    }

    private static func binary(_ op: BinaryOperator, _ left: DisplayFormat, _ right: DisplayFormat) -> DisplayFormat {
        let eitherIsCurrency = left == .currency || right == .currency
        switch op {
        case .add, .subtract, .multiply:
            if eitherIsCurrency { return .currency }
            return left == .percent && right == .percent ? .percent : .number
        case .divide:
            if left == .currency { return right == .currency ? .number : .currency }
            return left == .percent && right == .number ? .percent : .number
        case .power:
            return left
        case .or, .and, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return .boolean
        }
    }

    private static func call(_ name: String, _ arguments: [Expr], lookup: (String) -> DisplayFormat) -> DisplayFormat {
        guard let function = Builtins.function(named: name) else { return .number }
        switch function.format {
        case .number:
            return .number
        case .firstFormattedArgument:
            for argument in arguments {
                let argumentFormat = arithmetic(format(of: argument, lookup: lookup))
                if argumentFormat != .number { return argumentFormat }
            }
            return .number
        case .firstFormattedBranch(let first):
            let branches = arguments.dropFirst(first)
            for branch in branches.prefix(2) {
                let branchFormat = format(of: branch, lookup: lookup)
                if branchFormat != .number { return branchFormat }
            }
            return .number
        }
    }
}
