/// Orders a whole set of cells so each comes after what it uses, and finds
/// the cycles that make that impossible, each reported once. Used at load.
///
/// Kahn's algorithm peels off every cell that does not sit on or behind a
/// cycle; walking precedents from what is left must run into a cycle.
enum TopologicalSort {
    static func sort(
        _ names: some Collection<String>, graph: DependencyGraph, isDefined: (String) -> Bool
    ) -> (order: [String], cycles: [[String]]) {
        var remaining: [String: Int] = [:]
        var ready: [String] = []
        for name in names {
            let count = graph.precedents(of: name).filter(isDefined).count
            if count == 0 { ready.append(name) } else { remaining[name] = count }
        }
        var order: [String] = []
        order.reserveCapacity(names.count)
        while let name = ready.popLast() {
            order.append(name)
            for dependent in graph.dependents(of: name) {
                guard let count = remaining[dependent] else { continue }
                if count == 1 {
                    remaining[dependent] = nil
                    ready.append(dependent)
                } else {
                    remaining[dependent] = count - 1
                }
            }
        }
        return (order, remaining.isEmpty ? [] : walkCycles(in: remaining, names: names, graph: graph))
    }

    /// Every cell left in `stuck` has a precedent also left; following them must close a loop.
    private static func walkCycles(
        in stuck: [String: Int], names: some Collection<String>, graph: DependencyGraph
    ) -> [[String]] {
        var finished: Set<String> = []
        var cycles: [[String]] = []
        for start in names where stuck[start] != nil && !finished.contains(start) {
            var walk: [String] = []
            var positionInWalk: [String: Int] = [:]
            var current = start
            while !finished.contains(current) {
                if let loopStart = positionInWalk[current] {
                    cycles.append(Array(walk[loopStart...]) + [current])
                    break
                }
                positionInWalk[current] = walk.count
                walk.append(current)
                guard let next = graph.precedents(of: current).first(where: { stuck[$0] != nil }) else { break }
                current = next
            }
            finished.formUnion(walk)
        }
        return cycles
    }
}
