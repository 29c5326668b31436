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
        // Each cell is measured once: measuring walks the text, and a row may hold a long sparkline.
        let measured = rows.enumerated().map { index, row -> [Int] in
            guard case .cells(let cells) = row else { return [] }
            return cells.prefix(spanningRows.contains(index) ? 1 : columns.count).map(DisplayWidth.of)
        }
        let header = showsHeader ? columns.map { DisplayWidth.of($0.header) } : []
        let separators = self.separators
        let widths = ColumnFitting.widths(
            naturalWidths: naturalWidths(measured: measured, header: header),
            columns: columns,
            separatorWidth: separators.reduce(0) { $0 + DisplayWidth.of($1) },
            available: width
        )
        var lines: [String] = []
        if showsHeader {
            lines.append(line(columns.map(\.header), measured: header, widths: widths, separators: separators))
        }
        var hasBodyRows = false
        for (index, row) in rows.enumerated() {
            switch row {
            case .cells(let cells) where spanningRows.contains(index):
                lines.append(spanningLine(cells, widths: widths, separators: separators))
            case .cells(let cells):
                lines.append(line(cells, measured: measured[index], widths: widths, separators: separators))
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

    /// The widest cell of each column (a spanning row counts with its first cell only).
    private func naturalWidths(measured: [[Int]], header: [Int]) -> [Int] {
        var widths = header.isEmpty ? Array(repeating: 0, count: columns.count) : header
        for row in measured {
            for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
        }
        return widths
    }

    /// The first cell in its column, then the rest from where the second column starts.
    private func spanningLine(_ cells: [String], widths: [Int], separators: [String]) -> String {
        guard columns.count > 1, cells.count > 1 else {
            return line(cells, measured: cells.map(DisplayWidth.of), widths: widths, separators: separators)
        }
        let first = DisplayWidth.padded(
            DisplayWidth.truncated(cells[0], toWidth: widths[0], ellipsis: ellipsis), toWidth: widths[0], alignment: .left)
        return Self.trimmingTrailingSpaces(first + separators[0] + cells[1])
    }

    /// One row, each cell cut to its column (`measured` are the cells' own widths) and padded.
    private func line(_ cells: [String], measured: [Int], widths: [Int], separators: [String]) -> String {
        var text = ""
        for (index, column) in columns.enumerated() {
            if index > 0 { text += separators[index - 1] }
            let cell = index < cells.count ? cells[index] : ""
            let cellWidth = index < measured.count ? measured[index] : 0
            let fits = cellWidth <= widths[index]
            let fitted = fits ? cell : DisplayWidth.truncated(cell, toWidth: widths[index], ellipsis: ellipsis)
            // The last column is not padded on the left-aligned side: it would only add trailing spaces.
            if index == columns.count - 1 && column.alignment == .left {
                text += fitted
                continue
            }
            let fill = String(repeating: " ", count: max(widths[index] - (fits ? cellWidth : DisplayWidth.of(fitted)), 0))
            text += column.alignment == .left ? fitted + fill : fill + fitted
        }
        return Self.trimmingTrailingSpaces(text)
    }

    /// `text` without the spaces it ends with, found byte by byte rather than character by character.
    private static func trimmingTrailingSpaces(_ text: String) -> String {
        let spaces = text.utf8.reversed().prefix { $0 == UInt8(ascii: " ") }.count
        return spaces == 0 ? text : String(decoding: text.utf8.dropLast(spaces), as: UTF8.self)
    }
}
