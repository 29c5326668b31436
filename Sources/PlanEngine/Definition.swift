import Formula

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
