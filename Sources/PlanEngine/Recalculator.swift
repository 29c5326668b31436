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
    /// Periods computed so far (one run of a cell's program each): tests use it to prove an edit
    /// of one period recomputed only the periods it can change.
    private(set) var periodEvaluations = 0
    /// Runs the cells' compiled formulas; its step count is the work evaluation has done.
    private(set) var machine = Machine()
    private var generation: UInt32 = 0
    private var affectedMark: [UInt32] = []
    private var dirtyMark: [UInt32] = []
    /// Cells whose format may have moved: an edited cell, or one using a cell whose format moved.
    /// A format depends only on the formats a formula reads, so a goal seek trying values skips it.
    private var formatDirtyMark: [UInt32] = []
    private var waitingOn: [Int32] = []
    /// The periods of each dirty cell that may change (valid where `dirtyMark` is this generation).
    private var dirtyFirst: [Int32] = []
    private var dirtyLast: [Int32] = []

    init(timeline: Timeline = .single) {
        machine.timeline = timeline
    }

    /// Re-evaluates from `roots` (cells edited, or names whose meaning changed) and returns
    /// the cells whose value or format changed: the edited cells first, then the others in file
    /// order, so the same edit always reads the same way. `periods`, when given, are the only
    /// periods of the roots the edit changed (an override); later ones follow only where a
    /// formula reads across periods. `newCells` are reported even when their first value equals
    /// the placeholder they start with. Without `reportingChanges` the list is not built (and
    /// comes back empty): the what-if tools read only the cells they need.
    ///
    /// Cells are taken in dependency order (Kahn's algorithm); cells tied in a loop through
    /// `prev` never become ready that way and are evaluated last, component by component,
    /// period by period.
    mutating func recompute(
        from roots: [CellID], periods: ClosedRange<Int>? = nil, newCells: Set<CellID> = [], store: inout CellStore,
        graph: DependencyGraph, reportingChanges: Bool = true
    ) -> [CellChange] {
        startGeneration(size: store.symbolCount)
        let affected = markAffected(from: roots, store: store, graph: graph)
        var ready: [CellID] = []
        ready.reserveCapacity(affected.count)
        for id in affected {
            let count = graph.precedents[id].reduce(Int32(0)) { $0 + (affectedMark[$1] == generation ? 1 : 0) }
            waitingOn[id] = count
            if count == 0 { ready.append(id) }
        }
        let all = 0...(store.stride - 1)
        for root in roots {
            if store.isDefined(root) {
                markDirty(root, periods: periods ?? all, store: store)
                formatDirtyMark[root] = generation
            } else {
                for dependent in graph.dependents[root] {
                    markDirty(dependent, periods: all, store: store)
                    formatDirtyMark[dependent] = generation
                }
            }
        }
        var report = ChangeCollector(roots: roots, isOn: reportingChanges, cells: affected.count, stride: store.stride)
        var head = 0
        while head < ready.count {
            let id = ready[head]
            head += 1
            if dirtyMark[id] == generation,
               let changed = evaluate(id, periods: dirtyPeriods(id), isNew: newCells.contains(id),
                                      newFormat: formatMayMove(id), store: &store, report: &report) {
                report.add(changed, of: id, store: store)
                spread(changed, from: id, store: store, graph: graph)
            }
            for dependent in graph.dependents[id] where affectedMark[dependent] == generation {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { ready.append(dependent) }
            }
        }
        if ready.count < affected.count {
            let stuck = affected.filter { waitingOn[$0] > 0 }
            let components = StronglyConnected.components(of: stuck, graph: graph) {
                affectedMark[$0] == generation && waitingOn[$0] > 0
            }
            for component in components {
                for (id, changed) in evaluate(component: component, newCells: newCells, store: &store, graph: graph,
                                              report: &report) {
                    report.add(changed, of: id, store: store)
                    spread(changed, from: id, store: store, graph: graph)
                }
            }
        }
        return report.changes(store: store)
    }

    /// Evaluates every cell once, in an order where each comes after what it uses (a fresh load
    /// of a model without loops through `prev`).
    mutating func evaluateAll(in order: [CellID], store: inout CellStore) {
        // Every cell is new, its format with it: no marks are needed, and none are made until an edit.
        if store.stride == 1 && order.count <= store.programs.count
            && order.withUnsafeBufferPointer({ cells in cells.indices.allSatisfy { cells[$0] == $0 } }) {
            return evaluateSingles(order, store: &store)
        }
        let all = 0...(store.stride - 1)
        for id in order where store.isDefined(id) {
            evaluations += 1
            let ran = runOnce(id, periods: all, newFormat: true, store: &store)
            _ = record(ran, of: id, format: ran.format ?? store.formats[id], store: &store)
        }
    }

    /// ``evaluateAll(in:store:)`` of the cells of a model without periods whose ids are `0..<n` in
    /// order (a file written top-down with no name missing): their programs are run one after the
    /// other in a single pass of the machine, then their formats worked out the same way. Values and
    /// formats do not depend on each other, and a cell without periods does not vary over time.
    private mutating func evaluateSingles(_ cells: [CellID], store: inout CellStore) {
        // A copy of the arena for the length of the run, released before any edit can change it.
        let programs = store.programs
        cells.withUnsafeBufferPointer { cells in
            store.values.withUnsafeMutableBufferPointer { values in
                machine.runSingles(0..<cells.count, of: programs, programs: cells, cells: cells, slots: values)
            }
        }
        cells.withUnsafeBufferPointer { cells in
            store.formats.withUnsafeMutableBufferPointer { formats in machine.runFormats(of: cells, in: programs, formats: formats) }
        }
        evaluations += cells.count
        periodEvaluations += cells.count
    }

    /// What evaluating a cell changed: the periods whose value moved (nil when only the format
    /// did) and, when changes are reported, where the report keeps what the cell was before.
    struct Changed {
        let periods: ClosedRange<Int>?
        let oldValues: Range<Int>?
        let wasSeries: Bool
        let oldFormat: DisplayFormat
        let isNew: Bool
        /// False when only whether the cell varies over time changed: its dependents are evaluated
        /// again, but there is nothing to show.
        var isShown = true
    }

    /// Evaluates one cell in `periods` (once, for every period, when it does not vary over time),
    /// working out its format again when `newFormat`; returns what changed, or nil when nothing did
    /// and the cell is not new.
    private mutating func evaluate(
        _ id: CellID, periods: ClosedRange<Int>, isNew: Bool, newFormat: Bool, store: inout CellStore,
        report: inout ChangeCollector
    ) -> Changed? {
        guard store.isDefined(id) else { return nil }
        evaluations += 1
        let wasSeries = store.isSeries[id]
        let oldValues = report.keep(id, store: store)
        let oldFormat = store.formats[id]
        // A cell that did not vary holds its value in every period, so a cell that starts to vary
        // needs only the periods whose inputs changed, like any other.
        let ran = runOnce(id, periods: periods, newFormat: newFormat, store: &store)
        let isSeries = ran.isSeries
        let format = ran.format ?? oldFormat
        let changed = record(ran, of: id, format: format, store: &store)
        let isShown = changed.range != nil || format != oldFormat || isNew
        if !isShown { report.forget(oldValues) }
        // A cell that starts or stops varying with the same values (an error in every period) shows
        // no change, but the cells reading it must learn whether they vary, as a fresh load has them.
        guard isShown || isSeries != wasSeries else { return nil }
        return Changed(periods: changed.range, oldValues: isShown ? oldValues : nil, wasSeries: wasSeries,
                       oldFormat: oldFormat, isNew: isNew, isShown: isShown)
    }

    /// Records what a run of cell `id` (``runOnce(_:periods:newFormat:store:)``) found, with `format`
    /// for its format; the periods whose values changed.
    private func record(
        _ ran: (isSeries: Bool, format: DisplayFormat?, changed: ClosedRange<Int>?), of id: CellID, format: DisplayFormat,
        store: inout CellStore
    ) -> ChangedRange {
        store.formats[id] = format
        store.isSeries[id] = ran.isSeries
        var changed = ChangedRange()
        changed.note(ran.changed)
        guard !ran.isSeries else { return changed }
        // One value stands for every period.
        let value = store.value(id)
        let base = store.base(of: id)
        for period in 1..<store.stride where store.values[base + period] != value {
            store.values[base + period] = value
            changed.note(period, if: true)
        }
        return changed
    }

    /// Evaluates cells tied in a loop through `prev` period by period, from the first period any
    /// of them must change, each period in same-period dependency order.
    private mutating func evaluate(
        component: [CellID], newCells: Set<CellID>, store: inout CellStore, graph: DependencyGraph,
        report: inout ChangeCollector
    ) -> [(CellID, Changed)] {
        if component.count == 1 {
            let id = component[0]
            guard dirtyMark[id] == generation,
                  let changed = evaluate(id, periods: dirtyPeriods(id), isNew: newCells.contains(id),
                                         newFormat: formatMayMove(id), store: &store, report: &report) else { return [] }
            return [(id, changed)]
        }
        let dirty = component.filter { dirtyMark[$0] == generation }
        guard let first = dirty.map({ dirtyPeriods($0).lowerBound }).min() else { return [] }
        let order = StronglyConnected.periodOrder(component, graph: graph)
        let before = order.map { (oldValues: report.keep($0, store: store), format: store.formats[$0]) }
        for id in order {
            evaluations += 1
            // A loop through prev varies over time in every cell of it.
            store.isSeries[id] = store.stride > 1
            store.formats[id] = format(of: id, store: store)
        }
        var ranges = [ChangedRange](repeating: ChangedRange(), count: order.count)
        for period in first..<store.stride {
            for (position, id) in order.enumerated() { ranges[position].note(run(id, periods: period...period, store: &store)) }
        }
        return order.indices.compactMap { position in
            let id = order[position]
            let isNew = newCells.contains(id)
            guard ranges[position].range != nil || store.formats[id] != before[position].format || isNew else { return nil }
            return (id, Changed(periods: ranges[position].range, oldValues: before[position].oldValues,
                                wasSeries: store.stride > 1, oldFormat: before[position].format, isNew: isNew))
        }
    }

    /// Runs a cell's program for `periods` and stores the values; returns the periods that changed.
    private mutating func run(_ id: CellID, periods: ClosedRange<Int>, store: inout CellStore) -> ClosedRange<Int>? {
        periodEvaluations += periods.count
        return store.programs.withProgram(id, values: &store.values) {
            machine.evaluate($0, slots: $1, into: id, periods: periods)
        }
    }

    /// The display format of cell `id`'s program on the formats of the cells it reads.
    private mutating func format(of id: CellID, store: CellStore) -> DisplayFormat {
        store.programs.withProgram(id) { program in
            store.formats.withUnsafeBufferPointer { machine.format(of: program, slots: $0) }
        }
    }

    /// Runs a cell's program once, read in place once: whether its values differ between periods
    /// (its formula varies by itself, or it reads a series in the period it computes), its display
    /// format on the formats of the cells it reads when `newFormat` (nil otherwise), and the periods
    /// that changed among `periods`, or the first period alone for a cell that does not vary.
    private mutating func runOnce(
        _ id: CellID, periods: ClosedRange<Int>, newFormat: Bool, store: inout CellStore
    ) -> (isSeries: Bool, format: DisplayFormat?, changed: ClosedRange<Int>?) {
        let hasPeriods = store.stride > 1
        return store.formats.withUnsafeBufferPointer { formats in
            store.isSeries.withUnsafeBufferPointer { series in
                store.programs.withProgram(id, values: &store.values) { program, values in
                    let isSeries = hasPeriods
                        && (program.variesByItself || program.seriesSlots.contains { $0 != id && series[$0] })
                    let format = newFormat ? machine.format(of: program, slots: formats) : nil
                    let computed = isSeries ? periods : 0...0
                    periodEvaluations += computed.count
                    return (isSeries, format, machine.evaluate(program, slots: values, into: id, periods: computed))
                }
            }
        }
    }

    /// Marks the dependents of a cell whose `periods` changed, each with the periods that can
    /// change in it as its formula reads them; a change of format alone reaches every period.
    private mutating func spread(_ changed: Changed, from id: CellID, store: CellStore, graph: DependencyGraph) {
        let periods = changed.periods ?? 0...(store.stride - 1)
        let formatMoved = changed.oldFormat != store.formats[id]
        for dependent in graph.dependents[id] {
            markDirty(dependent, periods: periods, store: store)
            if formatMoved { formatDirtyMark[dependent] = generation }
        }
    }

    private mutating func markDirty(_ id: CellID, periods: ClosedRange<Int>, store: CellStore) {
        let last = store.stride - 1
        let reached: ClosedRange<Int>
        switch (store.isDefined(id) ? store.programs.headers[id].reach : nil) ?? .allPeriods {
        case .samePeriod: reached = periods
        case .laterPeriods: reached = periods.lowerBound...last
        case .allPeriods: reached = 0...last
        }
        if dirtyMark[id] == generation {
            dirtyFirst[id] = min(dirtyFirst[id], Int32(reached.lowerBound))
            dirtyLast[id] = max(dirtyLast[id], Int32(reached.upperBound))
        } else {
            dirtyMark[id] = generation
            dirtyFirst[id] = Int32(reached.lowerBound)
            dirtyLast[id] = Int32(reached.upperBound)
        }
    }

    private func formatMayMove(_ id: CellID) -> Bool { formatDirtyMark[id] == generation }

    private func dirtyPeriods(_ id: CellID) -> ClosedRange<Int> { Int(dirtyFirst[id])...Int(dirtyLast[id]) }

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
            dirtyFirst += repeatElement(0, count: extra)
            dirtyLast += repeatElement(0, count: extra)
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

