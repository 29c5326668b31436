import Formula

/// One cell whose value (or display format) changed because of an edit:
/// exactly what the REPL prints after a definition.
public struct CellChange: Sendable, Equatable {
    public let name: String
    /// nil when the cell did not exist before the edit.
    public let old: Value?
    /// nil when the edit deleted the cell.
    public let new: Value?
    /// The display format now (for a deleted cell, the one it had).
    public let format: DisplayFormat
    /// The display format the old value had: `0.15 → 20%` reads wrong, `15% → 0.2` right.
    public let oldFormat: DisplayFormat
    public let isLeadIndicator: Bool

    public init(
        name: String, old: Value?, new: Value?, format: DisplayFormat, oldFormat: DisplayFormat? = nil,
        isLeadIndicator: Bool
    ) {
        self.name = name
        self.old = old
        self.new = new
        self.format = format
        self.oldFormat = oldFormat ?? format
        self.isLeadIndicator = isLeadIndicator
    }
}
