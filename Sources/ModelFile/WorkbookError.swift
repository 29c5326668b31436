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
    /// The model's file was changed by someone else since it was loaded or saved; saving would lose that.
    case changedOnDisk(path: String)
    /// The file has no write permission: replacing it needs the person to insist (`:save!`).
    case writeProtected(path: String)

    public var description: String {
        switch self {
        case .unknownScenario(let name): "no scenario named '\(name)'"
        case .scenarioExists(let name): "a scenario named '\(name)' already exists"
        case .model(let error): error.description
        case .io(let path, let reason): "\(path): \(reason)"
        case .noPath: "no file name yet: give one, as in :save plan.model"
        case .changedOnDisk(let path):
            "\(path): the file changed on disk since it was loaded: `:save!` overwrites, `:load` rereads"
        case .writeProtected(let path): "\(path): the file is write-protected"
        }
    }

    /// The reason without the path, for messages that name the file themselves.
    public var reason: String {
        if case .io(_, let reason) = self { return reason }
        return description
    }
}
