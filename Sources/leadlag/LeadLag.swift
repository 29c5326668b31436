import ArgumentParser
import Formula
import Foundation
import Shell

/// `leadlag`: the REPL on a model, plus the subcommands that need no terminal.
///
/// Exit codes follow the product contract: 0 success, 1 a failed assertion or
/// an evaluation error, 2 usage errors and files that do not load.
struct LeadLag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadlag",
        abstract: "A spreadsheet-style planning REPL: lead indicators in, lag indicators out.",
        usage: """
            leadlag [MODEL]
            leadlag run SCRIPT [--model MODEL] [--quiet]
            leadlag eval MODEL [--scenario NAME] [--set NAME=EXPR]... [--get NAME]... [--format table|csv|json]
            leadlag check MODEL [--strict]
            """,
        discussion: "Without a subcommand, opens the REPL (script mode when standard input is not a terminal). "
            + "A MODEL that does not exist yet opens an empty model that :save writes there.",
        version: "leadlag \(version)",
        subcommands: [Repl.self, Eval.self, Check.self, Run.self],
        defaultSubcommand: Repl.self
    )

    static let version = "0.1.0"
}

/// `leadlag [MODEL]`: the REPL, the default when no subcommand is named.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL on a model (script mode when standard input is not a terminal).")

    @Argument(help: "The model file to open.")
    var model: String?

    func run() throws {
        throw ExitCode(ShellEntry.repl(modelPath: model, environment: ProcessInfo.processInfo.environment))
    }
}

/// Usage errors exit 2 (the contract), not ArgumentParser's default 64.
@main
enum Main {
    static func main() {
        do {
            var command = try QuickArguments.command(for: Array(CommandLine.arguments.dropFirst())) ?? LeadLag.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = LeadLag.exitCode(for: error)
            let message = LeadLag.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((VisibleText.escapingLines(message) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
