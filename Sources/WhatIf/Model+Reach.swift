import PlanEngine

extension Model {
    /// Whether changing `input` can change `cell`: `input` is `cell` itself or one
    /// of its precedents, directly or through other cells.
    ///
    /// A goal seek by an input the target does not use would search forever for
    /// nothing, and a table over one would show the same value in every row.
    /// Breadth-first over precedents, so a long chain cannot overflow the stack.
    public func depends(_ cell: String, on input: String) -> Bool {
        var seen: Set<String> = [cell]
        var queue = [cell]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if current == input { return true }
            for precedent in precedents(of: current) where seen.insert(precedent).inserted {
                queue.append(precedent)
            }
        }
        return false
    }

    /// For each input, how many cells a change to it recomputes: itself and every cell
    /// downstream of it. One pass builds who-uses-whom; each count is then a breadth-first walk.
    func downstreamCounts(of inputs: [String]) -> [Int] {
        var users: [String: [String]] = [:]
        for cell in cellsInOrder {
            for reference in cell.references { users[reference, default: []].append(cell.name) }
        }
        return inputs.map { input in
            var seen: Set<String> = [input]
            var queue = [input]
            var head = 0
            while head < queue.count {
                for user in users[queue[head], default: []] where seen.insert(user).inserted { queue.append(user) }
                head += 1
            }
            return seen.count
        }
    }
}
