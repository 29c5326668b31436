import Formula

/// A plan: named cells in order, their dependency graph, and their values.
///
/// Every edit validates first and throws ``ModelError`` without touching
/// anything; when it succeeds it recomputes only the cells downstream of the
/// edit and returns the cells whose values changed. `Model` is a value: the
/// what-if tools work on copies, and undo lives outside it (it replays
/// inverse edits), so the engine knows nothing of sessions.
///
/// A model has a ``Timeline``: one period without a `periods` line, else one value per cell per
/// period. A cell's program runs over the periods as an inner loop; an override of some periods
/// is one more branch of that program, and a later actual result can be one more the same way,
/// kept apart from the plan's own value.
public struct Model: Sendable {
    private(set) var store: CellStore
    private(set) var graph = DependencyGraph()
    private var recalculator: Recalculator

    public init(timeline: Timeline = .single) {
        store = CellStore(timeline: timeline)
        recalculator = Recalculator(timeline: timeline)
    }

    /// Builds a model from definitions in file order, evaluating every cell once. Overrides
    /// (definitions with periods) apply to the cell they name, which must be among the
    /// definitions, in periods of `timeline`. Fails with every cycle found (each reported once),
    /// building nothing.
    public init(timeline: Timeline = .single, definitions: [Definition], actuals: [Actual] = []) throws(LoadError) {
        try self.init(timeline: timeline, definitions: definitions, definedNames: NameTable(), actuals: actuals)
    }

    /// The same, from `definedNames`, the names of the cells `definitions` define (overrides left
    /// out) interned in file order, as a file reader checks that each is defined once: each cell
    /// then takes its id from it by a compare, instead of a lookup in a table of every name (on a
    /// large model, each lookup is a miss of the processor's caches). A name not found in its place
    /// is interned as usual, so any table of names gives the same model.
    public init(
        timeline: Timeline = .single, definitions: [Definition], definedNames: consuming NameTable, actuals: [Actual] = []
    ) throws(LoadError) {
        self.init(timeline: timeline)
        var ids: [CellID] = []
        ids.reserveCapacity(definitions.count)
        var idsAhead = PagesAhead()
        store.adopt(names: consume definedNames)
        store.makeRoom(forNames: definitions.count)
        var overrides: [CellID: [Definition]] = [:]
        // By index, not `for definition in`: that would copy each definition, a reference count
        // taken and dropped on each of its parts.
        for index in definitions.indices {
            if definitions[index].coversPeriods {
                overrides[store.intern(definitions[index].name), default: []].append(definitions[index])
            } else {
                let id = store.intern(definitions[index].name, expecting: ids.count)
                store.define(id, definitions[index])
                ids.append(id)
                idsAhead.keepAhead(of: ids)
            }
        }
        for (id, list) in overrides { store.setOverrides(id, list) }
        // The file reader has checked each actual (a defined cell, a period of the plan).
        var actualsByCell: [CellID: [Int: Double]] = [:]
        for actual in actuals {
            guard let id = store.definedID(of: actual.name), let period = timeline.index(of: actual.period) else { continue }
            actualsByCell[id, default: [:]][period] = actual.value
        }
        for (id, list) in actualsByCell { store.setActuals(id, list) }
        store.releaseUnusedRoom()
        let (lagged, planWide) = store.periodEdges(of: ids)
        graph = DependencyGraph(
            count: store.symbolCount, ids: ids, precedents: store.references, lagged: lagged, planWide: planWide)
        let sorted = TopologicalSort.isSorted(ids, graph: graph, isDefined: { store.isDefined($0) })
            ? (order: ids, cycles: []) : TopologicalSort.sort(ids, graph: graph) { store.isDefined($0) }
        var cycles = ids.filter { store.traits[$0].isOwnCycle }.map { [$0, $0] } + sorted.cycles
        if graph.hasLaggedEdges {
            let components = StronglyConnected.components(of: ids, graph: graph) { store.isDefined($0) }
            cycles += components.compactMap { StronglyConnected.planWideLoop(in: $0, graph: graph) }
        }
        if !cycles.isEmpty { throw LoadError(cycles: cycles.map { $0.map { store.names[$0] } }) }
        if graph.hasLaggedEdges {
            _ = recalculator.recompute(from: ids, store: &store, graph: graph, reportingChanges: false)
        } else {
            recalculator.evaluateAll(in: sorted.order, store: &store)
        }
    }

