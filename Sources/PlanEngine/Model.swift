import OrderedCollections
import Formula

/// Cells in file order, keyed by name.
typealias CellStore = OrderedDictionary<String, Cell>

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
    private var cells = CellStore()
    private var graph = DependencyGraph()
    private var recalculator = Recalculator()

    public init() {}

    /// Builds a model from definitions in file order, evaluating every cell once.
    /// Fails with every cycle found (each reported once), building nothing.
    public init(definitions: [Definition]) throws(LoadError) {
        for definition in definitions {
            cells[definition.name] = Cell(definition)
            graph.setPrecedents(of: definition.name, to: definition.expression.referencedNames)
        }
        let sorted = TopologicalSort.sort(cells.keys, graph: graph) { cells.keys.contains($0) }
        if !sorted.cycles.isEmpty { throw LoadError(cycles: sorted.cycles) }
        recalculator.evaluateAll(in: sorted.order, cells: &cells)
    }

    // MARK: Reading

    /// Cell names in file order.
    public var names: [String] { Array(cells.keys) }
    public var count: Int { cells.count }
    public var cellsInOrder: [Cell] { Array(cells.values) }

    public subscript(name: String) -> Cell? { cells[name] }

    public func position(of name: String) -> Int? { cells.index(forKey: name) }

    public func value(of name: String) -> Value { cells[name]?.value ?? .error(.name) }

    public func format(of name: String) -> DisplayFormat { cells[name]?.format ?? .number }

    /// Evaluates an expression against the current values (a REPL expression, a goal, an assertion).
    public func evaluate(_ expression: Expr) -> Value {
        Evaluator.evaluate(expression) { cells[$0]?.value ?? .error(.name) }
    }

    public func format(of expression: Expr) -> DisplayFormat {
        FormatInference.format(of: expression) { cells[$0]?.format ?? .number }
    }

    /// The names `name` references directly.
    public func precedents(of name: String) -> [String] { graph.precedents(of: name) }

    /// The defined cells that reference `name` directly, in file order.
    public func dependents(of name: String) -> [String] {
        graph.dependents(of: name).compactMap { cells.index(forKey: $0) }.sorted().map { cells.keys[$0] }
    }

    /// Names referenced somewhere but not defined, each with the cells that use it.
    public var missingReferences: [(name: String, usedBy: [String])] {
        graph.dependents.keys.filter { !cells.keys.contains($0) }.sorted().map { ($0, dependents(of: $0)) }
    }

    /// How many cell evaluations this model has run in all (tests count them to prove
    /// an edit evaluates only its dependents).
    public var evaluationCount: Int { recalculator.evaluations }

    // MARK: Editing

    /// Gives `definition.name` a formula: redefines it in place, or adds it at
    /// `position` (the end when nil).
    @discardableResult
    public mutating func define(_ definition: Definition, at position: Int? = nil) throws(ModelError) -> [CellChange] {
        try validate(definition)
        let name = definition.name
        let isNew = !cells.keys.contains(name)
        if isNew {
            let index = min(max(position ?? cells.count, 0), cells.count)
            cells.updateValue(Cell(definition), forKey: name, insertingAt: index)
        } else {
            cells[name]?.redefine(definition)
        }
        graph.setPrecedents(of: name, to: definition.expression.referencedNames)
        return recalculator.recompute(from: [name], cells: &cells, graph: graph, newCells: isNew ? [name] : [])
    }

    /// Applies several definitions as one edit with one recompute; all or nothing.
    @discardableResult
    public mutating func define(all definitions: [Definition]) throws(ModelError) -> [CellChange] {
        var trial = self
        var roots: Set<String> = []
        var newCells: Set<String> = []
        for definition in definitions {
            try trial.validate(definition)
            if !trial.cells.keys.contains(definition.name) {
                trial.cells[definition.name] = Cell(definition)
                newCells.insert(definition.name)
            } else {
                trial.cells[definition.name]?.redefine(definition)
            }
            trial.graph.setPrecedents(of: definition.name, to: definition.expression.referencedNames)
            roots.insert(definition.name)
        }
        let changes = trial.recalculator.recompute(
            from: roots, cells: &trial.cells, graph: trial.graph, newCells: newCells)
        self = trial
        return changes
    }

    /// Removes a cell; cells that used it become `#NAME?` until it is defined again.
    @discardableResult
    public mutating func delete(_ name: String) throws(ModelError) -> [CellChange] {
        guard let cell = cells.removeValue(forKey: name) else { throw .undefinedCell(name) }
        graph.removePrecedents(of: name)
        let removed = CellChange(
            name: name, old: cell.value, new: nil, format: cell.format, isLeadIndicator: cell.isLeadIndicator)
        return [removed] + recalculator.recompute(from: [name], cells: &cells, graph: graph, newCells: [])
    }

    /// Renames a cell and rewrites every reference to it in the formulas that use it,
    /// keeping the rest of each formula's text as written.
    @discardableResult
    public mutating func rename(_ old: String, to new: String) throws(ModelError) -> [CellChange] {
        guard let cell = cells[old], let index = cells.index(forKey: old) else { throw .undefinedCell(old) }
        if cells.keys.contains(new) { throw .nameTaken(new) }
        try Self.validateName(new)
        let waitingForNew = graph.dependents(of: new)
        var rewritten: [String: [String]] = [:]
        for user in graph.dependents(of: old) {
            guard let userCell = cells[user] else { continue }
            let definition = userCell.definition.renamingReferences(old, to: new)
            cells[user]?.redefine(definition)
            rewritten[user] = definition.expression.referencedNames
        }
        cells.remove(at: index)
        cells.updateValue(cell.renamed(to: new), forKey: new, insertingAt: index)
        graph.rename(old, to: new, rewrittenDependents: rewritten)
        return recalculator.recompute(from: waitingForNew.union([new]), cells: &cells, graph: graph, newCells: [])
    }

    private static func validateName(_ name: String) throws(ModelError) {
        guard let first = name.unicodeScalars.first, first.isNameStart,
              name.unicodeScalars.allSatisfy(\.isNameContinuation) else { throw .invalidName(name) }
        if ReservedWords.all.contains(name) { throw .reservedName(name) }
    }

    private func validate(_ definition: Definition) throws(ModelError) {
        try Self.validateName(definition.name)
        let references = definition.expression.referencedNames
        // A cycle through `name` needs a cell that uses it; with none, skip the search.
        guard !graph.dependents(of: definition.name).isEmpty || references.contains(definition.name) else { return }
        if let path = graph.cycle(defining: definition.name, references: references, isDefined: { cells.keys.contains($0) }) {
            throw .cycle(path)
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
