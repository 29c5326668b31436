import Formula
import PlanEngine
/// One REPL command: its name, how it is called, what it does, and the code that does it.
///
/// Every command is one entry of ``Command/table``; `:help` is generated from
/// that table, so adding a command is writing one `Command` value (usually in
/// its own file, as an extension of `Command`) and listing it there.
struct Command: Sendable {
    /// Without the colon: `rename`.
    let name: String
    /// Printed as `Usage: …` when the arguments are wrong: `:rename OLD NEW`.
    let usage: String
    /// One line for the `:help` overview.
    let summary: String
    /// More text for `:help NAME`; may be empty.
    let details: String
    /// Other names that run it, as other REPLs spell them: `q` and `exit` for `quit`.
    let aliases: [String]
    /// Runs the command on its input (the arguments, and the whole line for diagnostics).
    let run: @Sendable (_ input: CommandInput, _ session: Session, _ reply: inout Reply) -> Void

    init(
        name: String, usage: String, summary: String, details: String = "", aliases: [String] = [],
        run: @escaping @Sendable (_ input: CommandInput, _ session: Session, _ reply: inout Reply) -> Void
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.details = details
        self.aliases = aliases
        self.run = run
    }

    /// Every command, in the order `:help` lists them.
    static let table: [Command] = [
        .help, .list, .show, .explain, .plot,
        .delete, .rename, .undo, .redo,
        .whatIf, .seek, .sensitivityTable, .scenario, .compare,
        .goals, .actuals, .variance, .calibrate, .simulate, .drivers, .assert,
        .load, .save, .saveOverwriting, .new, .edit, .export,
        .quit,
    ]

    /// The command called `name` or one of its aliases.
    static func named(_ name: String) -> Command? {
        table.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// `unknown command ':lsit' (did you mean :list?)`, or `(try :help)` when none is close.
    static func unknown(_ name: String) -> String {
        let hint = NameSuggestion.hint(for: name, among: table.map(\.name), prefix: ":")
        return "unknown command ':\(name)'" + (hint.isEmpty ? " (try :help)" : hint)
    }

    /// The failure for wrong arguments: what is wrong when it can be said, then the `Usage:`
    /// line; nothing changed.
    func rejectArguments(_ reply: inout Reply, problem: String? = nil) {
        reply.failWithUsage(usage, problem: problem)
    }

    func reject(_ error: UsageError, _ reply: inout Reply) {
        rejectArguments(&reply, problem: error.problem)
    }

    /// The one cell a `:command NAME` names in `model`, or nil after saying what is wrong
    /// (the usage line, or that there is no such cell).
    func namedCell(_ arguments: String, in model: Model, reply: inout Reply) -> Cell? {
        let words = arguments.argumentWords
        guard words.count == 1 else {
            rejectArguments(&reply, problem: words.isEmpty ? "\(name) wants a cell name" : "\(name) takes one cell name")
            return nil
        }
        guard let cell = model[words[0]] else {
            reply.fail(model.noSuchCell(words[0]))
            return nil
        }
        return cell
    }
}

/// Arguments that do not fit a command's usage, with what is wrong in words, so the person
/// reads why before the `Usage:` line that shows the right shape.
struct UsageError: Error {
    let problem: String

    init(_ problem: String) {
        self.problem = problem
    }
}

/// The words of a command's arguments, split at spaces and tabs.
extension String {
    var argumentWords: [String] {
        split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}