    /// The periods of the plan: ``Timeline/single`` without a `periods` line.
    public var timeline: Timeline { store.timeline }

    // MARK: Reading

    /// Cell names in file order.
    public var names: [String] { store.order.map { store.names[$0] } }
    public var count: Int { store.order.count }
    public var cellsInOrder: [Cell] { store.order.compactMap { store.cell($0) } }

    public subscript(name: String) -> Cell? { store.definedID(of: name).flatMap { store.cell($0) } }

    /// The definition of each lead indicator, in file order: what an edit of an input is measured
    /// against later (`:scenario new`), kept without holding on to the model, whose next edit would
    /// then copy it. A list, not a table by name: it is taken at every load and save, and read rarely.
    public var leadIndicatorDefinitions: [Definition] {
        store.order.compactMap { id in store.traits[id].isLeadIndicator ? store.definition(of: id) : nil }
    }

    public func position(of name: String) -> Int? { store.definedID(of: name).flatMap { store.position(of: $0) } }

    /// The value of a cell; for a series, its value in the first period (``values(of:)`` has them all).
    public func value(of name: String) -> Value { store.definedID(of: name).map { store.value($0) } ?? .error(.name) }

    /// The value of a cell in every period (one value for a single-valued cell, which repeats).
    public func values(of name: String) -> [Value] {
        guard let id = store.definedID(of: name) else { return [.error(.name)] }
        return store.isSeries[id] ? store.series(of: id) : [store.value(id)]
    }

    /// Whether a cell's value differs between periods.
    public func isSeries(_ name: String) -> Bool { store.definedID(of: name).map { store.isSeries[$0] } ?? false }

    public func format(of name: String) -> DisplayFormat {
        store.definedID(of: name).map { store.formats[$0] } ?? .number
    }

    /// Evaluates an expression against the current values (a REPL expression, a goal, an
    /// assertion); for an expression that varies over time, its value in the first period.
    public func evaluate(_ expression: Expr) -> Value {
        evaluateSeries(expression)[0]
    }

    /// Evaluates an expression in every period: one value when it does not vary over time
    /// (`total(revenue)`, `revenue[2027-12]`, any expression of a model without periods).
    public func evaluateSeries(_ expression: Expr) -> [Value] {
        // The cells the expression reads, copied into slots of their own (#NAME? for an unknown name).
        var values: [Value] = []
        var readsSeries: [Bool] = []
        let program = Program(expression, timeline: timeline) { name in
            let id = store.definedID(of: name)
            values += id.map { store.series(of: $0) } ?? Array(repeating: .error(.name), count: store.stride)
            readsSeries.append(id.map { store.isSeries[$0] } ?? false)
            return readsSeries.count - 1
        }
        let isSeries = program.variesByItself || program.seriesSlots.contains { readsSeries[$0] }
        var machine = Machine()
        machine.timeline = timeline
        return values.withUnsafeBufferPointer { buffer in
            (0..<(isSeries ? store.stride : 1)).map { machine.value(of: program, slots: buffer, period: $0) }
        }
    }

    public func format(of expression: Expr) -> DisplayFormat {
        FormatInference.format(of: expression) { format(of: $0) }
    }

    /// The names `name` references directly.
    public func precedents(of name: String) -> [String] {
        store.definedID(of: name).map { store.referencedNames(of: $0) } ?? []
    }

