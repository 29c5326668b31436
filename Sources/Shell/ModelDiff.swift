import PlanEngine

/// The changes between two models, as the engine reports the changes of one edit:
/// what the reactive display shows when the model on screen was rebuilt rather than
/// edited (a scenario switched, or an edit made while a scenario is shown).
enum ModelDiff {
    /// Cells removed first, then every cell whose value or format differs or that is new, in
    /// the new model's order. `renamed` maps new names to old ones, so a renamed cell is
    /// compared with itself.
    static func changes(from old: Model, to new: Model, renamed: [String: String] = [:]) -> [CellChange] {
        let oldNames = Dictionary(renamed.map { ($0.value, $0.key) }) { first, _ in first }
        var changes: [CellChange] = []
        for cell in old.cellsInOrder where new[oldNames[cell.name] ?? cell.name] == nil {
            changes.append(CellChange(
                name: cell.name, old: cell.value, new: nil, format: cell.format, isLeadIndicator: cell.isLeadIndicator))
        }
        for cell in new.cellsInOrder {
            let before = old[renamed[cell.name] ?? cell.name]
            guard before?.value != cell.value || before?.format != cell.format else { continue }
            changes.append(CellChange(
                name: cell.name, old: before?.value, new: cell.value, format: cell.format, oldFormat: before?.format,
                isLeadIndicator: cell.isLeadIndicator))
        }
        return changes
    }
}
