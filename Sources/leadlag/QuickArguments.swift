import ArgumentParser

/// The command lines scripts and CI run most, read without the argument parser:
/// `leadlag eval MODEL` with `--get`, `--set`, `--scenario`, `--period`, `--format` and `--variance`,
/// and `leadlag check MODEL [--strict]`.
///
/// The argument parser's first use looks up protocol conformances and builds type metadata at
/// run time, which costs more than loading a small model does. Only plain command lines are read
/// here: anything else (help, `--version`, a misspelled or repeated option, a value that starts
/// with `-`, `--simulate`) is left to the argument parser, so its usage errors and help read as ever.
enum QuickArguments {
    /// The command `arguments` (the command line without the program name) spell, or nil to leave them to the parser.
    static func command(for arguments: [String]) -> ParsableCommand? {
        guard let subcommand = arguments.first else { return nil }
        var options = OptionList(arguments.dropFirst())
        switch subcommand {
        case "eval": return eval(&options)
        case "check": return check(&options)
        default: return nil
        }
    }

    private static func eval(_ options: inout OptionList) -> Eval? {
        var command = Eval()
        var model: String?
        var scenario: String?, period: String?, format: Eval.Format?
        var settings: [String] = [], requested: [String] = []
        var variance = false
        while let item = options.next() {
            switch item {
            case .positional(let text) where model == nil: model = text
            case .option("get", let value?): requested.append(value)
            case .option("set", let value?): settings.append(value)
            case .option("scenario", let value?) where scenario == nil: scenario = value
            case .option("period", let value?) where period == nil: period = value
            case .option("format", let value?) where format == nil:
                guard let chosen = Eval.Format(rawValue: value) else { return nil }
                format = chosen
            case .option("variance", nil) where !variance: variance = true
            default: return nil
            }
        }
        guard let model else { return nil }
        command.model = model
        command.scenario = scenario
        command.period = period
        command.format = format ?? .table
        command.settings = settings
        command.requested = requested
        command.variance = variance
        command.simulate = nil
        command.seed = nil
        return command
    }

    private static func check(_ options: inout OptionList) -> Check? {
        var command = Check()
        var model: String?
        var strict = false
        while let item = options.next() {
            switch item {
            case .positional(let text) where model == nil: model = text
            case .option("strict", nil) where !strict: strict = true
            default: return nil
            }
        }
        guard let model else { return nil }
        command.model = model
        command.strict = strict
        return command
    }
}

/// The words of a command line after the subcommand, as positional values and long options.
private struct OptionList {
    enum Item: Equatable {
        case positional(String)
        /// `--name VALUE` or `--name=VALUE`; a flag (`--strict`) has no value.
        case option(String, String?)
        /// Anything the quick reading does not take on.
        case unreadable
    }

    private var words: ArraySlice<String>
    private static let optionsWithValues: Set<String> = ["get", "set", "scenario", "period", "format"]

    init(_ words: ArraySlice<String>) {
        self.words = words
    }

    mutating func next() -> Item? {
        guard let word = words.popFirst() else { return nil }
        guard word.hasPrefix("-") else { return word.isEmpty ? .unreadable : .positional(word) }
        guard word.hasPrefix("--"), word.count > 2 else { return .unreadable }
        let spelled = word.dropFirst(2)
        let name = String(spelled.prefix { $0 != "=" })
        guard Self.optionsWithValues.contains(name) else {
            return spelled.contains("=") ? .unreadable : .option(name, nil)
        }
        let value: String
        if let equals = spelled.firstIndex(of: "=") {
            value = String(spelled[spelled.index(after: equals)...])
        } else {
            guard let following = words.popFirst() else { return .unreadable }
            value = following
        }
        return value.isEmpty || value.hasPrefix("-") ? .unreadable : .option(name, value)
    }
}
