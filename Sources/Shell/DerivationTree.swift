import Formula
import PlanEngine
import TextLayout

/// What `:explain` draws: a cell, the cells its formula uses, and theirs, down
/// to the lead indicators, each with its value and formula.
///
///     revenue             $14,256  wins * deal_value
///     ├─ wins                5.94  opportunities * win_rate
///     │  ├─ opportunities      18  leads * conversion
///     │  │  ├─ leads          120  120
///     │  │  └─ conversion     15%  15%
///     │  └─ win_rate          33%  33%
///     └─ deal_value        $2,400  $2400
///
/// Built with an explicit stack, never recursion, so a long chain of cells cannot
/// overflow the stack; a cell reached a second time is not drawn again, so shared
/// inputs cost one row each instead of a row per path.
struct DerivationTree {
    /// Levels drawn below the root; deeper cells are summarized in one row, since
    /// nobody reads a tree indented past the width of a terminal.
    static let depthLimit = 40

    private enum Note {
        case formula
        case shownAbove
        case notDefined
        case deeper
    }

    private struct Row {
        let branch: String
        let name: String
        let note: Note
    }

    private var rows: [Row] = []
    private let model: Model

    init(of root: String, in model: Model) {
        self.model = model
        var drawn: Set<String> = []
        // Each entry: the cell, the branch drawn before its name, the indent for its children, its depth.
        var pending: [(name: String, branch: String, indent: String, depth: Int)] = [(root, "", "", 0)]
        while let entry = pending.popLast() {
            guard let cell = model[entry.name] else {
                rows.append(Row(branch: entry.branch, name: entry.name, note: .notDefined))
                continue
            }
            if !cell.references.isEmpty && drawn.contains(cell.name) {
                rows.append(Row(branch: entry.branch, name: cell.name, note: .shownAbove))
                continue
            }
            drawn.insert(cell.name)
            rows.append(Row(branch: entry.branch, name: cell.name, note: .formula))
            guard !cell.references.isEmpty else { continue }
            if entry.depth == Self.depthLimit {
                rows.append(Row(branch: entry.indent + "└─ ", name: "…", note: .deeper))
                continue
            }
            let children = cell.references
            for (index, child) in children.enumerated().reversed() {
                let isLast = index == children.count - 1
                pending.append((
                    child, entry.indent + (isLast ? "└─ " : "├─ "), entry.indent + (isLast ? "   " : "│  "),
                    entry.depth + 1
                ))
            }
        }
    }

    func render(colorizer: Colorizer, width: Int?, unicode: Bool) -> [String] {
        // On a plan with periods a series shows its total (or last value) and, in a column of its own, its shape.
        let shapes = model.timeline.hasPeriods
        var table = TextTable(
            columns: [
                TextColumn(isShrinkable: true, minimumWidth: 12),
                TextColumn(alignment: .right),
            ] + (shapes ? [TextColumn()] : []) + [
                TextColumn(isShrinkable: true, minimumWidth: 10),
            ],
            showsHeader: false)
        for row in rows {
            let cell = model[row.name]
            let value = cell.map(SeriesDisplay.summaryText) ?? ""
            let shape = shapes ? [cell.map { SeriesDisplay.sparkline($0.values, unicode: unicode) } ?? ""] : []
            let name = colorizer.cellName(row.name, in: model)
            switch row.note {
            case .formula:
                table.addRow([row.branch + name, value] + shape + [cell?.shownFormula ?? ""])
            case .shownAbove:
                table.addRow([row.branch + name, value] + shape + [colorizer.apply(.dim, to: "(shown above)")])
            case .notDefined:
                table.addRow([row.branch + name, CellError.name.rawValue] + shape + ["(not defined)"])
            case .deeper:
                table.addRow([row.branch + "…", ""] + shape + ["(deeper cells not shown)"])
            }
        }
        return table.render(width: width)
    }
}
