import Formula

/// A goal line such as `goal revenue >= 50k`: the comparison as written and as parsed.
public struct GoalEntry: Sendable, Equatable {
    /// The comparison as written, without the `goal` keyword: `revenue >= 50k`.
    public let text: String
    public let goal: Goal

    public init(text: String, goal: Goal) {
        self.text = text
        self.goal = goal
    }
}

extension GoalEntry {
    /// This goal with every reference to `old` renamed, or nil when it does not mention `old`.
    func renamingReferences(_ old: String, to new: String) -> GoalEntry? {
        guard case .success(let comparison) = Parser.parseExpression(text) else { return nil }
        let ranges = comparison.rangesOfReferences(to: old)
        guard !ranges.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        for range in ranges.sorted(by: { $0.start > $1.start }) {
            bytes.replaceSubrange(range.start..<range.end, with: Array(new.utf8))
        }
        let renamed = String(decoding: bytes, as: UTF8.self)
        guard case .success(.goal(let goal)) = Parser.parseStatement("goal " + renamed) else { return nil }
        return GoalEntry(text: renamed, goal: goal)
    }
}
