/// Who uses whom, by ``CellID``: for each cell the ids it references
/// (precedents) and for each id the cells that reference it (dependents).
///
/// Dependents are kept for names that are not defined yet, so a cell that
/// refers to a missing name heals the moment that name is defined. Every walk
/// here is iterative: a 200,000-cell chain must not overflow the stack.
struct DependencyGraph: Sendable {
    private(set) var precedents: [[CellID]] = []
    private(set) var dependents: [[CellID]] = []
    /// Counts the changes made to the graph, so that an order computed from it can be kept while it holds.
    private(set) var version = 0

    /// Makes room for ids up to `count - 1`.
    mutating func grow(to count: Int) {
        guard precedents.count < count else { return }
        version += 1
        while precedents.count < count {
            precedents.append([])
            dependents.append([])
        }
    }

    mutating func setPrecedents(of id: CellID, to references: [CellID]) {
        removePrecedents(of: id)
        grow(to: max(id, references.max() ?? 0) + 1)
        precedents[id] = references
        for reference in references { dependents[reference].append(id) }
    }

    /// Also called when a cell is deleted, so it counts as a change even when the cell used nothing.
    mutating func removePrecedents(of id: CellID) {
        version += 1
        guard id < precedents.count else { return }
        for reference in precedents[id] {
            if let index = dependents[reference].firstIndex(of: id) { dependents[reference].remove(at: index) }
        }
        precedents[id] = []
    }

    /// The path `id → … → id` that giving `id` these `references` would close, if any.
    func cycle(defining id: CellID, references: [CellID], isDefined: (CellID) -> Bool) -> [CellID]? {
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
            for next in precedents[current] {
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
