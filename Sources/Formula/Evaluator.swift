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
/// Evaluation recurses on the expression tree, whose nesting the parser bounds by
/// ``Parser/maximumDepth``; long operator chains are folded in a loop (``OperatorChain``).
public enum Evaluator {
    /// Evaluates with `lookup` giving the value of each referenced cell name
    /// (it returns `.error(.name)` for an undefined one).
    public static func evaluate(_ expr: Expr, lookup: (String) -> Value) -> Value {
        switch expr {
        case .number(let number, _, _):
            return .number(number)
        case .boolean(let flag, _):
            return .boolean(flag)
        case .name(let name, _):
            return lookup(name)
        case .unary(let op, let operand, _):
            return unary(op, evaluate(operand, lookup: lookup))
        case .binary(let op, let left, let right, _):
            if let chain = OperatorChain(expr) { return evaluate(chain, lookup: lookup) }
            let leftValue = evaluate(left, lookup: lookup)
            guard let leftNumber = leftValue.numeric else { return leftValue }
            // `and` and `or` stop at a left side that decides, like `if`.
            if op == .and && leftNumber == 0 { return .boolean(false) }
            if op == .or && leftNumber != 0 { return .boolean(true) }
            let rightValue = evaluate(right, lookup: lookup)
            guard let rightNumber = rightValue.numeric else { return rightValue }
            return binary(op, leftNumber, rightNumber)
        case .call(let name, let arguments, _):
            return call(name, arguments, lookup: lookup)
        }
    }

    /// Folds `a + b - c …` left to right in a loop; each step behaves as the binary case
    /// (an error on the left wins, `and`/`or` stop once decided).
    private static func evaluate(_ chain: OperatorChain, lookup: (String) -> Value) -> Value {
        var result = evaluate(chain.first, lookup: lookup)
        for (op, operand) in chain.rest {
            guard let leftNumber = result.numeric else { return result }
            if op == .and && leftNumber == 0 { result = .boolean(false); continue }
            if op == .or && leftNumber != 0 { result = .boolean(true); continue }
            let rightValue = evaluate(operand, lookup: lookup)
            guard let rightNumber = rightValue.numeric else { return rightValue }
            result = binary(op, leftNumber, rightNumber)
        }
        return result
    }

    private static func unary(_ op: UnaryOperator, _ operand: Value) -> Value {
        switch op {
        case .not:
            return operand.truth.map { .boolean(!$0) } ?? operand
        case .negate:
            return operand.numeric.map { .number(-$0) } ?? operand
        case .plus:
            return operand.numeric.map(Value.number) ?? operand
        }
    }

    private static func binary(_ op: BinaryOperator, _ left: Double, _ right: Double) -> Value {
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

    private static func call(_ name: String, _ arguments: [Expr], lookup: (String) -> Value) -> Value {
        guard let function = Builtins.function(named: name) else { return .error(.name) }
        guard function.arity.contains(arguments.count) else { return .error(.value) }
        switch function.body {
        case .lazy(let body):
            return body(arguments) { evaluate($0, lookup: lookup) }
        case .strict(let body):
            var numbers: [Double] = []
            numbers.reserveCapacity(arguments.count)
            for argument in arguments {
                let value = evaluate(argument, lookup: lookup)
                guard let number = value.numeric else { return value }
                numbers.append(number)
            }
            return finite(body(numbers))
        }
    }

    private static func finite(_ number: Double) -> Value {
        number.isFinite ? .number(number) : .error(.number)
    }

    private static func finite(_ value: Value) -> Value {
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
