import ArgumentParser
import Formula
import Foundation
import ModelFile

/// Loads a model for a subcommand: diagnostics and warnings go to standard
/// error, and a file that does not load ends the process with exit code 2.
enum ModelLoading {
    static func load(_ path: String) throws -> Workbook {
        switch Workbook.load(path: path) {
        case .success(let workbook):
            for warning in workbook.warnings { printError(warning) }
            return workbook
        case .failure(let failure):
            printError(failure.text)
            throw ExitCode(2)
        }
    }

    /// Ends the process with `code` right away, from inside a command that still holds its
    /// model: freeing a large model cell by cell would cost a good part of a short run.
    /// `workbook` is what the command loaded: held to the exit, so that nothing of it is freed
    /// when the command's last use of it passes (the document's lines, line by line).
    /// Standard output is flushed by `exit`.
    static func finish(_ code: Int32, holding workbook: Workbook) -> Never {
        withExtendedLifetime(workbook) { Foundation.exit(code) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((VisibleText.escapingLines(text) + "\n").utf8))
    }
}