/// The first and last period that changed while a cell was evaluated.
private struct ChangedRange {
    private(set) var range: ClosedRange<Int>?

    mutating func note(_ periods: ClosedRange<Int>?) {
        guard let periods else { return }
        range = range.map { min($0.lowerBound, periods.lowerBound)...max($0.upperBound, periods.upperBound) } ?? periods
    }

    mutating func note(_ period: Int, if changed: Bool) {
        if changed { note(period...period) }
    }
}

/// The list of changes a recompute reports: edited cells first, then file order.
///
/// An edit at the root of a plan changes every series in it, and the change display shows a few:
/// each change is a row of one ``ChangeTable``, the values before and after of every changed cell
/// go into one array (``SeriesValues``), not two arrays per cell, and each ``SeriesChange`` reads
/// its part only when asked.
private struct ChangeCollector {
    /// The edited cells, in ascending order.
    let roots: [CellID]
    let isOn: Bool
    private var values: [Value] = []
    private var rows: [ChangeTable.Row] = []
    private var series: [ChangeTable.Series] = []

    /// Room is made at once for `cells` changes, each with `stride` values before and after.
    init(roots: [CellID], isOn: Bool, cells: Int = 0, stride: Int = 1) {
        self.roots = roots.sorted()
        self.isOn = isOn
        guard isOn else { return }
        values.reserveCapacity(cells * stride * 2)
        rows.reserveCapacity(cells)
    }

