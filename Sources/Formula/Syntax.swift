/// A parsed formula expression. Every node carries the source range it came
/// from, so diagnostics and renames can point at the user's own text.
public indirect enum Expr: Hashable, Sendable {
    case number(Double, NumberStyle, SourceRange)
    case boolean(Bool, SourceRange)
    case name(String, SourceRange)
    case unary(UnaryOperator, Expr, SourceRange)
    case binary(BinaryOperator, Expr, Expr, SourceRange)
    /// A function call; `name` is as written, matched case-insensitively.
    case call(name: String, arguments: [Expr], SourceRange)
    /// `leads[2027-03]`: one cell's value in one period, a single value.
    case at(name: String, nameRange: SourceRange, period: PeriodLiteral, SourceRange)

    public var range: SourceRange {
        switch self {
        case .number(_, _, let range), .boolean(_, let range), .name(_, let range),
             .unary(_, _, let range), .binary(_, _, _, let range), .call(_, _, let range), .at(_, _, _, let range):
            range
        }
    }
}

/// A period as written in a formula or a line (`2027-03`), with where it was written, so a
/// period outside the plan can be pointed at.
public struct PeriodLiteral: Hashable, Sendable {
    public let period: Period
    public let range: SourceRange

    public init(period: Period, range: SourceRange) {
        self.period = period
        self.range = range
    }
}

/// `2027-03` or `2027-07 .. 2027-12`: the periods a `periods` line declares or an override
/// covers, both ends included, already checked to be of one kind and in order.
public struct PeriodSpan: Hashable, Sendable {
    public let first: PeriodLiteral
    public let last: PeriodLiteral

    public init(first: PeriodLiteral, last: PeriodLiteral) {
        self.first = first
        self.last = last
    }

    public var range: SourceRange { first.range.union(last.range) }

    /// `2027-03` or `2027-07 .. 2027-12`.
    public var text: String {
        first.period == last.period ? "\(first.period)" : "\(first.period) .. \(last.period)"
    }

    /// The same periods without the places they were written: what an override is keyed by.
    public var periods: ClosedRange<Period> { first.period...last.period }
}

/// How a number literal was written, which decides the display format it gives its cell.
public enum NumberStyle: Hashable, Sendable {
    case plain
    case percent
    case currency(CurrencySymbol)
}

/// A prefix operator: `-x`, `+x`, `not x`.
public enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

/// An infix operator; the raw value is how it is written.
public enum BinaryOperator: String, Hashable, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    /// `+`, `-`, `*`, `/` or `^`.
    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .power: true
        default: false
        }
    }

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

/// One line of REPL input or one item of a model file, once parsed.
public enum Statement: Hashable, Sendable {
    /// `name = expression`
    case definition(name: String, nameRange: SourceRange, expression: Expr)
    /// `goal lhs OP rhs`: a target to track.
    case goal(Goal)
    /// A bare expression to evaluate.
    case expression(Expr)
    /// `periods = 2027-01 .. 2027-12`: the model becomes a plan over these periods.
    case periods(PeriodSpan)
    /// `leads[2027-03] = 150` or `leads[2027-07 .. 2027-12] = 140`: the cell's value in those periods.
    case override(name: String, nameRange: SourceRange, periods: PeriodSpan, expression: Expr)
    /// `actual leads[2027-01] = 95`: what really happened in one period, in place of the plan there.
    case actual(name: String, nameRange: SourceRange, period: PeriodLiteral, value: Double, valueRange: SourceRange)
}

/// A recorded target such as `goal revenue >= 50k`.
public struct Goal: Hashable, Sendable {
    public var comparison: BinaryOperator
    public var lhs: Expr
    public var rhs: Expr
    public var range: SourceRange

    public init(comparison: BinaryOperator, lhs: Expr, rhs: Expr, range: SourceRange) {
        self.comparison = comparison
        self.lhs = lhs
        self.rhs = rhs
        self.range = range
    }
}
