import Formula
import PlanEngine
import TextLayout
import WhatIf

/// A sensitivity table as `:table` prints it: the target's values in its own format,
/// the axes in their inputs' formats, and the inputs' current values in brackets.
///
///     leads    revenue
///        80    $9,504
///     [120]  [$14,256]
///       160   $19,008
///     [ ] marks the current value: leads = 120
///
/// Every other value has a space on each side, so the digits line up with the bracketed
/// ones. A two-way table too wide for the terminal is printed in blocks of columns.
struct SensitivityTableView {
    let table: SensitivityTable
    /// The model the table was computed on, for the inputs' current values.
    let model: Model
    let colorizer: Colorizer

    func render(width: Int?) -> [String] {
        var lines: [String] = []
        if let columns = table.columns {
            lines.append("\(table.target) by \(table.rows.axis.name) (rows) and \(columns.axis.name) (columns)")
        }
        lines += grid().render(width: width)
        lines += footnotes()
        return lines
    }

    private func grid() -> WideTable {
        let rows = table.rows
        let numbers = { (header: String) in TextColumn(header, alignment: .right) }
        guard let columns = table.columns else {
            var grid = WideTable(leading: [numbers(rows.axis.name + " ")], groups: [[numbers(table.target + " ")]])
            for (index, value) in rows.axis.values.enumerated() {
                let isBase = index == rows.baseIndex
                grid.addRow([mark(axisText(value, rows), isBase), mark(valueText(table.values[index][0]), isBase)])
            }
            return grid
        }
        let headers = columns.axis.values.enumerated().map { index, value in
            mark(axisText(value, columns), index == columns.baseIndex)
        }
        var grid = WideTable(
            leading: [numbers("\(rows.axis.name) \\ \(columns.axis.name) ")], groups: headers.map { [numbers($0)] })
        for (row, value) in rows.axis.values.enumerated() {
            let cells = table.values[row].enumerated().map { column, cell in
                mark(valueText(cell), row == rows.baseIndex && column == columns.baseIndex)
            }
            grid.addRow([mark(axisText(value, rows), row == rows.baseIndex)] + cells)
        }
        return grid
    }

    /// Says what the brackets mean, and which current values the axes do not reach.
    private func footnotes() -> [String] {
        let dimensions = [table.rows] + (table.columns.map { [$0] } ?? [])
        let current = { (dimension: SensitivityTable.Dimension) in
            let name = dimension.axis.name
            return "\(name) = \(ValueFormatter.display(model.value(of: name), format: model.format(of: name)))"
        }
        // An input that varies over time has no one current value: each point sets it in every period.
        let varying = dimensions.compactMap { model[$0.axis.name] }.filter(\.isSeries).map { cell in
            "\(cell.name) is \(cell.shownFormula)\(cell.overrides.isEmpty ? "" : " with overrides") now; "
                + "each value is set for every period\(cell.overrides.isEmpty ? "" : " it does not override")"
        }
        let fixed = dimensions.filter { !model.isSeries($0.axis.name) }
        let marked = fixed.filter { $0.baseIndex != nil }.map(current)
        let missing = fixed.filter { $0.baseIndex == nil }.map(current)
        let notInTable = missing.joined(separator: ", ") + " now: not in the table"
        guard !marked.isEmpty else { return (missing.isEmpty ? [] : [notInTable]) + varying }
        let plural = marked.count == 1 ? "" : "s"
        return ["[ ] marks the current value\(plural): " + marked.joined(separator: ", ")
            + (missing.isEmpty ? "" : " (" + notInTable + ")")] + varying
    }

    private func mark(_ text: String, _ isBase: Bool) -> String {
        isBase ? colorizer.apply(.bold, to: "[" + text + "]") : " " + text + " "
    }

    private func axisText(_ value: Double, _ dimension: SensitivityTable.Dimension) -> String {
        ValueFormatter.display(.number(value), format: dimension.format)
    }

    private func valueText(_ value: Value) -> String {
        ValueFormatter.display(value, format: table.targetFormat)
    }
}
