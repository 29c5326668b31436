import Foundation
import Formula
import LineEditing

/// What Tab offers at the REPL: command names after `:`, file paths after
/// `:load`, `:save`, `:save!` and `:export FORMAT`, cell names after `:plot`, and otherwise the names of cells
/// (as the model is right now, so a name defined a moment ago is offered)
/// and of functions.
enum Completion {
    static func complete(_ request: CompletionRequest, session: Session) -> CompletionResult {
        let characters = Array(request.line)
        let cursor = min(max(request.cursor, 0), characters.count)
        let typed = Array(characters[..<cursor])
        guard let first = typed.firstIndex(where: { !$0.isWhitespace }), typed[first] == ":" else {
            return names(typed, session: session)
        }
        guard let nameEnd = typed[first...].firstIndex(where: \.isWhitespace) else {
            let partial = String(typed[(first + 1)...])
            let commands = Command.table.map(\.name).filter { $0.hasPrefix(partial) }.sorted().map { ":" + $0 }
            return CompletionResult(replaceFrom: first, candidates: commands)
        }
        let command = String(typed[(first + 1)..<nameEnd])
        let argumentsStart = typed[nameEnd...].firstIndex(where: { !$0.isWhitespace }) ?? cursor
        let arguments = String(typed[argumentsStart...])
        switch command {
        case "load", "save", "save!":
            return CompletionResult(replaceFrom: argumentsStart, candidates: paths(startingWith: arguments))
        case "export":
            return exportArguments(typed, from: argumentsStart)
        case "help":
            let words = Command.table.map(\.name).filter { $0.hasPrefix(arguments) }.sorted()
            return CompletionResult(replaceFrom: argumentsStart, candidates: words)
        case "scenario":
            return scenarioArguments(typed, from: argumentsStart, session: session)
        case "compare":
            return scenarioNames(typed, session: session)
        case "plot":
            return names(typed, session: session, cellsOnly: true)
        case "seek" where isInputPosition(typed, from: argumentsStart, command: command),
             "table" where isInputPosition(typed, from: argumentsStart, command: command):
            return names(typed, session: session, leadIndicatorsOnly: true)
        default:
            return names(typed, session: session)
        }
    }

    /// Whether the word at the cursor names the input of `:seek … by ` or `:table … by ` (or
    /// `:table`'s second input after the comma): only a lead indicator can go there.
    private static func isInputPosition(_ typed: [Character], from argumentsStart: Int, command: String) -> Bool {
        var start = typed.count
        while start > argumentsStart, typed[start - 1].isNameCharacter { start -= 1 }
        let before = String(typed[argumentsStart..<start]).trimmingTrailingBlanks()
        return before == "by" || before.hasSuffix(" by") || (command == "table" && before.hasSuffix(","))
    }

    /// The identifier being typed at the cursor, completed to cell and function names, to cell
    /// names alone where no formula goes (`:plot`), or to the lead indicators alone where only
    /// an input can go.
    private static func names(
        _ typed: [Character], session: Session, cellsOnly: Bool = false, leadIndicatorsOnly: Bool = false
    ) -> CompletionResult {
        var start = typed.count
        while start > 0, typed[start - 1].isNameCharacter { start -= 1 }
        let word = String(typed[start...])
        if let first = word.first, first.isNumber { return CompletionResult(replaceFrom: start, candidates: []) }
        if leadIndicatorsOnly {
            let leads = session.model.cellsInOrder.filter { $0.isLeadIndicator && $0.name.hasPrefix(word) }.map(\.name)
            return CompletionResult(replaceFrom: start, candidates: leads.sorted())
        }
        let cells = session.cellNames.filter { $0.hasPrefix(word) }.sorted()
        if cellsOnly { return CompletionResult(replaceFrom: start, candidates: cells) }
        let functions = Builtins.functionNames.filter { $0.hasPrefix(word.lowercased()) && !word.isEmpty }.sorted()
        return CompletionResult(replaceFrom: start, candidates: cells + functions.map { $0 + "(" })
    }

    /// `:scenario use|delete NAME`: the subcommand first, then (for those two) a scenario name.
    private static func scenarioArguments(_ typed: [Character], from start: Int, session: Session) -> CompletionResult {
        let arguments = typed[start...]
        guard let blank = arguments.firstIndex(where: \.isWhitespace) else {
            let subcommands = ["base", "delete", "list", "new", "use"].filter { $0.hasPrefix(String(arguments)) }
            return CompletionResult(replaceFrom: start, candidates: subcommands)
        }
        let subcommand = String(typed[start..<blank])
        guard subcommand == "use" || subcommand == "delete" else {
            return CompletionResult(replaceFrom: typed.count, candidates: [])
        }
        return scenarioNames(typed, session: session)
    }

    /// The scenario name being typed at the cursor.
    private static func scenarioNames(_ typed: [Character], session: Session) -> CompletionResult {
        var start = typed.count
        while start > 0, typed[start - 1].isNameCharacter { start -= 1 }
        let word = String(typed[start...])
        let names = session.workbook.scenarios.map(\.name).filter { $0.hasPrefix(word) }.sorted()
        return CompletionResult(replaceFrom: start, candidates: names)
    }

    /// `:export csv|json PATH`: the format first, then a path.
    private static func exportArguments(_ typed: [Character], from start: Int) -> CompletionResult {
        let arguments = typed[start...]
        guard let blank = arguments.firstIndex(where: \.isWhitespace) else {
            let formats = ["csv", "json"].filter { $0.hasPrefix(String(arguments)) }
            return CompletionResult(replaceFrom: start, candidates: formats)
        }
        let pathStart = typed[blank...].firstIndex(where: { !$0.isWhitespace }) ?? typed.count
        return CompletionResult(replaceFrom: pathStart, candidates: paths(startingWith: String(typed[pathStart...])))
    }

    /// Entries of the folder named so far whose names start with the rest, folders ending in `/`.
    /// Hidden files only when the name typed starts with a dot.
    static func paths(startingWith typed: String) -> [String] {
        let folder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        let partial = String(typed.dropFirst(folder.count))
        let listed = folder.isEmpty ? "." : folder
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        return entries
            .filter { $0.hasPrefix(partial) && (partial.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { entry in
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: listed + "/" + entry, isDirectory: &isFolder)
                return folder + entry + (exists && isFolder.boolValue ? "/" : "")
            }
    }
}

extension Character {
    var isNameCharacter: Bool {
        isASCII && (isLetter || isNumber || self == "_")
    }
}
