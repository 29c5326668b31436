/// Rows of text laid out in aligned columns that fit a terminal width.
///
/// Sections split the rows into titled groups ("lead indicators", "lag
/// indicators"); widths are shared across sections so every group lines up.
/// Cells may carry ANSI colors: widths count only what is shown.
///
///     var table = TextTable(columns: [TextColumn("name"), TextColumn("value", alignment: .right)])
///     table.addRow(["leads", "120"])
///     table.render(width: 80)  // ["name   value", "leads    120"]
public struct TextTable: Sendable {
    /// One line of the table body.
    public enum Row: Sendable, Hashable {
        /// One text per column; missing cells are empty and extra cells are not shown.
        case cells([String])
        /// Starts a group of rows: a blank line after earlier rows, then the title if any.
        case section(title: String?)
    }

    public var columns: [TextColumn]
    public var showsHeader: Bool
    /// What goes between two columns, unless a column sets its own `separatorBefore`.
    public var separator: String
    /// What ends a cut cell: `…`, or ``DisplayWidth/asciiEllipsis`` where the output keeps to ASCII.
    public var ellipsis = DisplayWidth.ellipsis
    public private(set) var rows: [Row] = []
    /// The rows (indexes into `rows`) added by ``addSpanningRow(_:_:)``.
    private var spanningRows: Set<Int> = []

    public init(columns: [TextColumn], showsHeader: Bool = true, separator: String = "  ") {
        self.columns = columns
        self.showsHeader = showsHeader
        self.separator = separator
    }

    public mutating func addRow(_ cells: [String]) {
        rows.append(.cells(cells))
    }

    /// A row whose text after the first column runs on across the others, left-aligned and never
    /// cut, without widening them: one value beside rows of many (`conversion  15%` in a grid
    /// of periods). It is `.cells([first, rest])` in `rows`.
    public mutating func addSpanningRow(_ first: String, _ rest: String) {
        spanningRows.insert(rows.count)
        rows.append(.cells([first, rest]))
    }

    public mutating func addSection(_ title: String? = nil) {
        rows.append(.section(title: title))
    }

    /// The table as lines without trailing spaces, fitted to `width` columns when given
    /// (see `TextColumn.isShrinkable`); section titles longer than the width are cut.
    public func render(width: Int? = nil) -> [String] {
        let widths = ColumnFitting.widths(
            naturalWidths: naturalWidths(),
            columns: columns,
            separatorWidth: separators.reduce(0) { $0 + DisplayWidth.of($1) },
            available: width
        )
        var lines: [String] = []
        if showsHeader { lines.append(line(columns.map(\.header), widths: widths)) }
        var hasBodyRows = false
        for (index, row) in rows.enumerated() {
            switch row {
            case .cells(let cells) where spanningRows.contains(index):
                lines.append(spanningLine(cells, widths: widths))
            case .cells(let cells):
                lines.append(line(cells, widths: widths))
            case .section(let title):
                if hasBodyRows { lines.append("") }
                if let title { lines.append(width.map { DisplayWidth.truncated(title, toWidth: $0, ellipsis: ellipsis) } ?? title) }
            }
            hasBodyRows = true
        }
        return lines
    }

    /// The separator in front of each column after the first.
    private var separators: [String] {
        columns.dropFirst().map { $0.separatorBefore ?? separator }
    }

    private func naturalWidths() -> [Int] {
        var widths = columns.map { showsHeader ? DisplayWidth.of($0.header) : 0 }
        for (row, content) in rows.enumerated() {
            guard case .cells(let cells) = content else { continue }
            for (index, cell) in cells.prefix(spanningRows.contains(row) ? 1 : columns.count).enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The first cell in its column, then the rest from where the second column starts.
    private func spanningLine(_ cells: [String], widths: [Int]) -> String {
        guard columns.count > 1, cells.count > 1 else { return line(cells, widths: widths) }
        let first = DisplayWidth.padded(
            DisplayWidth.truncated(cells[0], toWidth: widths[0], ellipsis: ellipsis), toWidth: widths[0], alignment: .left)
        var text = first + separators[0] + cells[1]
        while text.last == " " { text.removeLast() }
        return text
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var text = ""
        for (index, column) in columns.enumerated() {
            if index > 0 { text += separators[index - 1] }
            let cell = index < cells.count ? cells[index] : ""
            let fitted = DisplayWidth.truncated(cell, toWidth: widths[index], ellipsis: ellipsis)
            // The last column is not padded on the left-aligned side: it would only add trailing spaces.
            let isLast = index == columns.count - 1
            text += isLast && column.alignment == .left
                ? fitted : DisplayWidth.padded(fitted, toWidth: widths[index], alignment: column.alignment)
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}
