import Formula

/// Why the engine refused an edit. The model is unchanged whenever one is thrown.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The edit would close a cycle; the path starts and ends at the same cell.
    case cycle([String])
    case undefinedCell(String)
    case nameTaken(String)
    case reservedName(String)
    case invalidName(String)
    /// A rename to a name other cells already use (undefined): taking it would silently change them.
    case nameInUse(String, usedBy: [String])
    /// A use of periods the plan does not allow: `prev` without a periods line, a period outside the plan.
    case periods(String)
    /// Taking away an override that is not there: the cell and the periods as written.
    case noSuchOverride(String, String)

    public var description: String {
        switch self {
        case .cycle(let path): "cycle: " + path.joined(separator: " → ")
        case .undefinedCell(let name): "no cell named '\(name)'"
        case .nameTaken(let name): "a cell named '\(name)' already exists"
        case .reservedName(let name): "'\(name)' is a reserved word"
        case .nameInUse(let name, let users):
            "'\(name)' is already used by \(NameList.text(users)): define it, or rename to another name"
        case .periods(let message): message
        case .noSuchOverride(let name, let periods): "\(name) has no override for \(periods)"
        case .invalidName(let name): "'\(name)' is not a valid name (letters, digits and _, not starting with a digit)"
        }
    }
}
