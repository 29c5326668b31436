import ArgumentParser
import Foundation
import Shell

/// `leadlag run SCRIPT [--model MODEL]`: REPL input from a file, without a terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a file of REPL input; stops at the first error or failed :assert (exit 1).")

    @Argument(help: "The script: one REPL input per line.")
    var script: String

    @Option(help: "The model to load before the script runs.")
    var model: String?

    @Flag(help: "Print only errors and failed assertions: no values, no summary.")
    var quiet = false

    func run() throws {
        throw ExitCode(ShellEntry.runScript(
            path: script, modelPath: model, quiet: quiet, environment: ProcessInfo.processInfo.environment))
    }
}
