import Formula
import PlanEngine

/// The changes between two models, as the engine reports the changes of one edit:
/// what the reactive display shows when the model on screen was rebuilt rather than
/// edited (a scenario switched, or an edit made while a scenario is shown).
enum ModelDiff {
    /// Cells removed first, then every cell whose value or format differs or that is new, in
    /// the new model's order. `renamed` maps new names to old ones, so a renamed cell is
    /// compared with itself. A series is compared in every period and reported by its summary
    /// (total, or last value for a level), with its periods, as a recompute reports it.
    static func changes(from old: Model, to new: Model, renamed: [String: String] = [:]) -> [CellChange] {
        let oldNames = Dictionary(renamed.map { ($0.value, $0.key) }) { first, _ in first }
        var changes: [CellChange] = []
        for cell in old.cellsInOrder where new[oldNames[cell.name] ?? cell.name] == nil {
            changes.append(CellChange.removal(of: cell))
        }
        let count = new.timeline.count
        for cell in new.cellsInOrder {
            let before = old[renamed[cell.name] ?? cell.name]
            let newValues = everyPeriod(cell, count: count)
            let oldValues = before.map { everyPeriod($0, count: count) }
            guard oldValues != newValues || before?.format != cell.format else { continue }
            guard cell.isSeries || before?.isSeries == true else {
                changes.append(CellChange(
                    name: cell.name, old: before?.value, new: cell.value, format: cell.format, oldFormat: before?.format,
                    isLeadIndicator: cell.isLeadIndicator))
                continue
            }
            let moved = oldValues.flatMap { values in
                let differing = values.indices.filter { values[$0] != newValues[$0] }
                return differing.first.map { $0...differing[differing.count - 1] }
            }
            changes.append(CellChange(
                name: cell.name, old: oldValues.map { cell.measure.summary(of: $0) },
                new: cell.measure.summary(of: newValues), format: cell.format, oldFormat: before?.format,
                isLeadIndicator: cell.isLeadIndicator,
                series: SeriesChange(old: oldValues, new: newValues, periods: moved), isStock: cell.isStock))
        }
        return changes
    }

    /// A cell's value in each of `count` periods (a single value repeats, as it counts in a series).
    private static func everyPeriod(_ cell: Cell, count: Int) -> [Value] {
        cell.isSeries ? cell.values : Array(repeating: cell.value, count: count)
    }
}
