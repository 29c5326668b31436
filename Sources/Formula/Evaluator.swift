#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes the value of one formula, given the values of the cells it references.
///
/// Spreadsheet semantics: booleans count as 1 and 0 in arithmetic; an error value in an
/// operand is the result (the first one met, left to right); division by zero is `#DIV/0!`,
/// any result that is not a finite number is `#NUM!`, an unknown function is `#NAME?` and a
/// wrong number of arguments `#VALUE!`. Comparisons look at 15 significant digits and give
/// booleans. `and`, `or`, `if` and `iferror` evaluate only the operands they need, so
/// `if(x == 0, 0, y / x)` is 0 when x is 0.
///
/// The operators are defined here once; every evaluation runs them through a compiled
/// ``Program`` on a ``Machine``, a one-off expression as much as a model's cells.
public enum Evaluator {
    /// Evaluates with `lookup` giving the value of each referenced cell name
    /// (it returns `.error(.name)` for an undefined one), asked once per reference in source order.
    public static func evaluate(_ expr: Expr, lookup: (String) -> Value) -> Value {
        var values: [Value] = []
        let program = Compiler.compile(expr) { name in
            values.append(lookup(name))
            return values.count - 1
        }
        var machine = Machine()
        return values.withUnsafeBufferPointer { machine.value(of: program, slots: $0) }
    }

    /// A binary operator on two values: an error on the left is the result, then one on the right.
    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        guard let leftNumber = left.numeric else { return left }
        guard let rightNumber = right.numeric else { return right }
        return binary(op, leftNumber, rightNumber)
    }

    /// The result of `and` / `or` when its left side decides it (or is an error); nil when the
    /// right side is needed.
    static func shortCircuit(_ op: BinaryOperator, _ left: Value) -> Value? {
        guard let leftNumber = left.numeric else { return left }
        if op == .and && leftNumber == 0 { return .boolean(false) }
        if op == .or && leftNumber != 0 { return .boolean(true) }
        return nil
    }

    static func unary(_ op: UnaryOperator, _ operand: Value) -> Value {
        switch op {
        case .not:
            return operand.truth.map { .boolean(!$0) } ?? operand
        case .negate:
            return operand.numeric.map { .number(-$0) } ?? operand
        case .plus:
            return operand.numeric.map(Value.number) ?? operand
        }
    }

    static func binary(_ op: BinaryOperator, _ left: Double, _ right: Double) -> Value {
        switch op {
        case .add: return finite(left + right)
        case .subtract: return finite(left - right)
        case .multiply: return finite(left * right)
        case .divide: return right == 0 ? .error(.divisionByZero) : finite(left / right)
        case .power: return finite(pow(left, right))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return .boolean(compare(op, left.atSpreadsheetPrecision, right.atSpreadsheetPrecision))
        case .and, .or:
            return .boolean(op == .and ? left != 0 && right != 0 : left != 0 || right != 0)
        }
    }

    private static func compare(_ op: BinaryOperator, _ left: Double, _ right: Double) -> Bool {
        switch op {
        case .equal: left == right
        case .notEqual: left != right
        case .less: left < right
        case .lessEqual: left <= right
        case .greater: left > right
        default: left >= right
        }
    }

    private static func finite(_ number: Double) -> Value {
        number.isFinite ? .number(number) : .error(.number)
    }

    static func finite(_ value: Value) -> Value {
        if case .number(let number) = value { return finite(number) }
        return value
    }
}

extension Value {
    /// The value as a condition: nonzero numbers and `true` hold; nil for an error.
    var truth: Bool? {
        numeric.map { $0 != 0 }
    }
}
