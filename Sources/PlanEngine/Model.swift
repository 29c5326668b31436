import Formula

/// A plan: named cells in order, their dependency graph, and their values.
///
/// Every edit validates first and throws ``ModelError`` without touching
/// anything; when it succeeds it recomputes only the cells downstream of the
/// edit and returns the cells whose values changed. `Model` is a value: the
/// what-if tools work on copies, and undo lives outside it (it replays
/// inverse edits), so the engine knows nothing of sessions.
///
/// Design note for plans over time: a cell's value is one `Value` today; a
/// series is a per-period array of them evaluated by the same recompute, so
/// periods extend `Value` and the evaluator, not the graph.
public struct Model: Sendable {
    private(set) var store = CellStore()
    private(set) var graph = DependencyGraph()
    private var recalculator = Recalculator()

    public init() {}

    /// Builds a model from definitions in file order, evaluating every cell once.
    /// Fails with every cycle found (each reported once), building nothing.
    public init(definitions: [Definition]) throws(LoadError) {
        var ids: [CellID] = []
        ids.reserveCapacity(definitions.count)
        for definition in definitions {
            let id = store.intern(definition.name)
            store.define(id, definition)
            ids.append(id)
        }
        graph.grow(to: store.symbolCount)
        for id in ids {
            if let slot = store.slots[id] { graph.setPrecedents(of: id, to: slot.referenceIDs) }
        }
        let sorted = TopologicalSort.sort(ids, graph: graph) { store.isDefined($0) }
        if !sorted.cycles.isEmpty { throw LoadError(cycles: sorted.cycles.map { $0.map { store.names[$0] } }) }
        recalculator.evaluateAll(in: sorted.order, store: &store)
    }

    // MARK: Reading

    /// Cell names in file order.
    public var names: [String] { store.order.map { store.names[$0] } }
    public var count: Int { store.order.count }
    public var cellsInOrder: [Cell] { store.order.compactMap { store.cell($0) } }

    public subscript(name: String) -> Cell? { store.definedID(of: name).flatMap { store.cell($0) } }

    public func position(of name: String) -> Int? { store.definedID(of: name).flatMap { store.position(of: $0) } }

    public func value(of name: String) -> Value { store.definedID(of: name).map { store.values[$0] } ?? .error(.name) }

    public func format(of name: String) -> DisplayFormat {
        store.definedID(of: name).map { store.formats[$0] } ?? .number
    }

    /// Evaluates an expression against the current values (a REPL expression, a goal, an assertion).
    public func evaluate(_ expression: Expr) -> Value {
        Evaluator.evaluate(expression) { value(of: $0) }
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

    /// How many compiled instructions those evaluations ran: with references bound to ids once,
    /// this grows with the size of the formulas evaluated, never with a square of it.
    public var evaluationSteps: Int { recalculator.machine.steps }

    // MARK: Editing

    /// Gives `definition.name` a formula: redefines it in place, or adds it at
    /// `position` (the end when nil).
    @discardableResult
    public mutating func define(_ definition: Definition, at position: Int? = nil) throws(ModelError) -> [CellChange] {
        try validate(definition)
        let id = store.intern(definition.name)
        let isNew = !store.isDefined(id)
        install(id, definition, at: position)
        return recalculator.recompute(from: [id], newCells: isNew ? [id] : [], store: &store, graph: graph)
    }

    /// ``define(_:at:)`` without the list of changes, for the what-if tools: a goal seek or a
    /// table tries many values and reads only the cells it needs, and on a large model building
    /// the list would cost more than the recompute.
    public mutating func update(_ definition: Definition) throws(ModelError) {
        try validate(definition)
        let id = store.intern(definition.name)
        let isNew = !store.isDefined(id)
        install(id, definition, at: nil)
        _ = recalculator.recompute(
            from: [id], newCells: isNew ? [id] : [], store: &store, graph: graph, reportingChanges: false)
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

    /// Removes a cell; cells that used it become `#NAME?` until it is defined again.
    @discardableResult
    public mutating func delete(_ name: String) throws(ModelError) -> [CellChange] {
        guard let id = store.definedID(of: name), let cell = store.cell(id) else { throw .undefinedCell(name) }
        graph.removePrecedents(of: id)
        store.undefine(id)
        let removed = CellChange(
            name: name, old: cell.value, new: nil, format: cell.format, isLeadIndicator: cell.isLeadIndicator)
        return [removed] + recalculator.recompute(from: [id], store: &store, graph: graph)
    }

    /// Renames a cell and rewrites every reference to it in the formulas that use it,
    /// keeping the rest of each formula's text as written.
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
        let definition = slot.definition
        store.move(oldID, to: newID, definition: Definition(
            name: new, formula: definition.formula, expression: definition.expression))
        graph.setPrecedents(of: newID, to: store.slots[newID]?.referenceIDs ?? [])
        for user in users {
            guard let userSlot = store.slots[user] else { continue }
            install(user, userSlot.definition.renamingReferences(old, to: new), at: nil)
        }
        return recalculator.recompute(from: [newID], store: &store, graph: graph)
    }

    /// Puts a definition in the store and its edges in the graph (validation done by the caller).
    private mutating func install(_ id: CellID, _ definition: Definition, at position: Int?) {
        let wasDefined = store.isDefined(id)
        store.define(id, definition, at: position)
        graph.grow(to: store.symbolCount)
        let references = store.slots[id]?.referenceIDs ?? []
        // A new value for an input (a goal seek's next try) leaves the graph as it is, and its
        // version with it, so recompute can walk the order it found last time.
        if !wasDefined || graph.precedents[id] != references { graph.setPrecedents(of: id, to: references) }
    }

    private static func validateName(_ name: String) throws(ModelError) {
        guard let first = name.unicodeScalars.first, first.isNameStart,
              name.unicodeScalars.allSatisfy(\.isNameContinuation) else { throw .invalidName(name) }
        if ReservedWords.all.contains(name) { throw .reservedName(name) }
    }

    private func validate(_ definition: Definition) throws(ModelError) {
        try Self.validateName(definition.name)
        let references = definition.expression.referencedNames
        if references.contains(definition.name) { throw .cycle([definition.name, definition.name]) }
        // A cycle through the cell needs a cell that uses it; with none, skip the search.
        guard let id = store.id(of: definition.name), id < graph.dependents.count,
              !graph.dependents[id].isEmpty else { return }
        let referenceIDs = references.compactMap { store.id(of: $0) }
        if let path = graph.cycle(defining: id, references: referenceIDs, isDefined: { store.isDefined($0) }) {
            throw .cycle(path.map { store.names[$0] })
        }
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
