import Foundation
import Testing

/// The command line's own habits: --version, --help, shell completion scripts, check --strict.
@Suite("leadlag's command line: version, help, completion scripts, strict checks")
struct CommandLineTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let outcome = try Leadlag.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("leadlag "))
        #expect(outcome.output.split(separator: " ").last?.first?.isNumber == true)
    }

    @Test("--help shows leadlag [MODEL] as the first usage, then each subcommand")
    func help() throws {
        let outcome = try Leadlag.run(["--help"])
        #expect(outcome.status == 0)
        let usage = outcome.output.components(separatedBy: "\n").filter { $0.hasPrefix("USAGE:") }
        #expect(usage == ["USAGE: leadlag [MODEL]"])
        #expect(outcome.output.contains("       leadlag run SCRIPT [--model MODEL] [--quiet]"))
        #expect(outcome.output.contains("       leadlag check MODEL [--strict]"))
    }

    @Test("make install's man page gets the usage lines of --help as its SYNOPSIS (scripts/man-synopsis)")
    func manPageSynopsis() throws {
        let binary = try #require(Leadlag.path)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/man-synopsis").path
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-\(UUID().uuidString).1")
        defer { try? FileManager.default.removeItem(at: page) }
        // The shape generate-manual writes for a command with subcommands.
        try """
            .Dd December 2, 2026
            .Dt LEADLAG 1
            .Os
            .Sh NAME
            .Nm leadlag
            .Nd A planning REPL.
            .Sh SYNOPSIS
            .Nm
            .Ar subcommand
            .Op Fl -version
            .Op Fl -help
            .Sh DESCRIPTION
            Opens the REPL.

            """.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [binary, page.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rewritten = try String(contentsOf: page, encoding: .utf8)
        #expect(rewritten == """
            .Dd December 2, 2026
            .Dt LEADLAG 1
            .Os
            .Sh NAME
            .Nm leadlag
            .Nd A planning REPL.
            .Sh SYNOPSIS
            .Nm
            [MODEL]
            .Nm
            run SCRIPT [--model MODEL] [--quiet]
            .Nm
            eval MODEL [--scenario NAME] [--set NAME=EXPR]... [--get NAME]... [--format table|csv|json]
            .Nm
            check MODEL [--strict]
            .Sh DESCRIPTION
            Opens the REPL.

            """)
    }

    @Test("--generate-completion-script writes a script for each shell", arguments: ["bash", "zsh", "fish"])
    func completionScript(shell: String) throws {
        let outcome = try Leadlag.run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("leadlag"))
        #expect(outcome.output.contains("strict"))
    }

    @Test("check --strict fails with 1 on a warning; without --strict the model is ok")
    func strict() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-strict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let warned = folder.appendingPathComponent("warned.model").path
        try "leads = 120\nwins = leads * rate\nx = npv(1)\n".write(toFile: warned, atomically: true, encoding: .utf8)
        let lenient = try Leadlag.run(["check", warned])
        #expect(lenient.status == 0)
        let strict = try Leadlag.run(["check", warned, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("warning: 'rate' is not defined (used by wins)"))
        #expect(strict.errors.contains("warning: unknown function 'npv'"))
        #expect(strict.errors.hasSuffix("\(warned): 2 warnings, and --strict fails on any\n"))
        let clean = folder.appendingPathComponent("clean.model").path
        try "leads = 120\nwins = leads * 2\n".write(toFile: clean, atomically: true, encoding: .utf8)
        #expect(try Leadlag.run(["check", clean, "--strict"]).status == 0)
    }
}
