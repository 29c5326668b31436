import Foundation
import Testing

/// `leadlag eval` and `leadlag check` as a shell or CI runs them: output and exit codes.
@Suite("leadlag eval and check")
struct EvalCheckTests {
    static let model = """
        leads = 120   # per month
        conversion = 15%
        win_rate = 33%
        deal_value = $2400
        opportunities = leads * conversion
        wins = opportunities * win_rate
        revenue = wins * deal_value
        goal revenue >= 50k

        [scenario optimistic]
        conversion = 20%
        win_rate = 40%
        """

    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-eval-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func write(_ text: String, to name: String = "plan.model") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonHasEveryCellInFileOrderAtFifteenSignificantDigits() throws {
        let path = try write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.output == """
            {
              "leads": 120,
              "conversion": 0.15,
              "win_rate": 0.33,
              "deal_value": 2400,
              "opportunities": 18,
              "wins": 5.94,
              "revenue": 14256
            }

            """)
    }

    @Test func setAndGetAndScenario() throws {
        let path = try write(Self.model)
        let set = try Leadlag.run(["eval", path, "--set", "leads=150", "--get", "revenue", "--get", "wins", "--format", "csv"])
        #expect(set.status == 0)
        #expect(set.output == "name,value\nrevenue,17820\nwins,7.425\n")
        let scenario = try Leadlag.run(["eval", path, "--scenario", "optimistic", "--get", "revenue", "--format", "json"])
        #expect(scenario.output == "{\n  \"revenue\": 23040\n}\n")
        let both = try Leadlag.run(["eval", path, "--scenario", "optimistic", "--set", "leads = 100", "--get", "revenue", "--format", "csv"])
        #expect(both.output == "name,value\nrevenue,19200\n")
    }

    @Test func aPoundModelPrintsPoundsAndMixedSymbolsDoNotLoad() throws {
        let pounds = try write("leads = 10\ndeal = £2.4k\nrevenue = leads * deal\n", to: "pounds.model")
        let table = try Leadlag.run(["eval", pounds, "--get", "revenue"])
        #expect(table.status == 0)
        #expect(table.output.contains("£24,000"), "\(table.output)")
        let mixed = try write("deal = £2.4k\nfee = $50\n", to: "mixed.model")
        let check = try Leadlag.run(["check", mixed])
        #expect(check.status == 2)
        #expect(check.errors.hasPrefix("\(mixed):2:7: error: '$' mixes currencies: this model's money is in £"))
    }

    @Test func aCellAskedForTwiceIsPrintedOnce() throws {
        let path = try write(Self.model)
        let outcome = try Leadlag.run(["eval", path, "--get", "leads", "--get", "leads", "--format", "json"])
        #expect(outcome.output == "{\n  \"leads\": 120\n}\n")
    }

    @Test func tableShowsLeadAndLagIndicatorsApartFormatted() throws {
        let path = try write(Self.model)
        let outcome = try Leadlag.run(["eval", path])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "lead indicators")
        #expect(lines.contains("lag indicators"))
        #expect(lines.contains { $0.contains("conversion") && $0.contains("15%") })
        #expect(lines.contains { $0.contains("revenue") && $0.contains("$14,256") && $0.contains("= wins * deal_value") })
        let leadIndex = try #require(lines.firstIndex(of: "lag indicators"))
        #expect(lines[..<leadIndex].allSatisfy { !$0.contains("revenue") })
    }

    @Test func errorValuesAreStringsAndExitOne() throws {
        let path = try write("a = 0\nb = 1 / a\nc = b > 1\nd = true\n")
        let outcome = try Leadlag.run(["eval", path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(outcome.output == "{\n  \"a\": 0,\n  \"b\": \"#DIV/0!\",\n  \"c\": \"#DIV/0!\",\n  \"d\": true\n}\n")
    }

    @Test(arguments: [
        (["eval", "PATH", "--scenario", "nope"], "error: no scenario named 'nope'"),
        (["eval", "PATH", "--get", "nope"], "error: no cell named 'nope'"),
        (["eval", "PATH", "--set", "nope=1"], "error: --set: no cell named 'nope'"),
        (["eval", "PATH", "--set", "leads=1 +"], "\n--set:1:10: error: expected an expression after '+'"),
        (["eval", "PATH", "--set", "wins=revenue"], "cycle: wins → revenue → wins"),
        (["eval", "PATH", "--set", "leads=€3k"], "\n--set:1:7: error: '€' mixes currencies: this model's money is in $"),
        (["eval", "PATH", "--format", "xml"], "Error:"),
        (["eval"], "Error:"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let path = try write(Self.model)
        let outcome = try Leadlag.run(arguments.map { $0 == "PATH" ? path : $0 })
        let errors = "\n" + outcome.errors
        #expect(outcome.status == 2)
        #expect(errors.contains(message), "\(outcome.errors)")
        #expect(outcome.output.isEmpty)
    }

    @Test func checkSaysOkOrPrintsEveryErrorAndExitsTwo() throws {
        let good = try write(Self.model)
        let ok = try Leadlag.run(["check", good])
        #expect(ok.status == 0)
        #expect(ok.output == "\(good): ok (7 cells, 1 goal, 1 scenario)\n")

        let bad = try write("leads = 120\nwins = leads *\nrevenue = wins * $2,400\n", to: "bad.model")
        let failed = try Leadlag.run(["check", bad])
        #expect(failed.status == 2)
        #expect(failed.errors.hasPrefix("\(bad):2:15: error:"))
        #expect(failed.errors.contains("\(bad):3:"))
        #expect(try String(contentsOfFile: bad, encoding: .utf8) == "leads = 120\nwins = leads *\nrevenue = wins * $2,400\n")

        let missing = try Leadlag.run(["check", folder.appendingPathComponent("none.model").path])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("No such file or directory"))
    }

    @Test func undefinedNamesWarnButLoad() throws {
        let path = try write("revenue = wins * 2\n")
        let outcome = try Leadlag.run(["eval", path, "--format", "csv"])
        #expect(outcome.errors.contains("warning: 'wins' is not defined (used by revenue)"))
        #expect(outcome.output == "name,value\nrevenue,#NAME?\n")
        #expect(outcome.status == 1)
    }
}

@Suite("leadlag eval suggests the names meant")
struct EvalSuggestionTests {
    @Test("--get, --set and --scenario name the cell or scenario close to a typo", arguments: [
        (["--get", "revnue"], "error: no cell named 'revnue' in PATH (did you mean revenue?)"),
        (["--set", "lead=150"], "error: --set: no cell named 'lead' in PATH (did you mean leads?)"),
        (["--scenario", "optimstic"], "error: no scenario named 'optimstic' (did you mean optimistic?)"),
    ])
    func suggestions(arguments: [String], message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.model").path
        try EvalCheckTests.model.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Leadlag.run(["eval", path] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.errors == message.replacingOccurrences(of: "PATH", with: path) + "\n")
    }

    @Test("--set NAME=EXPR that uses NAME means its value in the model")
    func relativeSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.model").path
        try EvalCheckTests.model.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Leadlag.run(["eval", path, "--set", "leads=leads*2", "--get", "leads", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output == "name,value\nleads,240\n")
    }

    @Test("a model file's warning for an undefined name suggests the cell meant")
    func loadWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.model").path
        try "leads = 120\nwins = lead * 2\nx = sqr(4)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Leadlag.run(["check", path])
        #expect(outcome.errors.contains("\(path):2:8: warning: 'lead' is not defined (used by wins; did you mean leads?)"))
        #expect(outcome.errors.contains("\(path):3:5: warning: unknown function 'sqr' (did you mean sqrt?)"))
    }
}
