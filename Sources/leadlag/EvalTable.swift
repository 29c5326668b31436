import Formula
import LineEditing
import PlanEngine
import Shell
import TextLayout

/// The `table` format of `leadlag eval`: lead indicators, then lag indicators,
/// values formatted and right-aligned, formulas beside them (cut to fit a terminal).
///
/// In a plan with periods each cell is one row with a column per period instead (a single
/// value repeats), lead indicators first.
enum EvalTable {
    static func render(_ cells: [Cell], periods: [String]) -> [String] {
        guard !periods.isEmpty else { return render(cells) }
        var table = TextTable(
            columns: [TextColumn("name")] + periods.map { TextColumn($0, alignment: .right) }, showsHeader: true)
        for (title, group) in [("lead indicators", cells.filter(\.isLeadIndicator)),
                               ("lag indicators", cells.filter { !$0.isLeadIndicator })] where !group.isEmpty {
            table.addSection(title)
            for cell in group {
                table.addRow(["  " + cell.name] + periods.indices.map {
                    ValueFormatter.display(cell.values[cell.isSeries ? $0 : 0], format: cell.format)
                })
            }
        }
        return table.render(width: nil)
    }

    static func render(_ cells: [Cell]) -> [String] {
        var table = TextTable(columns: [
            TextColumn("name"),
            TextColumn("value", alignment: .right),
            TextColumn("formula", isShrinkable: true, minimumWidth: 8),
        ], showsHeader: false)
        for (title, group) in [("lead indicators", cells.filter(\.isLeadIndicator)),
                               ("lag indicators", cells.filter { !$0.isLeadIndicator })] where !group.isEmpty {
            table.addSection(title)
            for cell in group {
                table.addRow(["  " + cell.name, ValueFormatter.display(cell.value, format: cell.format),
                              cell.isLeadIndicator ? RangeNote.text(for: cell).map { "(\($0))" } ?? "" : "= " + cell.shownFormula])
            }
        }
        return table.render(width: Terminal.standardOutputIsTerminal ? Terminal.width : nil)
    }
}
