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
