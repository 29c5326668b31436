/// Who uses whom: for each cell the names it references (precedents) and for
/// each name the cells that reference it (dependents).
///
/// Dependents are kept for names that are not defined yet, so a cell that
/// refers to a missing name heals the moment that name is defined. Every walk
/// here is iterative: a 200,000-cell chain must not overflow the stack.
struct DependencyGraph: Sendable {
    private(set) var precedents: [String: [String]] = [:]
    private(set) var dependents: [String: Set<String>] = [:]

    func precedents(of name: String) -> [String] { precedents[name] ?? [] }

    func dependents(of name: String) -> Set<String> { dependents[name] ?? [] }

    mutating func setPrecedents(of name: String, to references: [String]) {
        removePrecedents(of: name)
        precedents[name] = references
        for reference in references { dependents[reference, default: []].insert(name) }
    }

    mutating func removePrecedents(of name: String) {
        guard let old = precedents.removeValue(forKey: name) else { return }
        for reference in old {
            dependents[reference]?.remove(name)
            if dependents[reference]?.isEmpty == true { dependents[reference] = nil }
        }
    }

    /// Moves every edge of `old` to `new`, merging cells that already waited for `new`.
    mutating func rename(_ old: String, to new: String, rewrittenDependents: [String: [String]]) {
        let references = precedents[old] ?? []
        removePrecedents(of: old)
        for (dependent, newReferences) in rewrittenDependents {
            setPrecedents(of: dependent, to: newReferences)
        }
        setPrecedents(of: new, to: references)
    }

    /// The path `name → … → name` that defining `name` with `references` would close, if any.
    func cycle(defining name: String, references: [String], isDefined: (String) -> Bool) -> [String]? {
        if references.contains(name) { return [name, name] }
        // Breadth-first from the new references along precedent edges, looking for `name`.
        var parent: [String: String] = [:]
        var queue: [String] = []
        var head = 0
        for reference in references where isDefined(reference) && parent[reference] == nil {
            parent[reference] = name
            queue.append(reference)
        }
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in precedents(of: current) {
                if next == name { return path(to: current, from: name, parent: parent) }
                if parent[next] == nil, isDefined(next) {
                    parent[next] = current
                    queue.append(next)
                }
            }
        }
        return nil
    }

    private func path(to last: String, from name: String, parent: [String: String]) -> [String] {
        var reversed = [name, last]
        var current = last
        while let previous = parent[current], previous != name {
            reversed.append(previous)
            current = previous
        }
        reversed.append(name)
        return reversed.reversed()
    }

    /// Every defined cell reachable from `roots` through dependents, roots included when defined.
    func downstream(of roots: some Sequence<String>, isDefined: (String) -> Bool) -> Set<String> {
        var seen: Set<String> = []
        var stack: [String] = []
        for root in roots {
            if isDefined(root) {
                if seen.insert(root).inserted { stack.append(root) }
            } else {
                stack.append(root)
            }
        }
        while let current = stack.popLast() {
            for dependent in dependents(of: current) where seen.insert(dependent).inserted {
                stack.append(dependent)
            }
        }
        return seen
    }
}
