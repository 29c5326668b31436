/// Decides how a formula's value is shown, from how its literals are written and the formats
/// of the cells it uses, so `revenue = wins * $950` shows as currency without being told.
///
/// The rules, where "number" means a plain number and a boolean operand counts as a number:
/// - literals: `15%` is percent, `$2400` and `€2400` currency (in their symbol), `true` boolean, other numbers number;
///   a name has the format of its cell.
/// - comparisons, `and`, `or`, `not`: boolean.
/// - `+` `-`: currency if either side is currency (the left one's symbol when both are: a model
///   keeps to one symbol, see ``CurrencyMix``); percent only if both sides are percent
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
/// The rules are defined here once; every inference runs them through a compiled ``Program``.
public enum FormatInference {
    public static func format(of expr: Expr, lookup: (String) -> DisplayFormat) -> DisplayFormat {
        var formats: [DisplayFormat] = []
        let program = Compiler.compile(expr) { name in
            formats.append(lookup(name))
            return formats.count - 1
        }
        var machine = Machine()
        return formats.withUnsafeBufferPointer { machine.format(of: program, slots: $0) }
    }

    /// Arithmetic turns booleans into numbers.
    static func arithmetic(_ format: DisplayFormat) -> DisplayFormat {
        format == .boolean ? .number : format
    }

    static func binary(_ op: BinaryOperator, _ left: DisplayFormat, _ right: DisplayFormat) -> DisplayFormat {
        switch op {
        case .add, .subtract, .multiply:
            if left.isCurrency { return left }
            if right.isCurrency { return right }
            return left == .percent && right == .percent ? .percent : .number
        case .divide:
            if left.isCurrency { return right.isCurrency ? .number : left }
            return left == .percent && right == .number ? .percent : .number
        case .power:
            return left
        case .or, .and, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return .boolean
        }
    }
}
