/// Who uses whom, by ``CellID``: for each cell the ids it references
/// (precedents) and for each id the cells that reference it (dependents).
///
/// Dependents are kept for names that are not defined yet, so a cell that
/// refers to a missing name heals the moment that name is defined. Every walk
/// here is iterative: a 200,000-cell chain must not overflow the stack.
///
/// In a plan with periods an edge may be *lagged* (the cell reads the other only through `prev`,
/// one period earlier) or *plan-wide* (it reads it inside a reduction or as `x[2027-03]`). A
/// cycle is accepted only when it has a lagged edge and no plan-wide one: then each period
/// depends on earlier ones only. Both kinds are kept sparsely, for the few cells that have them.
struct DependencyGraph: Sendable {
    private(set) var precedents = PackedLists()
    private(set) var dependents = DependentLists()
    /// For each cell with lagged edges, the precedents it reads only one or more periods earlier.
    private(set) var lagged: [CellID: Set<CellID>] = [:]
    /// For each cell with plan-wide edges, the precedents it reads across the whole plan.
    private(set) var planWide: [CellID: Set<CellID>] = [:]

    /// Whether any cell reads another through `prev`: without, the graph has no cycles at all.
    var hasLaggedEdges: Bool { !lagged.isEmpty }

    // Most graphs have neither kind of edge: asking the empty table first skips hashing the id.
    func isLagged(_ id: CellID, on precedent: CellID) -> Bool { !lagged.isEmpty && lagged[id]?.contains(precedent) == true }

    func isPlanWide(_ id: CellID, on precedent: CellID) -> Bool {
        !planWide.isEmpty && planWide[id]?.contains(precedent) == true
    }

    init() {}

    /// The graph of a whole model at once, for ids up to `count - 1`: cell `id` of `ids` references
    /// `precedents[id]` (an empty list for each id not in `ids`), `lagged` and `planWide` hold the
    /// lagged and plan-wide edges of the cells that have any, as ``setPrecedents(of:to:lagged:planWide:)``
    /// would give them one by one, but with every list of dependents packed into one
    /// (``DependentLists``) and the precedents shared, not copied.
    init(
        count: Int, ids: [CellID], precedents: PackedLists, lagged: [CellID: Set<CellID>],
        planWide: [CellID: Set<CellID>]
    ) {
        self.precedents = precedents
        self.precedents.grow(to: count)
        self.lagged = lagged
        self.planWide = planWide
        // An id given twice is connected once, as setting its precedents again would leave it.
        var connected: [CellID] = []
        connected.reserveCapacity(ids.count)
        var seen = [Bool](repeating: false, count: count)
        for id in ids where !seen[id] {
            seen[id] = true
            connected.append(id)
        }
        dependents = self.precedents.withLists { lists in DependentLists(count: count, ids: connected) { lists[$0] } }
    }

    /// Makes room for ids up to `count - 1`.
    mutating func grow(to count: Int) {
        guard precedents.count < count else { return }
        precedents.grow(to: count)
        dependents.grow(to: count)
    }

    mutating func setPrecedents(
        of id: CellID, to references: some Collection<CellID>, lagged laggedReferences: Set<CellID> = [],
        planWide planWideReferences: Set<CellID> = []
    ) {
        removePrecedents(of: id)
        grow(to: max(id, references.max() ?? 0) + 1)
        precedents.set(id, to: references)
        for reference in references { dependents.append(id, to: reference) }
        if !laggedReferences.isEmpty { lagged[id] = laggedReferences }
        if !planWideReferences.isEmpty { planWide[id] = planWideReferences }
    }

    mutating func removePrecedents(of id: CellID) {
        guard id < precedents.count else { return }
        for reference in precedents[id] { dependents.remove(id, from: reference) }
        precedents.set(id, to: EmptyCollection())
        if !lagged.isEmpty { lagged[id] = nil }
        if !planWide.isEmpty { planWide[id] = nil }
    }

    /// A cycle that giving `id` these references would close, if any: one through same-period
    /// edges only, or one that reads across the whole plan somewhere. `lagged` and `planWide`
    /// say how `id` reads some of `references` (see the type's note).
    func cycle(
        defining id: CellID, references: [CellID], lagged laggedReferences: Set<CellID> = [],
        planWide planWideReferences: Set<CellID> = [], isDefined: (CellID) -> Bool
    ) -> [CellID]? {
        let samePeriod = laggedReferences.isEmpty ? references : references.filter { !laggedReferences.contains($0) }
        if let path = samePeriodCycle(defining: id, references: samePeriod, isDefined: isDefined) { return path }
        guard hasLaggedEdges || !laggedReferences.isEmpty else { return nil }
        return planWideCycle(defining: id, references: references, planWide: planWideReferences, isDefined: isDefined)
    }

    /// Breadth-first along every edge, remembering whether a plan-wide edge was crossed: reaching
    /// `id` after one closes a cycle no period order can evaluate.
    private func planWideCycle(
        defining id: CellID, references: [CellID], planWide planWideReferences: Set<CellID>, isDefined: (CellID) -> Bool
    ) -> [CellID]? {
        struct State: Hashable { let cell: CellID; let crossedPlanWide: Bool }
        var parent: [State: State] = [:]
        var queue: [State] = []
        var head = 0
        let start = State(cell: id, crossedPlanWide: false)
        for reference in references where isDefined(reference) {
            let state = State(cell: reference, crossedPlanWide: planWideReferences.contains(reference))
            if reference == id { if state.crossedPlanWide { return [id, id] } else { continue } }
            if parent[state] == nil { parent[state] = start; queue.append(state) }
        }
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in precedents[current.cell] where isDefined(next) {
                let state = State(cell: next, crossedPlanWide: current.crossedPlanWide || isPlanWide(current.cell, on: next))
                if next == id {
                    guard state.crossedPlanWide else { continue }
                    var walked: [CellID] = []
                    var walk: State? = current
                    while let step = walk, step != start {
                        walked.append(step.cell)
                        walk = parent[step]
                    }
                    return [id] + Array(walked.reversed()) + [id]
                }
                if parent[state] == nil {
                    parent[state] = current
                    queue.append(state)
                }
            }
        }
        return nil
    }

    /// The path `id → … → id` through same-period edges that these `references` would close, if any.
    private func samePeriodCycle(defining id: CellID, references: [CellID], isDefined: (CellID) -> Bool) -> [CellID]? {
        if references.contains(id) { return [id, id] }
        // Breadth-first from the new references along precedent edges, looking for `id`.
        var parent: [CellID: CellID] = [:]
        var queue: [CellID] = []
        var head = 0
        for reference in references where isDefined(reference) && parent[reference] == nil {
            parent[reference] = id
            queue.append(reference)
        }
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in precedents[current] where !isLagged(current, on: next) {
                if next == id { return path(to: current, from: id, parent: parent) }
                if parent[next] == nil, isDefined(next) {
                    parent[next] = current
                    queue.append(next)
                }
            }
        }
        return nil
    }

    private func path(to last: CellID, from id: CellID, parent: [CellID: CellID]) -> [CellID] {
        var reversed = [id, last]
        var current = last
        while let previous = parent[current], previous != id {
            reversed.append(previous)
            current = previous
        }
        reversed.append(id)
        return reversed.reversed()
    }
}
