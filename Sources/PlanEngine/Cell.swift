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

    init(_ definition: Definition, references: [String], value: Value, format: DisplayFormat) {
        name = definition.name
        formula = definition.formula
        expression = definition.expression
        self.references = references
        self.value = value
        self.format = format
    }
}

extension Cell {
    public var definition: Definition { Definition(name: name, formula: formula, expression: expression) }
}
