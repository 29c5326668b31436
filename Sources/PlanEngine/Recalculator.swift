import Formula

/// Recomputes the cells downstream of an edit, in dependency order, and
/// stops spreading wherever a value comes out unchanged.
///
/// Kahn's algorithm over the affected subgraph only: nothing outside the
/// edit's reach is visited, and nothing recurses on the model's depth.
/// Scratch marks are arrays stamped with a generation number, so a small
/// edit on a large model costs only what it touches.
struct Recalculator: Sendable {
    /// Cells evaluated so far: the count tests use to prove an edit touched only its dependents.
    private(set) var evaluations = 0
    /// Runs the cells' compiled formulas; its step count is the work evaluation has done.
    private(set) var machine = Machine()
    private var generation: UInt32 = 0
    private var affectedMark: [UInt32] = []
    private var dirtyMark: [UInt32] = []
    /// Cells whose format may have moved: an edited cell, or one using a cell whose format moved.
    /// A format depends only on the formats a formula reads, so a goal seek trying values skips it.
    private var formatDirtyMark: [UInt32] = []
    private var waitingOn: [Int32] = []

    /// Re-evaluates from `roots` (cells edited, or names whose meaning changed) and returns
    /// the cells whose value or format changed: the edited cells first, then the others in file
    /// order, so the same edit always reads the same way. `newCells` are reported even
    /// when their first value equals the placeholder they start with. Without `reportingChanges`
    /// the list is not built (and comes back empty): the what-if tools read only the cells they need.
    mutating func recompute(
        from roots: [CellID], newCells: Set<CellID> = [], store: inout CellStore, graph: DependencyGraph,
        reportingChanges: Bool = true
    ) -> [CellChange] {
        startGeneration(size: store.symbolCount)
        let affected = markAffected(from: roots, store: store, graph: graph)
        var ready: [CellID] = []
        for id in affected {
            let count = graph.precedents[id].reduce(Int32(0)) { $0 + (affectedMark[$1] == generation ? 1 : 0) }
            waitingOn[id] = count
            if count == 0 { ready.append(id) }
        }
        for root in roots {
            if store.isDefined(root) {
                dirtyMark[root] = generation
                formatDirtyMark[root] = generation
            } else {
                for dependent in graph.dependents[root] {
                    dirtyMark[dependent] = generation
                    formatDirtyMark[dependent] = generation
                }
            }
        }
        let rootSet = Set(roots)
        var changed: [(position: Int, change: CellChange)] = []
        var head = 0
        while head < ready.count {
            let id = ready[head]
            head += 1
            if dirtyMark[id] == generation, let previous = evaluate(
                id, isNew: newCells.contains(id), recomputingFormat: formatDirtyMark[id] == generation, store: &store
            ) {
                if reportingChanges {
                    let position = store.position(of: id) ?? 0
                    let change = CellChange(
                        name: store.names[id], old: previous.value, new: store.values[id], format: store.formats[id],
                        oldFormat: previous.format, isLeadIndicator: store.slots[id]?.referenceIDs.isEmpty ?? true)
                    changed.append((rootSet.contains(id) ? position - store.symbolCount : position, change))
                }
                let formatMoved = previous.format != store.formats[id]
                for dependent in graph.dependents[id] {
                    dirtyMark[dependent] = generation
                    if formatMoved { formatDirtyMark[dependent] = generation }
                }
            }
            for dependent in graph.dependents[id] where affectedMark[dependent] == generation {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { ready.append(dependent) }
            }
        }
        // Dependency order is often file order already (a chain, a model written top down).
        let inOrder = zip(changed, changed.dropFirst()).allSatisfy { $0.position < $1.position }
        return (inOrder ? changed : changed.sorted { $0.position < $1.position }).map(\.change)
    }

    /// Evaluates every cell once, in an order where each comes after what it uses (a fresh load).
    mutating func evaluateAll(in order: [CellID], store: inout CellStore) {
        for id in order { _ = evaluate(id, isNew: false, recomputingFormat: true, store: &store) }
    }

    /// What a cell was before it was evaluated again, for its change.
    private struct Previous {
        let value: Value?
        let format: DisplayFormat
    }

    /// Evaluates one cell, and its format when `recomputingFormat`; returns what it was before
    /// when its value or format moved, or when it is new.
    private mutating func evaluate(
        _ id: CellID, isNew: Bool, recomputingFormat: Bool, store: inout CellStore
    ) -> Previous? {
        guard store.isDefined(id) else { return nil }
        evaluations += 1
        // The program is read in place, through a buffer: a copy would take reference counts.
        let value = store.programs.withUnsafeBufferPointer { programs in
            store.values.withUnsafeBufferPointer { machine.value(of: programs[id], slots: $0) }
        }
        let format = !recomputingFormat ? store.formats[id] : store.programs.withUnsafeBufferPointer { programs in
            store.formats.withUnsafeBufferPointer { machine.format(of: programs[id], slots: $0) }
        }
        let old = store.values[id]
        let oldFormat = store.formats[id]
        guard value != old || format != oldFormat || isNew else { return nil }
        store.values[id] = value
        store.formats[id] = format
        return Previous(value: isNew ? nil : old, format: oldFormat)
    }

    /// Every defined cell reachable from `roots` through dependents, roots included when defined.
    private mutating func markAffected(from roots: [CellID], store: CellStore, graph: DependencyGraph) -> [CellID] {
        var affected: [CellID] = []
        var stack: [CellID] = []
        for root in roots {
            if store.isDefined(root) {
                if affectedMark[root] != generation {
                    affectedMark[root] = generation
                    affected.append(root)
                    stack.append(root)
                }
            } else {
                stack.append(root)
            }
        }
        while let current = stack.popLast() {
            for dependent in graph.dependents[current] where affectedMark[dependent] != generation {
                affectedMark[dependent] = generation
                affected.append(dependent)
                stack.append(dependent)
            }
        }
        return affected
    }

    private mutating func startGeneration(size: Int) {
        if affectedMark.count < size {
            let extra = size - affectedMark.count
            affectedMark += repeatElement(0, count: extra)
            dirtyMark += repeatElement(0, count: extra)
            formatDirtyMark += repeatElement(0, count: extra)
            waitingOn += repeatElement(0, count: extra)
        }
        if generation == UInt32.max {
            generation = 0
            for index in affectedMark.indices {
                affectedMark[index] = 0
                dirtyMark[index] = 0
                formatDirtyMark[index] = 0
            }
        }
        generation += 1
    }
}
