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
    private(set) var precedents: [[CellID]] = []
    private(set) var dependents: [[CellID]] = []
    /// For each cell with lagged edges, the precedents it reads only one or more periods earlier.
    private(set) var lagged: [CellID: Set<CellID>] = [:]
    /// For each cell with plan-wide edges, the precedents it reads across the whole plan.
    private(set) var planWide: [CellID: Set<CellID>] = [:]

    /// Counts the changes made to the graph, so that an order computed from it can be kept while it holds.
    private(set) var version = 0

    /// Whether any cell reads another through `prev`: without, the graph has no cycles at all.
    var hasLaggedEdges: Bool { !lagged.isEmpty }

    func isLagged(_ id: CellID, on precedent: CellID) -> Bool { lagged[id]?.contains(precedent) ?? false }

    func isPlanWide(_ id: CellID, on precedent: CellID) -> Bool { planWide[id]?.contains(precedent) ?? false }

    /// Makes room for ids up to `count - 1`.
    mutating func grow(to count: Int) {
        guard precedents.count < count else { return }
        version += 1
        while precedents.count < count {
            precedents.append([])
            dependents.append([])
        }
    }

    mutating func setPrecedents(
        of id: CellID, to references: [CellID], lagged laggedReferences: Set<CellID> = [],
        planWide planWideReferences: Set<CellID> = []
    ) {
        removePrecedents(of: id)
        grow(to: max(id, references.max() ?? 0) + 1)
        precedents[id] = references
        for reference in references { dependents[reference].append(id) }
        if !laggedReferences.isEmpty { lagged[id] = laggedReferences }
        if !planWideReferences.isEmpty { planWide[id] = planWideReferences }
    }

    /// Also called when a cell is deleted, so it counts as a change even when the cell used nothing.
    mutating func removePrecedents(of id: CellID) {
        version += 1
        guard id < precedents.count else { return }
        for reference in precedents[id] {
            if let index = dependents[reference].firstIndex(of: id) { dependents[reference].remove(at: index) }
        }
        precedents[id] = []
        lagged[id] = nil
        planWide[id] = nil
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