    /// Keeps the values of cell `id` before it is evaluated; nil when changes are not reported.
    mutating func keep(_ id: CellID, store: CellStore) -> Range<Int>? {
        guard isOn else { return nil }
        let start = values.count
        // One value at a time: most cells keep one or a few, and a copy of a slice costs a call.
        for index in store.base(of: id)..<store.base(of: id) + store.stride { values.append(store.values[index]) }
        return start..<values.count
    }

    /// Lets go of the values kept last, for a cell that did not change.
    mutating func forget(_ kept: Range<Int>?) {
        guard let kept, kept.upperBound == values.count else { return }
        values.removeLast(kept.count)
    }

    mutating func add(_ result: Recalculator.Changed, of id: CellID, store: CellStore) {
        guard isOn, result.isShown else { return }
        let traits = store.traits[id]
        let isStock = traits.isStock
        let isSeries = store.isSeries[id] || result.wasSeries
        let format = store.formats[id]
        let measure = SeriesMeasure(isStock: isStock, format: format)
        let base = store.base(of: id)
        let old: Value?
        let new: Value
        var seriesIndex: Int?
        if isSeries {
            let start = values.count
            values += store.values[base..<base + store.stride]
            let newValues = start..<values.count
            let oldValues = result.oldValues ?? newValues
            old = measure.summary(of: values[oldValues])
            new = measure.summary(of: values[newValues])
            seriesIndex = series.count
            series.append(ChangeTable.Series(old: result.isNew ? nil : oldValues, new: newValues, periods: result.periods))
        } else {
            new = store.values[base]
            old = result.oldValues.map { values[$0.lowerBound] } ?? new
        }
        rows.append(ChangeTable.Row(
            name: id, old: result.isNew ? nil : old, new: new, format: format, oldFormat: result.oldFormat,
            isLeadIndicator: traits.isLeadIndicator, isStock: isStock, series: seriesIndex))
    }

    private func isRoot(_ id: CellID) -> Bool {
        var low = 0
        var high = roots.count
        while low < high {
            let middle = (low + high) / 2
            if roots[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < roots.count && roots[low] == id
    }

    /// The changes in the order they read, their names read from the store's list by id.
    func changes(store: CellStore) -> [CellChange] {
        let table = ChangeTable(names: store.names, rows: rows, series: series, values: SeriesValues(values))
        // The edited cells come before every other, in file order among themselves.
        let place = { (row: Int) -> Int in
            let id = rows[row].name
            let position = store.position(of: id) ?? 0
            return isRoot(id) ? position - store.symbolCount : position
        }
        // Dependency order is often file order already (a chain, a model written top down).
        if rows.indices.dropFirst().allSatisfy({ place($0 - 1) < place($0) }) {
            return rows.indices.map { CellChange(table, row: $0) }
        }
        // Sorting the places, not the changes, moves integers instead of whole changes.
        let places = rows.indices.map(place)
        return places.indices.sorted { places[$0] < places[$1] }.map { CellChange(table, row: $0) }
    }
}
