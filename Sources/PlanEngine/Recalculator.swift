import Formula

/// Recomputes the cells downstream of an edit, in dependency order, and
/// stops spreading wherever a value comes out unchanged.
///
/// Kahn's algorithm over the affected subgraph only: nothing outside the
/// edit's reach is visited, and nothing recurses on the model's depth.
struct Recalculator {
    /// Cells the recompute evaluated: the count tests use to prove an edit touched only its dependents.
    private(set) var evaluations = 0

    /// Re-evaluates from `dirtyRoots` (cells edited, or names whose meaning changed) and returns
    /// the cells whose value or format changed, in the order they were computed. `newCells` are
    /// reported even when their first value equals the placeholder they start with.
    mutating func recompute(
        from dirtyRoots: Set<String>,
        cells: inout CellStore,
        graph: DependencyGraph,
        newCells: Set<String>
    ) -> [CellChange] {
        let isDefined = { (name: String) in cells.keys.contains(name) }
        let affected = graph.downstream(of: dirtyRoots, isDefined: isDefined)
        var waitingOn: [String: Int] = [:]
        var ready: [String] = []
        for name in affected {
            let count = graph.precedents(of: name).reduce(0) { $0 + (affected.contains($1) ? 1 : 0) }
            if count == 0 { ready.append(name) } else { waitingOn[name] = count }
        }
        var dirty = dirtyRoots
        for root in dirtyRoots where !cells.keys.contains(root) { dirty.formUnion(graph.dependents(of: root)) }
        var changes: [CellChange] = []
        var head = 0
        while head < ready.count {
            let name = ready[head]
            head += 1
            if dirty.contains(name), let change = evaluate(name, cells: &cells, newCells: newCells) {
                changes.append(change)
                dirty.formUnion(graph.dependents(of: name))
            }
            for dependent in graph.dependents(of: name) where affected.contains(dependent) {
                guard let count = waitingOn[dependent] else { continue }
                if count == 1 {
                    waitingOn[dependent] = nil
                    ready.append(dependent)
                } else {
                    waitingOn[dependent] = count - 1
                }
            }
        }
        return changes
    }

    /// Evaluates every cell once, in an order where each comes after what it uses (a fresh load).
    mutating func evaluateAll(in order: [String], cells: inout CellStore) {
        for name in order { _ = evaluate(name, cells: &cells, newCells: []) }
    }

    /// Evaluates one cell; returns its change when its value or format moved, or when it is new.
    private mutating func evaluate(_ name: String, cells: inout CellStore, newCells: Set<String>) -> CellChange? {
        guard var cell = cells[name] else { return nil }
        evaluations += 1
        let value = Evaluator.evaluate(cell.expression) { cells[$0]?.value ?? .error(.name) }
        let format = FormatInference.format(of: cell.expression) { cells[$0]?.format ?? .number }
        let isNew = newCells.contains(name)
        guard value != cell.value || format != cell.format || isNew else { return nil }
        let old = cell.value
        cell.value = value
        cell.format = format
        cells[name] = cell
        return CellChange(
            name: name, old: isNew ? nil : old, new: value, format: format, isLeadIndicator: cell.isLeadIndicator)
    }
}
