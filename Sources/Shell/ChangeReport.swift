import Formula
import PlanEngine
import TextLayout

/// The reactive display after an edit: every cell whose value moved, old → new
/// with the relative change, aligned so the eye runs down the columns.
///
///     leads            120 → 150      +25%
///     opportunities     18 → 22.5     +25%
///     revenue      $14,256 → $17,820  +25%
///
/// New cells print first as `name = value (new)` and deleted ones as
/// `name deleted (was value)` (a series `name total = value (new)  ▁▃▆█` and `name deleted (was
/// total value)`): the edit itself, then what followed from it. The edit's
/// ``EditNote``s follow the list as warnings (a script's with its file and line), except a
/// note that labels a new cell, said beside it: `lead = 150 (new; did you mean leads?)`.
enum ChangeReport {
    /// At most this many changed cells are listed; an edit at the root of a huge model
    /// would otherwise scroll the screen for minutes. The rest are counted.
    static let shownChanges = 40

    /// Says the changes, then the notes that are not labels.
    static func tell(
        _ changes: [CellChange], notes: [EditNote] = [], colorizer: Colorizer, width: Int?,
        newLabel: String = "new", periods: [String] = [], unicode: Bool, reply: inout Reply
    ) {
        reply.say(lines(
            for: changes, notes: notes, colorizer: colorizer, width: width, newLabel: newLabel, periods: periods,
            unicode: unicode))
        for note in notes where !note.isLabel { reply.warn(note.messageWithUndo) }
    }

    /// - Parameter newLabel: what a cell that appeared is called: `new`, or `restored` when undo brought it back.
    ///
    /// A series shows its total (its last value for a stock) old → new and a sparkline of its
    /// new values; when one period moved, that period's values (`leads[2027-09] 100 → 300`).
    /// `periods` are the labels of the model's periods (empty without them); `unicode` says
    /// whether the sparklines may use block characters.
    static func lines(
        for changes: [CellChange], notes: [EditNote] = [], colorizer: Colorizer, width: Int?, newLabel: String = "new",
        periods: [String] = [], unicode: Bool
    ) -> [String] {
        // Only the cells shown are formatted: an edit at the root of a 1M-cell chain changes them all.
        // Cells that appeared or went are listed first, then as many moved ones as fit.
        let appearedCount = changes.count { ($0.old == nil) != ($0.new == nil) }
        let appearedQuota = min(appearedCount, shownChanges)
        let movedQuota = shownChanges - appearedQuota
        var appeared: [String] = []
        var moved: [[String]] = []
        var hidden = 0
        for change in changes {
            let isMove = change.old != nil && change.new != nil
            guard isMove ? moved.count < movedQuota : appeared.count < appearedQuota else {
                if change.old != nil || change.new != nil { hidden += 1 }
                continue
            }
            let name = colorizer.cellName(change.name, isLeadIndicator: change.isLeadIndicator)
            switch (change.old, change.new) {
            case (nil, let new?):
                let label = ([newLabel] + notes.filter { $0.isLabel && $0.cell == change.name }.map(\.message))
                    .joined(separator: "; ")
                // A new series says which one value stands for it, and its shape.
                let shape = change.series.map { "  " + SeriesDisplay.sparkline($0.new, unicode: unicode) } ?? ""
                appeared.append("\(name)\(summaryWord(change)) = \(ValueFormatter.display(new, format: change.format)) (\(label))\(shape)")
            case (let old?, nil):
                let was = (change.series == nil ? "" : summaryWord(change)) + " " + ValueFormatter.display(old, format: change.oldFormat)
                appeared.append("\(name) deleted (was\(was))")
            case (let old?, let new?):
                moved.append(movedRow(change, name: name, old: old, new: new, periods: periods, unicode: unicode))
            case (nil, nil):
                continue
            }
        }
        let listed = appeared + table(of: moved, width: width, unicode: unicode)
        guard hidden > 0 else { return listed }
        return listed + ["… and \(hidden) more cell\(hidden == 1 ? "" : "s") changed (:list shows every value)"]
    }

    /// ` total` (` last` for a level: through `prev`, or a running total; ` average` for a rate) after the name
    /// of a series, which one value then stands for; nothing for a single value.
    private static func summaryWord(_ change: CellChange) -> String {
        change.series == nil ? "" : " " + change.measure.rawValue
    }

    /// One moved cell: name, old, new, relative change, and for a series a sparkline.
    private static func movedRow(
        _ change: CellChange, name: String, old: Value, new: Value, periods: [String], unicode: Bool
    ) -> [String] {
        guard let series = change.series else {
            return [name, ValueFormatter.display(old, format: change.oldFormat),
                    ValueFormatter.display(new, format: change.format), ValueFormatter.relativeChange(from: old, to: new) ?? ""]
        }
        var (label, before, after) = (name + summaryWord(change), old, new)
        if let moved = series.periods, moved.count == 1, let oldValues = series.old, moved.lowerBound < periods.count,
           oldValues.count == series.new.count {
            (label, before, after) = ("\(name)[\(periods[moved.lowerBound])]", oldValues[moved.lowerBound], series.new[moved.lowerBound])
        }
        return [label, ValueFormatter.display(before, format: change.oldFormat), ValueFormatter.display(after, format: change.format),
                (ValueFormatter.relativeChange(from: before, to: after) ?? "") + "  " + SeriesDisplay.sparkline(series.new, unicode: unicode)]
    }

    /// Without `unicode`, ` -> ` goes between old and new instead of ` → `, and a cut name ends in `~`.
    private static func table(of rows: [[String]], width: Int?, unicode: Bool) -> [String] {
        let arrow = unicode ? " → " : " -> "
        guard !rows.isEmpty else { return [] }
        // Names pad on the right and old values on the left, so the padding alone usually
        // parts them, as in SPEC §4; a space goes between only where some row would run together.
        let measured = rows.map { $0.map(DisplayWidth.of) }
        let columnWidths = (0...3).map { column in measured.map { $0[column] }.max() ?? 0 }
        let touching = measured.contains { columnWidths[0] - $0[0] + columnWidths[1] - $0[1] == 0 }
        let naturalWidth = columnWidths.reduce(arrow.count + "  ".count, +)
        // A name cut to fit fills its column, so it could touch the value.
        let cutsNames = width.map { naturalWidth > $0 } ?? false
        var table = TextTable(
            columns: [
                TextColumn(isShrinkable: true, minimumWidth: 8),
                TextColumn(alignment: .right, separatorBefore: touching || cutsNames ? " " : ""),
                TextColumn(separatorBefore: arrow),
                TextColumn(alignment: .right),
            ],
            showsHeader: false)
        if !unicode { table.ellipsis = DisplayWidth.asciiEllipsis }
        for row in rows { table.addRow(row) }
        return table.render(width: width)
    }
}
