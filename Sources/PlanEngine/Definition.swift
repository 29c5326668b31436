import Formula

/// A request to give a cell a formula: the name, the text as written and its parse; with
/// `periods`, an override of the cell in those periods only (`leads[2027-03] = 150`).
public struct Definition: Sendable, Equatable {
    public let name: String
    public let formula: String
    public let expression: Expr
    /// The periods an override covers; nil for the cell's own formula.
    public var periods: PeriodSpan? { overridden?.unboxed }
    /// Whether the definition is an override (``periods`` is not nil), told without unboxing them.
    public var coversPeriods: Bool { overridden != nil }
    /// Out of line: most definitions cover no periods, and a model keeps one definition per cell.
    private let overridden: OutOfLine<PeriodSpan>?

    public init(name: String, formula: String, expression: Expr, periods: PeriodSpan? = nil) {
        self.name = name
        self.formula = formula
        self.expression = expression
        overridden = periods.map { .boxed($0) }
    }

    /// Parses `formula` on its own; a diagnostic's range is relative to the formula text.
    public init(name: String, formula: String, periods: PeriodSpan? = nil) throws(Diagnostic) {
        let trimmed = formula.trimmingSpaces()
        switch Parser.parseExpression(trimmed) {
        case .success(let expression): self.init(name: name, formula: trimmed, expression: expression, periods: periods)
        case .failure(let diagnostic): throw diagnostic
        }
    }

    /// What the definition sets: the cell, or the cell in some periods. Two definitions with the
    /// same target replace each other.
    public var target: DefinitionTarget { DefinitionTarget(name: name, periods: periods?.periods) }

    /// `leads` or `leads[2027-03]`, as the line's left side reads.
    public var targetText: String { periods.map { "\(name)[\($0.text)]" } ?? name }

    public static func == (lhs: Definition, rhs: Definition) -> Bool {
        lhs.name == rhs.name && lhs.formula == rhs.formula && lhs.expression == rhs.expression
            && lhs.periods?.periods == rhs.periods?.periods
    }
}

/// A cell, or a cell in some periods: what a definition or an override line sets.
public struct DefinitionTarget: Hashable, Sendable {
    public let name: String
    public let periods: ClosedRange<Period>?

    public init(name: String, periods: ClosedRange<Period>? = nil) {
        self.name = name
        self.periods = periods
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" { slice.removeLast() }
        return String(slice)
    }
}
