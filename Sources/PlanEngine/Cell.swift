import Formula

/// One named cell of a model: its formula as the user wrote it, the parsed
/// expression, and its current value and display format.
///
/// A cell that references no other cell is a lead indicator (an input the
/// user acts on); one that references another cell is a lag indicator.
public struct Cell: Sendable, Equatable {
    public let name: String
    /// The expression text as written, kept so a saved file shows the user's own text.
    public internal(set) var formula: String
    public internal(set) var expression: Expr
    /// Names the expression references, in order of first appearance.
    public internal(set) var references: [String]
    public internal(set) var value: Value
    public internal(set) var format: DisplayFormat

    public var isLeadIndicator: Bool { references.isEmpty }

    init(_ definition: Definition, value: Value, format: DisplayFormat) {
        name = definition.name
        formula = definition.formula
        expression = definition.expression
        references = definition.expression.referencedNames
        self.value = value
        self.format = format
    }
}

/// A request to give a cell a formula: the name, the text as written and its parse.
public struct Definition: Sendable, Equatable {
    public let name: String
    public let formula: String
    public let expression: Expr

    public init(name: String, formula: String, expression: Expr) {
        self.name = name
        self.formula = formula
        self.expression = expression
    }

    /// Parses `formula` on its own; a diagnostic's range is relative to the formula text.
    public init(name: String, formula: String) throws(Diagnostic) {
        let trimmed = formula.trimmingSpaces()
        switch Parser.parseExpression(trimmed) {
        case .success(let expression): self.init(name: name, formula: trimmed, expression: expression)
        case .failure(let diagnostic): throw diagnostic
        }
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

extension Cell {
    public var definition: Definition { Definition(name: name, formula: formula, expression: expression) }
}
