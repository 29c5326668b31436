import PlanEngine

/// A model file that did not load: every problem, each already printed as
/// `PATH:LINE:COL: error: MESSAGE` followed by the line and a caret.
public struct LoadFailure: Error, Sendable, Equatable {
    public let messages: [String]

    public var text: String { messages.joined(separator: "\n") }
}

/// Why a workbook operation on files or scenarios failed; nothing was changed.
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownScenario(String)
    case scenarioExists(String)
    case model(ModelError)
    /// Reading or writing `path` failed for `reason` (the file on disk is as it was).
    case io(path: String, reason: String)
    /// Save was asked for a workbook that has no file yet.
    case noPath

    public var description: String {
        switch self {
        case .unknownScenario(let name): "no scenario named '\(name)'"
        case .scenarioExists(let name): "a scenario named '\(name)' already exists"
        case .model(let error): error.description
        case .io(let path, let reason): "\(path): \(reason)"
        case .noPath: "no file name yet: give one, as in :save plan.model"
        }
    }
}
