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
    /// The order last computed by ``affectedOrder(from:store:graph:)``.
    private var lastOrder: AffectedOrder?

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
        let order = affectedOrder(from: roots, store: store, graph: graph)
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
        let cells = order.cells
        let userStart = order.userStart
        let users = order.users
        for (index, id) in cells.enumerated() where dirtyMark[id] == generation {
            let isNew = !newCells.isEmpty && newCells.contains(id)
            let recomputingFormat = formatDirtyMark[id] == generation
            guard let previous = evaluate(id, isNew: isNew, recomputingFormat: recomputingFormat, store: &store)
            else { continue }
            if reportingChanges {
                let position = store.position(of: id) ?? 0
                let change = CellChange(
                    name: store.names[id], old: previous.value, new: store.values[id], format: store.formats[id],
                    oldFormat: previous.format, isLeadIndicator: store.slots[id]?.referenceIDs.isEmpty ?? true)
                changed.append((rootSet.contains(id) ? position - store.symbolCount : position, change))
            }
            let formatMoved = previous.format != store.formats[id]
            for user in users[userStart[index]..<userStart[index + 1]] {
                dirtyMark[user] = generation
                if formatMoved { formatDirtyMark[user] = generation }
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

    /// The defined cells downstream of `roots` (roots included), each after every one of them it
    /// uses, with the cells using each one: Kahn's algorithm over that part of the graph only.
    /// The order is kept, and used again while the roots and the graph stay the same: a goal
    /// seek or a table sets one input many times.
    private mutating func affectedOrder(
        from roots: [CellID], store: CellStore, graph: DependencyGraph
    ) -> AffectedOrder {
        if let lastOrder, lastOrder.roots == roots, lastOrder.graphVersion == graph.version { return lastOrder }
        let affected = markAffected(from: roots, store: store, graph: graph)
        var order = AffectedOrder(roots: roots, graphVersion: graph.version)
        order.cells.reserveCapacity(affected.count)
        order.userStart.reserveCapacity(affected.count + 1)
        for id in affected {
            let count = graph.precedents[id].reduce(Int32(0)) { $0 + (affectedMark[$1] == generation ? 1 : 0) }
            waitingOn[id] = count
            if count == 0 { order.cells.append(id) }
        }
        var head = 0
        while head < order.cells.count {
            let id = order.cells[head]
            head += 1
            order.userStart.append(order.users.count)
            order.users += graph.dependents[id]
            for dependent in graph.dependents[id] where affectedMark[dependent] == generation {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { order.cells.append(dependent) }
            }
        }
        order.userStart.append(order.users.count)
        lastOrder = order
        return order
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

/// The cells an edit of `roots` recomputes, in an order where each comes after what it uses,
/// with the users of each in flat arrays (the users of `cells[i]` are
/// `users[userStart[i] ..< userStart[i + 1]]`), so walking them takes no reference counts.
private struct AffectedOrder {
    let roots: [CellID]
    /// The ``DependencyGraph/version`` it was computed on: it holds while that stays.
    let graphVersion: Int
    var cells: [CellID] = []
    var userStart: [Int] = []
    var users: [CellID] = []
}
