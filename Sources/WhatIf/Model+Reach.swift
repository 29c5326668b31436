import PlanEngine

extension Model {
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
