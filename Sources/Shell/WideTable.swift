import TextLayout

/// A table whose columns come in repeating groups — one per scenario in `:compare`, one
/// per input value in `:table` — printed in blocks of groups when it is wider than the
/// terminal, each block repeating the leading columns, the way R and pandas print wide
/// data frames. Numbers are never cut to fit; they move to the next block instead.
struct WideTable {
    /// The columns every block starts with (names, row labels).
    let leading: [TextColumn]
    let groups: [[TextColumn]]
    private(set) var rows: [TextTable.Row] = []

    init(leading: [TextColumn], groups: [[TextColumn]]) {
        self.leading = leading
        self.groups = groups
    }

    /// The leading cells, then each group's cells in order.
    mutating func addRow(_ cells: [String]) { rows.append(.cells(cells)) }

    mutating func addSection(_ title: String? = nil) { rows.append(.section(title: title)) }

    func render(width: Int?) -> [String] {
        var lines: [String] = []
        for block in blocks(width: width) {
            if !lines.isEmpty { lines.append("") }
            lines += table(of: block).render(width: width)
        }
        return lines
    }

    /// Consecutive runs of group indexes, each as many as fit beside the leading columns (at least one).
    private func blocks(width: Int?) -> [[Int]] {
        guard let width, !groups.isEmpty else { return [Array(groups.indices)] }
        let natural = naturalWidths()
        let leadingWidth = leading.indices.reduce(0) { $0 + natural[$1] + ($1 == 0 ? 0 : separatorWidth(leading[$1])) }
        var blocks: [[Int]] = [[]]
        var used = leadingWidth
        for (group, columns) in groups.enumerated() {
            let start = offset(ofGroup: group)
            let groupWidth = columns.indices.reduce(0) { $0 + natural[start + $1] + separatorWidth(columns[$1]) }
            if used + groupWidth > width, let last = blocks.last, !last.isEmpty {
                blocks.append([])
                used = leadingWidth
            }
            blocks[blocks.count - 1].append(group)
            used += groupWidth
        }
        return blocks
    }

    /// The table of the leading columns and the groups of one block.
    private func table(of block: [Int]) -> TextTable {
        var table = TextTable(columns: leading + block.flatMap { groups[$0] })
        let kept = Array(leading.indices) + block.flatMap { group in
            groups[group].indices.map { offset(ofGroup: group) + $0 }
        }
        for row in rows {
            switch row {
            case .cells(let cells):
                table.addRow(kept.map { $0 < cells.count ? cells[$0] : "" })
            case .section(let title):
                table.addSection(title)
            }
        }
        return table
    }

    private func offset(ofGroup group: Int) -> Int {
        leading.count + groups[..<group].reduce(0) { $0 + $1.count }
    }

    private func separatorWidth(_ column: TextColumn) -> Int {
        DisplayWidth.of(column.separatorBefore ?? "  ")
    }

    private func naturalWidths() -> [Int] {
        var widths = (leading + groups.flatMap { $0 }).map { DisplayWidth.of($0.header) }
        for case .cells(let cells) in rows {
            for (index, cell) in cells.prefix(widths.count).enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return widths
    }
}