    /// Whether changing `input` can change `cell`: `input` is `cell` itself or one
    /// of its precedents, directly or through other cells.
    ///
    /// A goal seek by an input the target does not use would search forever for
    /// nothing, and a table over one would show the same value in every row.
    /// Breadth-first over precedent ids, so a long chain cannot overflow the stack.
    public func depends(_ cell: String, on input: String) -> Bool {
        if cell == input { return true }
        guard let start = store.id(of: cell), let target = store.id(of: input) else { return false }
        var seen = [Bool](repeating: false, count: graph.precedents.count)
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            guard current < graph.precedents.count else { continue }
            for precedent in graph.precedents[current] where !seen[precedent] {
                if precedent == target { return true }
                seen[precedent] = true
                queue.append(precedent)
            }
        }
        return false
    }

    /// The defined cells that reference `name` directly, in file order.
    public func dependents(of name: String) -> [String] {
        guard let id = store.id(of: name), id < graph.dependents.count else { return [] }
        return graph.dependents[id].compactMap { store.position(of: $0) }.sorted().map { store.names[store.order[$0]] }
    }

    /// Names referenced somewhere but not defined, each with the cells that use it.
    public var missingReferences: [(name: String, usedBy: [String])] {
        (0..<min(store.symbolCount, graph.dependents.count))
            .filter { !store.isDefined($0) && !graph.dependents[$0].isEmpty }
            .map { store.names[$0] }.sorted()
            .map { ($0, dependents(of: $0)) }
    }

    /// How many cell evaluations this model has run in all (tests count them to prove
    /// an edit evaluates only its dependents).
    public var evaluationCount: Int { recalculator.evaluations }

    /// How many single periods those evaluations computed: an edit of one period of a plan
    /// computes that period of each dependent, and the later ones only where `prev` carries it.
    public var periodEvaluationCount: Int { recalculator.periodEvaluations }

    /// How many compiled instructions those evaluations ran: with references bound to ids once,
    /// this grows with the size of the formulas evaluated, never with a square of it.
    public var evaluationSteps: Int { recalculator.machine.steps }

    // MARK: Editing

    /// Gives `definition.name` a formula: redefines it in place, or adds it at `position` (the
    /// end when nil). A definition with periods overrides the cell there (replacing an override of
    /// the same periods); only those periods, and the later ones that read them, are recomputed.
    @discardableResult
    public mutating func define(_ definition: Definition, at position: Int? = nil) throws(ModelError) -> [CellChange] {
        try apply(definition, at: position, reportingChanges: true)
    }

    /// ``define(_:at:)`` without the list of changes, for the what-if tools: a goal seek or a
    /// table tries many values and reads only the cells it needs, and on a large model building
    /// the list would cost more than the recompute.
    public mutating func update(_ definition: Definition) throws(ModelError) {
        _ = try apply(definition, at: nil, reportingChanges: false)
    }

    private mutating func apply(_ definition: Definition, at position: Int?, reportingChanges: Bool) throws(ModelError) -> [CellChange] {
        try validate(definition)
        let id = store.intern(definition.name)
        let isNew = !store.isDefined(id)
        install(id, definition, at: position)
        return recalculator.recompute(
            from: [id], periods: periodIndexes(of: definition), newCells: isNew ? [id] : [], store: &store, graph: graph,
            reportingChanges: reportingChanges)
    }

    /// Applies several definitions as one edit with one recompute; all or nothing.
    @discardableResult
    public mutating func define(all definitions: [Definition]) throws(ModelError) -> [CellChange] {
        var trial = self
        var roots: [CellID] = []
        var newCells: Set<CellID> = []
        for definition in definitions {
            try trial.validate(definition)
            let id = trial.store.intern(definition.name)
            if !trial.store.isDefined(id) { newCells.insert(id) }
            trial.install(id, definition, at: nil)
            roots.append(id)
        }
        let changes = trial.recalculator.recompute(
            from: roots, newCells: newCells, store: &trial.store, graph: trial.graph)
        self = trial
        return changes
    }

    /// Takes away the override of `name` in exactly `periods`; the cell's formula gives those periods again.
    @discardableResult
    public mutating func removeOverride(_ name: String, periods: ClosedRange<Period>) throws(ModelError) -> [CellChange] {
        guard let id = store.definedID(of: name), let slot = store.slots[id],
              let index = slot.overrides.firstIndex(where: { $0.periods?.periods == periods }) else {
            throw .noSuchOverride(name, periods.lowerBound == periods.upperBound
                                  ? "\(periods.lowerBound)" : "\(periods.lowerBound) .. \(periods.upperBound)")
        }
        let removed = slot.overrides[index]
        var overrides = slot.overrides
        overrides.remove(at: index)
        store.setOverrides(id, overrides)
        connect(id)
        return recalculator.recompute(from: [id], periods: periodIndexes(of: removed), store: &store, graph: graph)
    }

    /// Records, replaces or (with a nil value) takes away actual results, as one edit with one
    /// recompute of what they reach: in each actual's period the cell's value is the actual, and
    /// what reads the cell there (and later, through `prev`) follows. All or nothing: refused for a
    /// cell that is not defined, a model without periods or a period outside the plan.
    @discardableResult
    public mutating func setActuals(_ changes: [ActualChange]) throws(ModelError) -> [CellChange] {
        var updated: [CellID: [Int: Double]] = [:]
        var roots: [CellID] = []
        var touched: ClosedRange<Int>?
        for change in changes {
            guard timeline.hasPeriods else {
                throw .periods("actual \(change.name)[\(change.period)] needs a periods line (periods = 2027-01 .. 2027-12)")
            }
            guard let period = timeline.index(of: change.period) else {
                throw .periods(Timeline.outside(change.period, of: timeline))
            }
            guard let id = store.definedID(of: change.name), let slot = store.slots[id] else {
                throw .undefinedCell(change.name)
            }
            if updated[id] == nil {
                updated[id] = slot.actuals
                roots.append(id)
            }
            updated[id]?[period] = change.value
            touched = touched.map { min($0.lowerBound, period)...max($0.upperBound, period) } ?? period...period
        }
        for id in roots { store.setActuals(id, updated[id] ?? [:]) }
        return recalculator.recompute(from: roots, periods: touched, store: &store, graph: graph)
    }

    /// Removes a cell; cells that used it become `#NAME?` until it is defined again.
    @discardableResult
    public mutating func delete(_ name: String) throws(ModelError) -> [CellChange] {
        guard let id = store.definedID(of: name), let cell = store.cell(id) else { throw .undefinedCell(name) }
        graph.removePrecedents(of: id)
        store.undefine(id)
        let removed = CellChange.removal(of: cell)
        return [removed] + recalculator.recompute(from: [id], store: &store, graph: graph)
    }

    /// Renames a cell and rewrites every reference to it in the formulas (and overrides) that
    /// use it, keeping the rest of each formula's text as written.
    @discardableResult
    public mutating func rename(_ old: String, to new: String) throws(ModelError) -> [CellChange] {
        guard let oldID = store.definedID(of: old), let slot = store.slots[oldID] else { throw .undefinedCell(old) }
        if store.definedID(of: new) != nil { throw .nameTaken(new) }
        try Self.validateName(new)
        let waitingForNew = dependents(of: new)
        if !waitingForNew.isEmpty { throw .nameInUse(new, usedBy: waitingForNew) }
        let newID = store.intern(new)
        graph.grow(to: store.symbolCount)
        let users = graph.dependents[oldID]
        graph.removePrecedents(of: oldID)
        let renamed = { (definition: Definition) in
            let rewritten = definition.renamingReferences(old, to: new)
            return Definition(name: new, formula: rewritten.formula, expression: rewritten.expression, periods: definition.periods)
        }
        store.move(oldID, to: newID, definition: renamed(slot.definition(named: old)), overrides: slot.overrides.map(renamed))
        connect(newID)
        for user in users where user != newID {
            guard let userSlot = store.slots[user], let userDefinition = store.definition(of: user) else { continue }
            store.define(user, userDefinition.renamingReferences(old, to: new))
            store.setOverrides(user, userSlot.overrides.map { $0.renamingReferences(old, to: new) })
            connect(user)
        }
        return recalculator.recompute(from: [newID], store: &store, graph: graph)
    }

    /// Puts a definition (or an override) in the store and its edges in the graph (validation
    /// done by the caller).
    private mutating func install(_ id: CellID, _ definition: Definition, at position: Int?) {
        if let periods = definition.periods?.periods, let slot = store.slots[id] {
            var overrides = slot.overrides
            if let index = overrides.firstIndex(where: { $0.periods?.periods == periods }) {
                overrides[index] = definition
            } else {
                overrides.append(definition)
            }
            store.setOverrides(id, overrides)
        } else {
            store.define(id, definition, at: position)
        }
        connect(id)
    }

    /// Gives the graph the edges of cell `id` as its formula and overrides now read.
    private mutating func connect(_ id: CellID) {
        graph.grow(to: store.symbolCount)
        guard store.isDefined(id) else { return }
        let references = store.references[id]
        let (lagged, planWide) = store.periodEdges(of: id)
        // A new value for an input (a goal seek's next try) leaves the graph as it is.
        if graph.precedents[id] == references, graph.lagged[id] ?? [] == lagged, graph.planWide[id] ?? [] == planWide { return }
        graph.setPrecedents(of: id, to: references, lagged: lagged, planWide: planWide)
    }

    /// The period indexes an override covers; nil (every period) for a cell's own formula.
    private func periodIndexes(of definition: Definition) -> ClosedRange<Int>? {
        guard let span = definition.periods, let first = timeline.index(of: span.first.period),
              let last = timeline.index(of: span.last.period) else { return nil }
        return first...last
    }

    private static func validateName(_ name: String) throws(ModelError) {
        guard let first = name.unicodeScalars.first, first.isNameStart,
              name.unicodeScalars.allSatisfy(\.isNameContinuation) else { throw .invalidName(name) }
        if ReservedWords.contains(name) { throw .reservedName(name) }
    }

    private func validate(_ definition: Definition) throws(ModelError) {
        try Self.validateName(definition.name)
        if let problem = definition.expression.periodProblem(in: timeline) { throw .periods(problem.message) }
        var base = definition
        var overrides: [Definition] = []
        if let span = definition.periods {
            guard let slot = store.definedID(of: definition.name).flatMap({ store.slots[$0] }) else {
                throw .undefinedCell(definition.name)
            }
            for literal in [span.first, span.last] where timeline.index(of: literal.period) == nil {
                throw .periods(timeline.hasPeriods ? Timeline.outside(literal.period, of: timeline)
                               : "\(definition.targetText) needs a periods line (periods = 2027-01 .. 2027-12)")
            }
            base = slot.definition(named: definition.name)
            overrides = slot.overrides.filter { $0.periods?.periods != span.periods } + [definition]
        } else if let slot = store.definedID(of: definition.name).flatMap({ store.slots[$0] }) {
            overrides = slot.overrides
        }
        let reads = ReadsOfCell(base.expression, overrides: overrides.map(\.expression), timeline: timeline)
        if reads.names.contains(definition.name) && !reads.lagged.contains(definition.name) {
            throw .cycle([definition.name, definition.name])
        }
        // A cycle through the cell needs a cell that uses it; with none, skip the search.
        guard let id = store.id(of: definition.name), id < graph.dependents.count,
              !graph.dependents[id].isEmpty else { return }
        let referenceIDs = reads.names.compactMap { store.id(of: $0) }.filter { $0 != id }
        if let path = graph.cycle(
            defining: id, references: referenceIDs, lagged: Set(reads.lagged.compactMap { store.id(of: $0) }),
            planWide: Set(reads.planWide.compactMap { store.id(of: $0) }), isDefined: { store.isDefined($0) }) {
            throw .cycle(path.map { store.names[$0] })
        }
    }
}

/// What a cell's formula and overrides read, by name: all of it, what only through `prev`, and
/// what across the whole plan; compiled once on the side to know, before anything is installed.
private struct ReadsOfCell {
    var names: [String] = []
    var lagged: Set<String> = []
    var planWide: Set<String> = []

    init(_ expression: Expr, overrides: [Expr], timeline: Timeline) {
        var slots: [String: Int] = [:]
        var names: [String] = []
        let program = Program(expression, overrides: overrides.map { (0...0, $0) }, timeline: timeline) { name in
            if let slot = slots[name] { return slot }
            slots[name] = names.count
            names.append(name)
            return names.count - 1
        }
        self.names = names
        lagged = Set(program.laggedSlots.map { names[$0] })
        planWide = Set(program.wholePlanSlots.map { names[$0] })
    }
}

/// Why a set of definitions could not become a model: every cycle among them.
public struct LoadError: Error, Equatable, Sendable {
    /// Each path starts and ends at the same cell, e.g. `[wins, revenue, wins]`.
    public let cycles: [[String]]
}

extension Unicode.Scalar {
    fileprivate var isNameContinuation: Bool { isNameStart || ("0"..."9").contains(self) }
    fileprivate var isNameStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
}
