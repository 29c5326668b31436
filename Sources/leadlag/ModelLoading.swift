import ArgumentParser
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

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
