import Formula
import PlanEngine

/// A named set of overrides of lead indicators: a `[scenario NAME]` section.
public struct Scenario: Sendable, Equatable {
    public let name: String
    public var overrides: [Definition]
    /// Where each override's name stands in the file it was read from, for error locations.
    var overrideRanges: [String: SourceRange] = [:]

    public init(name: String, overrides: [Definition]) {
        self.name = name
        self.overrides = overrides
    }

    public static func == (lhs: Scenario, rhs: Scenario) -> Bool {
        lhs.name == rhs.name && lhs.overrides == rhs.overrides
    }
}

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
