#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The functions a formula can call, as one table: name, argument count, what it computes and
/// how its result is displayed.
///
/// Kept apart from ``Evaluator`` so that tab completion and `:help` can list the names and so
/// that adding a function is adding one row. Names are matched case-insensitively.
public enum Builtins {
    /// Every function name, lowercase and sorted.
    public static let functionNames: [String] = table.keys.filter { $0 != "to" }.sorted()

    static func function(named name: String) -> Builtin? {
        index(named: name).map { rows[$0] }
    }

    /// The row of a function in ``rows``, which is how a compiled formula names it.
    static func index(named name: String) -> Int? {
        table[name.lowercased()]
    }

    private static let table: [String: Int] = Dictionary(
        rows.indices.map { (rows[$0].name, $0) }, uniquingKeysWith: { first, _ in first })

    static let rows: [Builtin] = [
        Builtin("min", arity: 1..., format: .firstFormattedArgument, strict: { .number($0.min() ?? .nan) }),
        Builtin("max", arity: 1..., format: .firstFormattedArgument, strict: { .number($0.max() ?? .nan) }),
        Builtin("sum", arity: 1..., format: .firstFormattedArgument, strict: { .number($0.reduce(0, +)) }),
        Builtin("avg", arity: 1..., format: .firstFormattedArgument, strict: {
            .number($0.reduce(0, +) / Double($0.count))
        }),
        Builtin("round", arity: 1...2, format: .firstFormattedArgument, strict: {
            .number(SpreadsheetPrecision.round($0[0], places: decimalPlaces($0.count > 1 ? $0[1] : 0)))
        }),
        Builtin("floor", arity: 1...1, format: .firstFormattedArgument, strict: {
            .number(SpreadsheetPrecision.whole($0[0], .down))
        }),
        Builtin("ceil", arity: 1...1, format: .firstFormattedArgument, strict: {
            .number(SpreadsheetPrecision.whole($0[0], .up))
        }),
        Builtin("abs", arity: 1...1, format: .firstFormattedArgument, strict: { .number(Swift.abs($0[0])) }),
        Builtin("sqrt", arity: 1...1, format: .number, strict: { .number($0[0].squareRoot()) }),
        Builtin("ln", arity: 1...1, format: .number, strict: { .number(log($0[0])) }),
        Builtin("exp", arity: 1...1, format: .number, strict: { .number(exp($0[0])) }),
        Builtin("clamp", arity: 3...3, format: .firstFormattedArgument, strict: { arguments in
            let (value, low, high) = (arguments[0], arguments[1], arguments[2])
            return low <= high ? .number(Swift.min(Swift.max(value, low), high)) : .error(.value)
        }),
        Builtin("if", arity: 3...3, format: .firstFormattedBranch(startingAt: 1), body: .conditional),
        Builtin("iferror", arity: 2...2, format: .firstFormattedBranch(startingAt: 0), body: .fallback),
        Builtin("prev", arity: 1...2, format: .firstFormattedBranch(startingAt: 0), body: .previous),
    ] + Reduction.allCases.map { Builtin($0.rawValue, arity: 1...1, format: .firstFormattedArgument, body: .reduction($0)) }
        + RangeSyntax.forms.sorted { $0.key < $1.key }.map { name, form in
            // A range evaluates to its mean (see ``Distribution``); `lo to hi` is kept as a call of `to`.
            Builtin(name, arity: form.count...form.count, format: .firstFormattedArgument, strict: { numbers in
                (try? RangeSyntax.make(name, numbers).get()).map { .number($0.mean) } ?? .error(.value)
            })
        }

    /// The `digits` argument of `round` as a count of decimals: truncated to a whole number, as
    /// spreadsheets do, and kept within ±400, past which every double rounds alike.
    private static func decimalPlaces(_ digits: Double) -> Int {
        digits.isNaN ? 0 : Int(Swift.max(-400, Swift.min(400, digits.rounded(.towardZero))))
    }
}

/// One row of the function table.
struct Builtin: Sendable {
    enum Body: Sendable {
        /// Arguments are evaluated first, left to right, and the first error among them is the
        /// result; the function sees numbers (booleans as 1 and 0).
        case strict(@Sendable ([Double]) -> Value)
        /// `if(condition, then, else)`: an error in the condition is the result; otherwise only
        /// the branch it picks is computed (``Compiler`` lays it out as jumps).
        case conditional
        /// `iferror(value, fallback)`: the value unless it is an error, when the fallback is
        /// computed instead.
        case fallback
        /// `prev(x[, default])`: x one period earlier; the default (0 without one) in the first period.
        case previous
        /// A series folded into one value per period (see ``Reduction``).
        case reduction(Reduction)
    }

    /// How the result is displayed; see ``FormatInference``.
    enum FormatRule: Sendable {
        /// Always a plain number.
        case number
        /// The format of the first argument shown as percent or currency.
        case firstFormattedArgument
        /// The format of the first argument from `startingAt` on that is not a plain number:
        /// the branches of `if`, the value and fallback of `iferror`.
        case firstFormattedBranch(startingAt: Int)
    }

    let name: String
    let arity: ClosedRange<Int>
    let format: FormatRule
    let body: Body

    init(_ name: String, arity: ClosedRange<Int>, format: FormatRule, strict: @escaping @Sendable ([Double]) -> Value) {
        self.name = name
        self.arity = arity
        self.format = format
        self.body = .strict(strict)
    }

    init(_ name: String, arity: PartialRangeFrom<Int>, format: FormatRule,
         strict: @escaping @Sendable ([Double]) -> Value) {
        self.init(name, arity: arity.lowerBound...Int.max, format: format, strict: strict)
    }

    init(_ name: String, arity: ClosedRange<Int>, format: FormatRule, body: Body) {
        self.name = name
        self.arity = arity
        self.format = format
        self.body = body
    }
}

/// The functions that read a series across periods: the whole plan folded into one value
/// (`total` … `lowest`), or running totals that are series themselves (`cumulative`, `ytd`).
///
/// A value that is not a series counts as repeating in every period, so `total(deal_value)`
/// over 12 months is 12 × deal_value. The first error met, in period order, is the result.
public enum Reduction: String, Sendable, CaseIterable {
    case total, average, first, last, peak, lowest
    /// The total from the first period up to each period.
    case cumulative
    /// The total from the start of each period's year (January, Q1, week 1) up to it.
    case ytd

    /// Whether the result is one value for the whole plan (else a series: a running total).
    public var isSingleValued: Bool { self != .cumulative && self != .ytd }

    /// The periods folded when computing period `period`.
    func periods(at period: Int, in timeline: Timeline) -> ClosedRange<Int> {
        switch self {
        case .total, .average, .peak, .lowest: 0...(timeline.count - 1)
        case .first: 0...0
        case .last: (timeline.count - 1)...(timeline.count - 1)
        case .cumulative: 0...period
        case .ytd: timeline.yearStarts[period]...period
        }
    }
}
