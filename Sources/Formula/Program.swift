/// A formula compiled once into flat instructions, so evaluating it walks no tree, looks up
/// no name and allocates nothing: the engine runs it on every recompute, a goal seek or a
/// sensitivity table hundreds of times.
///
/// Operands are slots: indexes into the value array the program runs on (a model's cell
/// ids), bound when the formula is defined. The same program runs on any array laid out
/// the same way, which is how a value per period becomes an inner loop over periods and a
/// Monte Carlo trial one more run on its own array. ``Machine`` runs it.
///
/// The program has two parts computed from one walk of the expression: its code gives the
/// value, its format code the display format (the rules of ``FormatInference``), since a format
/// depends only on the formats of the slots and is needed once per edit, not once per period.
///
/// In a plan with periods the program runs once per period (see ``Machine``), and it says how
/// it reads time, which is what the engine needs to evaluate as little as possible: whether it
/// varies over periods by itself, which slots it reads period by period, which only one period
/// earlier (through `prev`, which is how a cell may use itself), and whether it reads other
/// periods at all.
///
/// A model keeps its cells' programs together in a ``ProgramArena``; a `Program` is one
/// expression compiled on its own (a REPL expression, a goal, an assertion), an arena of one
/// program, so that it runs through the same code as a cell.
public struct Program: Sendable {
    /// The program, at index 0.
    let arena: ProgramArena

    /// Compiles `expr`, asking `bind` for the slot of each reference once per occurrence, in source order.
    public init(_ expr: Expr, timeline: Timeline = .single, bind: (String) -> Int) {
        self.init(expr, overrides: [], timeline: timeline, bind: bind)
    }

    /// Compiles a cell's formula with its overrides: in the periods of an override (the last one
    /// given wins) the override's expression gives the value; the format is the formula's.
    public init(
        _ expr: Expr, overrides: [(periods: ClosedRange<Int>, expression: Expr)], timeline: Timeline,
        bind: (String) -> Int
    ) {
        var arena = ProgramArena()
        arena.append(expr, overrides: overrides, timeline: timeline, bind: bind)
        self.arena = arena
    }

    /// Lends `body` the program read in place, as a cell's is.
    func withView<Result>(_ body: (ProgramView) -> Result) -> Result { arena.withProgram(0, body) }

    /// Whether the result differs between periods whatever the slots hold: it uses `t`, `month`,
    /// `prev`, `cumulative` or `ytd` (outside a reduction to one value), or overrides some periods.
    public var variesByItself: Bool { arena.headers[0].variesByItself }
    /// Slots read in the period being computed (outside reductions to one value): if any holds a
    /// series, so does the result. Unique, in order of first use.
    public var seriesSlots: [Int] { withView { Array($0.seriesSlots) } }
    /// Slots read only one or more periods earlier, through `prev`: such a use does not close a
    /// cycle, and a cell may read itself this way (`mrr = prev(mrr) + new_mrr`).
    public var laggedSlots: [Int] { withView { Array($0.laggedSlots) } }
    /// Slots read across the whole plan (inside a reduction to one value, or as `x[2027-03]`):
    /// such a use may not be part of a cycle, even one through `prev`.
    public var wholePlanSlots: [Int] { withView { Array($0.wholePlanSlots) } }
    /// Which periods of the result a change of a slot in one period can reach.
    public var reach: PeriodReach { arena.headers[0].reach }
}

/// Which periods of a program's result a change of one of its slots in period `p` can reach:
/// what an edit of some periods must recompute.
public enum PeriodReach: Int, Sendable, Comparable {
    /// Period `p` only: the program reads each slot in the period it computes.
    case samePeriod
    /// `p` and later: it reads earlier periods (`prev`, `cumulative`, `ytd`).
    case laterPeriods
    /// Any period: it reads the whole plan or a fixed period (a reduction, `x[2027-03]`).
    case allPeriods

