/// Groups cells into strongly connected components along precedent edges (Tarjan's algorithm,
/// iterative), each component after every component it uses: the order a plan with loops
/// through `prev` is evaluated in. Without such loops every component is one cell.
///
/// Within a component, ``periodOrder(_:graph:)`` orders the cells for one period: by their
/// same-period edges, which never loop (the graph refuses such a cycle).
enum StronglyConnected {
    /// The components of the cells `includes` accepts, following only edges between them.
    static func components(of ids: [CellID], graph: DependencyGraph, includes: (CellID) -> Bool) -> [[CellID]] {
        var index: [CellID: Int] = [:]
        var lowLink: [CellID: Int] = [:]
        var onStack: Set<CellID> = []
        var stack: [CellID] = []
        var components: [[CellID]] = []
        var counter = 0
        for root in ids where index[root] == nil {
            // Each frame is a cell and how many of its precedents have been looked at.
            var frames: [(cell: CellID, next: Int)] = []
            func visit(_ cell: CellID) {
                index[cell] = counter
                lowLink[cell] = counter
                counter += 1
                stack.append(cell)
                onStack.insert(cell)
                frames.append((cell, 0))
            }
            visit(root)
            while let frame = frames.last {
                let edges = graph.precedents[frame.cell]
                if frame.next < edges.count {
                    frames[frames.count - 1].next += 1
                    let precedent = edges[frame.next]
                    guard includes(precedent) else { continue }
                    if let seen = index[precedent] {
                        if onStack.contains(precedent) { lowLink[frame.cell] = min(lowLink[frame.cell]!, seen) }
                    } else {
                        visit(precedent)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.cell { lowLink[parent] = min(lowLink[parent]!, lowLink[frame.cell]!) }
                guard lowLink[frame.cell] == index[frame.cell] else { continue }
                var component: [CellID] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    component.append(member)
                    if member == frame.cell { break }
                }
                components.append(component)
            }
        }
        return components
    }

    /// The cells of one component in an order where each comes after what it uses in the same period.
    static func periodOrder(_ component: [CellID], graph: DependencyGraph) -> [CellID] {
        guard component.count > 1 else { return component }
        let members = Set(component)
        var waiting: [CellID: Int] = [:]
        var ready: [CellID] = []
        for cell in component {
            let count = graph.precedents[cell].count { members.contains($0) && !graph.isLagged(cell, on: $0) }
            waiting[cell] = count
            if count == 0 { ready.append(cell) }
        }
        var order: [CellID] = []
        var head = 0
        while head < ready.count {
            let cell = ready[head]
            head += 1
            order.append(cell)
            for dependent in graph.dependents[cell] where members.contains(dependent) && !graph.isLagged(dependent, on: cell) {
                waiting[dependent]! -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        return order
    }

    /// A loop among `component` that reads across the whole plan somewhere, as a path that starts
    /// and ends at the same cell; nil when there is none (only such loops are refused at load:
    /// one through same-period edges only is found by ``TopologicalSort``).
    static func planWideLoop(in component: [CellID], graph: DependencyGraph) -> [CellID]? {
        guard component.count > 1 else { return nil }
        let members = Set(component)
        for cell in component {
            for precedent in graph.precedents[cell] where members.contains(precedent) && graph.isPlanWide(cell, on: precedent) {
                return [cell] + path(from: precedent, to: cell, within: members, graph: graph)
            }
        }
        return nil
    }

    /// The cells from `start` to `end` along precedent edges inside `members`, both included.
    private static func path(from start: CellID, to end: CellID, within members: Set<CellID>, graph: DependencyGraph) -> [CellID] {
        var parent: [CellID: CellID] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if current == end { break }
            for next in graph.precedents[current] where members.contains(next) && parent[next] == nil {
                parent[next] = current
                queue.append(next)
            }
        }
        var path = [end]
        var current = end
        while current != start, let previous = parent[current] {
            path.append(previous)
            current = previous
        }
        return path.reversed()
    }
}
