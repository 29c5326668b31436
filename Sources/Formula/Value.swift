/// The result of evaluating a formula: a number, a boolean, or an error value.
///
/// Errors are ordinary values so that they propagate through dependents like
/// in a spreadsheet instead of being thrown out of recalculation.
public enum Value: Hashable, Sendable {
    case number(Double)
    case boolean(Bool)
    case error(CellError)

    /// The value as a number for arithmetic: booleans count as 1 and 0.
    public var numeric: Double? {
        switch self {
        case .number(let number): number
        case .boolean(let flag): flag ? 1 : 0
        case .error: nil
        }
    }

    public var error: CellError? {
        if case .error(let code) = self { return code }
        return nil
    }
}

/// The spreadsheet error codes a cell can hold.
public enum CellError: String, Hashable, Sendable, CaseIterable {
    /// Division by zero.
    case divisionByZero = "#DIV/0!"
    /// A reference to a name that is not defined, or an unknown function.
    case name = "#NAME?"
    /// Not a finite number: sqrt(-1), overflow.
    case number = "#NUM!"
    /// Wrong argument count or kind.
    case value = "#VALUE!"
}

/// How a value is shown to people. Inferred from literals and propagated
/// through formulas (a `$`, `€` or `£` literal makes currency, a `%` literal percent).
public enum DisplayFormat: Hashable, Sendable {
    case number
    case percent
    /// Money, shown with the symbol its literals were written with: `$14,256`, `€2,400`.
    case currency(CurrencySymbol)
    case boolean

    /// The format's name as `:show` prints it: `number`, `percent`, `currency` (`currency €`
    /// for a currency other than the dollar), `boolean`.
    public var name: String {
        switch self {
        case .number: "number"
        case .percent: "percent"
        case .currency(.dollar): "currency"
        case .currency(let symbol): "currency \(symbol.rawValue)"
        case .boolean: "boolean"
        }
    }

    public var isCurrency: Bool {
        if case .currency = self { return true }
        return false
    }
}

/// The money symbols a number literal may start with. A model keeps to one of them: its money
/// is in one currency, and no formula converts between currencies.
public enum CurrencySymbol: String, Hashable, Sendable, CaseIterable {
    case dollar = "$"
    case euro = "€"
    case pound = "£"
}
