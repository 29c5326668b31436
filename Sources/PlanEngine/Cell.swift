import Formula

/// One named cell of a model: its formula as the user wrote it, the parsed
/// expression, its overrides of single periods, and its current value and display format.
///
/// A cell that references no other cell is a lead indicator (an input the
/// user acts on); one that references another cell is a lag indicator. In a plan with
/// periods a cell that varies over time is a series (one value per period); one that does
/// not is a single value, which counts as repeating in every period.
public struct Cell: Sendable, Equatable {
    public let name: String
    /// The expression text as written, kept so a saved file shows the user's own text.
    public internal(set) var formula: String
    public internal(set) var expression: Expr
    /// `leads[2027-03] = 150` and the like, in the order given.
    public internal(set) var overrides: [Definition]
    /// What really happened, by period index (`actual leads[2027-01] = 95`): the cell's value there.
    public internal(set) var actuals: [Int: Double]
    /// Names the expression and its overrides reference, in order of first appearance.
    public internal(set) var references: [String]
    /// One value per period for a series; one value otherwise.
    public internal(set) var values: [Value]
    public internal(set) var format: DisplayFormat
    /// Whether the cell is a level: carried forward through `prev` of itself (recurring revenue) or
    /// a running total (`cumulative(x)`, `ytd(x)`); its series is summed up by its last value, not its total.
    public let isStock: Bool

    public var isLeadIndicator: Bool { references.isEmpty }

    /// Whether the value differs between periods.
    public var isSeries: Bool { values.count > 1 }

    /// The value of a single-valued cell; for a series, its value in the first period.
    public var value: Value { values[0] }

    /// How one number stands for the cell's series (total, last or average).
    public var measure: SeriesMeasure { SeriesMeasure(isStock: isStock, format: format) }

    /// One value that stands for the cell: its value, or for a series its ``measure``.
    public var summary: Value { measure.summary(of: values) }

    init(_ definition: Definition, overrides: [Definition], actuals: [Int: Double] = [:], references: [String], values: [Value],
         format: DisplayFormat, isStock: Bool) {
        name = definition.name
        formula = definition.formula
        expression = definition.expression
        self.overrides = overrides
        self.actuals = actuals
        self.references = references
        self.values = values
        self.format = format
        self.isStock = isStock
    }
}

extension Cell {
    public var definition: Definition { Definition(name: name, formula: formula, expression: expression) }

    /// The cell as it stands in one period: its value there, as a single value.
    public func inPeriod(_ period: Int) -> Cell {
        var cell = self
        cell.values = [values[isSeries ? period : 0]]
        return cell
    }
}

/// How one number stands for a series wherever one must (the change display, the grid's
/// total column, `:show`, `:compare`, variance): a flow such as new revenue by its total, a level
/// (recurring revenue carried through `prev` of itself, a running total such as `cumulative(x)`)
/// by its last value, and a rate shown as a percent by its average, since twelve monthly win rates
/// (or twelve running totals) added up mean nothing.
public enum SeriesMeasure: String, Sendable, Equatable {
    case total
    case last
    case average

    public init(isStock: Bool, format: DisplayFormat) {
        self = isStock ? .last : format == .percent ? .average : .total
    }

    /// `total`, `average`, `last value`: the measure in a sentence.
    public var words: String { self == .last ? "last value" : rawValue }

    /// The one value for `values`; a single value stands for itself.
    public func summary<Values: BidirectionalCollection<Value>>(of values: Values) -> Value {
        guard values.count > 1 else { return values.first ?? .error(.value) }
        if self == .last { return values.last ?? .error(.value) }
        var total = 0.0
        for value in values {
            guard let number = value.numeric else { return value }
            total += number
        }
        let result = self == .average ? total / Double(values.count) : total
        return result.isFinite ? .number(result) : .error(.number)
    }
}