    public static func < (lhs: PeriodReach, rhs: PeriodReach) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A slot, a period, a count or a jump target inside an instruction. Thirty-two bits keep an
/// instruction to 16 bytes, and a model keeps one program per cell; no model has 2³¹ cells,
/// nor a plan that many periods, nor a formula that many instructions.
@usableFromInline
typealias Operand = Int32

/// One step of a ``Program``: a stack machine where operands come from slots and constants.
/// Jump targets are indexes into the program's code, counted from its first instruction.
@usableFromInline
enum Instruction: Sendable, Equatable {
    /// Push a constant value (a literal, or the error an unknown function or a wrong argument count gives).
    case constant(Value)
    /// Push the value in a slot.
    case load(Operand)
    /// Replace the top with the operator applied to it.
    case unary(UnaryOperator)
    /// Pop the right operand and replace the left one with the result: an error on the left
    /// wins, then one on the right.
    case binary(BinaryOperator)
    /// Replace the top with it and a number literal under an arithmetic operator (`* 1.05`,
    /// `+ 1`, `/ 12`, most of a plan's arithmetic): ``binary(_:)`` with that number as its right
    /// operand, in one step instead of a push and a pop. (The number first: so laid out, the
    /// operator fits in the byte after it, and an instruction stays 16 bytes.)
    case binaryConstant(Double, BinaryOperator)
    /// Replace the top with it and the value in a slot under an arithmetic operator (`leads *
    /// conversion`): ``binary(_:)`` with a ``load(_:)`` as its right operand, in one step.
    case binaryLoad(Operand, BinaryOperator)
    /// `and` / `or` with the left operand on top: an error or a left side that decides stays
    /// as the result and execution goes on at `end`; otherwise the right side is computed next.
    case shortCircuit(BinaryOperator, end: Operand)
    /// `if`: pop the condition; an error is the result (pushed back, go to `end`), false goes to
    /// `otherwise`, true falls through to the first branch.
    case condition(otherwise: Operand, end: Operand)
    /// `iferror`: a value on top that is not an error is the result (go to `end`); an error is
    /// dropped and the fallback computed next.
    case unlessError(end: Operand)
    case jump(Operand)
    /// Pop `count` arguments and push a strict function's result; the first error among them wins.
    case call(function: Operand, count: Operand)
    /// Push the index of the period being computed (`t`).
    case periodIndex
    /// Push the month of the year (1–12) of the period being computed (`month`).
    case monthOfYear
    /// Push the value of a slot in one fixed period (`leads[2027-03]`).
    case loadAt(Operand, period: Operand)
    /// `prev(x, d)`: in the first period go to `otherwise` (the default); else step one period
    /// back and compute x, up to ``following(end:)``.
    case previous(otherwise: Operand)
    /// The end of `prev`'s x: step forward again and go on at `end`, past the default.
    case following(end: Operand)
    /// Start folding the periods ``Reduction`` says: remember the period being computed, move to
    /// the first one folded, and run the code up to ``reduce(loop:)`` once per period.
    case beginReduction(Reduction)
    /// Pop a period's value into the innermost reduction; go back to `loop` for the next
    /// period, or push the result and return to the period being computed.
    case reduce(loop: Operand)
    /// An override's branch: outside its periods (`first` to `last`) go to `otherwise`, else compute its expression.
    case outsidePeriods(first: Operand, last: Operand, otherwise: Operand)
}

extension Instruction {
    /// Whether the instruction is a constant, a load or an operator: a program of only those runs
    /// one instruction over many periods at once (``ProgramHeader/isStraightLine``).
    var isStraightLine: Bool {
        switch self {
        case .constant, .load, .unary, .binary, .binaryConstant, .binaryLoad: true
        default: false
        }
    }
}

/// One step of a program's format part: a stack of display formats.
@usableFromInline
enum FormatInstruction: Sendable, Equatable {
    case fixed(DisplayFormat)
    /// Push the format of a slot.
    case load(Operand)
    /// Arithmetic on the top (booleans count as numbers): unary `-` and `+`.
    case arithmetic
    /// Pop two formats and push the format of the operator's result.
    case binary(BinaryOperator)
    /// Pop `count` formats and push the first that is not a plain number (else a number),
    /// looking at them as arithmetic operands (booleans as numbers) when `asArithmetic`.
    case firstFormatted(count: Operand, asArithmetic: Bool)
}
