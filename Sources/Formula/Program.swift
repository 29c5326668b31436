/// A formula compiled once into flat instructions, so evaluating it walks no tree, looks up
/// no name and allocates nothing: the engine runs it on every recompute, a goal seek or a
/// sensitivity table hundreds of times.
///
/// Operands are slots: indexes into the value array the program runs on (a model's cell
/// ids), bound when the formula is defined. The same program runs on any array laid out
/// the same way, which is how a value per period becomes an inner loop over periods and a
/// Monte Carlo trial one more run on its own array. ``Machine`` runs it.
///
/// The program has two parts computed from one walk of the expression: `code` gives the
/// value, `formatCode` the display format (the rules of ``FormatInference``), since a format
/// depends only on the formats of the slots and is needed once per edit, not once per period.
public struct Program: Sendable, Equatable {
    let code: [Instruction]
    let formatCode: [FormatInstruction]
    /// The most values `code` keeps on its stack at once.
    let stackDepth: Int
    let formatStackDepth: Int

    /// Compiles `expr`, asking `bind` for the slot of each reference once per occurrence, in source order.
    public init(_ expr: Expr, bind: (String) -> Int) {
        self = Compiler.compile(expr, bind: bind)
    }

    init(code: [Instruction], formatCode: [FormatInstruction], stackDepth: Int, formatStackDepth: Int) {
        self.code = code
        self.formatCode = formatCode
        self.stackDepth = stackDepth
        self.formatStackDepth = formatStackDepth
    }
}

/// One step of a ``Program``: a stack machine where operands come from slots and constants.
/// Jump targets are indexes into the program's code.
enum Instruction: Sendable, Equatable {
    /// Push a constant value (a literal, or the error an unknown function or a wrong argument count gives).
    case constant(Value)
    /// Push the value in a slot.
    case load(Int)
    /// Replace the top with the operator applied to it.
    case unary(UnaryOperator)
    /// Pop the right operand and replace the left one with the result: an error on the left
    /// wins, then one on the right.
    case binary(BinaryOperator)
    /// `and` / `or` with the left operand on top: an error or a left side that decides stays
    /// as the result and execution goes on at `end`; otherwise the right side is computed next.
    case shortCircuit(BinaryOperator, end: Int)
    /// `if`: pop the condition; an error is the result (pushed back, go to `end`), false goes to
    /// `otherwise`, true falls through to the first branch.
    case condition(otherwise: Int, end: Int)
    /// `iferror`: a value on top that is not an error is the result (go to `end`); an error is
    /// dropped and the fallback computed next.
    case unlessError(end: Int)
    case jump(Int)
    /// Pop `count` arguments and push a strict function's result; the first error among them wins.
    case call(function: Int, count: Int)
}

/// One step of a program's format part: a stack of display formats.
enum FormatInstruction: Sendable, Equatable {
    case fixed(DisplayFormat)
    /// Push the format of a slot.
    case load(Int)
    /// Arithmetic on the top (booleans count as numbers): unary `-` and `+`.
    case arithmetic
    /// Pop two formats and push the format of the operator's result.
    case binary(BinaryOperator)
    /// Pop `count` formats and push the first that is not a plain number (else a number),
    /// looking at them as arithmetic operands (booleans as numbers) when `asArithmetic`.
    case firstFormatted(count: Int, asArithmetic: Bool)
}
