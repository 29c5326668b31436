/// Orders a whole set of cells so each comes after what it uses in the same period, and finds
/// the cycles that make that impossible, each reported once. Used at load. Edges through `prev`
/// are left out: they read an earlier period, so a loop through one is allowed.
///
/// Kahn's algorithm peels off every cell that does not sit on or behind a
/// cycle; walking precedents from what is left must run into a cycle.
enum TopologicalSort {
    static func sort(
        _ ids: some Collection<CellID>, graph: DependencyGraph, isDefined: (CellID) -> Bool
    ) -> (order: [CellID], cycles: [[CellID]]) {
        var remaining = [Int](repeating: 0, count: graph.precedents.count)
        var stuckCount = 0
        var ready: [CellID] = []
        for id in ids {
            let count = graph.precedents[id].reduce(0) { $0 + (isDefined($1) && !graph.isLagged(id, on: $1) ? 1 : 0) }
            if count == 0 { ready.append(id) } else { remaining[id] = count; stuckCount += 1 }
        }
        var order: [CellID] = []
        order.reserveCapacity(ids.count)
        while let id = ready.popLast() {
            order.append(id)
            for dependent in graph.dependents[id] where remaining[dependent] > 0 && !graph.isLagged(dependent, on: id) {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 {
                    stuckCount -= 1
                    ready.append(dependent)
                }
            }
        }
        return (order, stuckCount == 0 ? [] : walkCycles(remaining, ids: ids, graph: graph))
    }

    /// Whether `ids` are in order already, each after every defined cell it references: what a
    /// model written top-down is, and then its file order is the order of evaluation, with no
    /// cycle, found in one pass. An id given twice is not in order.
    static func isSorted(_ ids: [CellID], graph: DependencyGraph, isDefined: (CellID) -> Bool) -> Bool {
        var seen = [Bool](repeating: false, count: graph.precedents.count)
        return graph.precedents.withLists { precedents in
            for id in ids {
                guard !seen[id], precedents[id].allSatisfy({ seen[$0] || !isDefined($0) }) else { return false }
                seen[id] = true
            }
            return true
        }
    }

    /// Every cell still waiting has a precedent also waiting; following them must close a loop.
    private static func walkCycles(
        _ remaining: [Int], ids: some Collection<CellID>, graph: DependencyGraph
    ) -> [[CellID]] {
        var finished = Set<CellID>()
        var cycles: [[CellID]] = []
        for start in ids where remaining[start] > 0 && !finished.contains(start) {
            var walk: [CellID] = []
            var positionInWalk: [CellID: Int] = [:]
            var current = start
            while !finished.contains(current) {
                if let loopStart = positionInWalk[current] {
                    cycles.append(Array(walk[loopStart...]) + [current])
                    break
                }
                positionInWalk[current] = walk.count
                walk.append(current)
                guard let next = graph.precedents[current].first(where: { remaining[$0] > 0 && !graph.isLagged(current, on: $0) })
                else { break }
                current = next
            }
            finished.formUnion(walk)
        }
        return cycles
    }
}
