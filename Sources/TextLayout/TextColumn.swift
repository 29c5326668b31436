/// Which side of its column a cell's text keeps to: names and words left, numbers right
/// so their digits line up.
public enum ColumnAlignment: Sendable, Hashable {
    case left
    case right
}

/// One column of a `TextTable`: its header, how its cells line up, and whether it may
/// give up width when the table is too wide for the terminal.
public struct TextColumn: Sendable, Hashable {
    public var header: String
    public var alignment: ColumnAlignment
    /// Whether cells may be cut short (ending in `…`) to fit the width. Leave it off
    /// for numbers: a cut number reads as a different number.
    public var isShrinkable: Bool
    /// The narrowest a shrinkable column gets, in columns.
    public var minimumWidth: Int
    /// The text put before this column instead of the table's separator (say `" → "`
    /// between an old and a new value); not used for the first column.
    public var separatorBefore: String?

    public init(
        _ header: String = "",
        alignment: ColumnAlignment = .left,
        isShrinkable: Bool = false,
        minimumWidth: Int = 1,
        separatorBefore: String? = nil
    ) {
        self.header = header
        self.alignment = alignment
        self.isShrinkable = isShrinkable
        self.minimumWidth = max(minimumWidth, 1)
        self.separatorBefore = separatorBefore
    }
}
