import ArgumentParser
@testable import leadlag
import Testing

/// The plain `eval` and `check` command lines read without the argument parser mean exactly what
/// the parser makes of them, and every other command line is left to the parser.
@Suite struct QuickArgumentsTests {
    static let evalLines: [[String]] = [
        ["eval", "plan.model"],
        ["eval", "plan.model", "--get", "revenue", "--format", "csv"],
        ["eval", "--format=json", "plan.model", "--get=wins", "--get", "revenue"],
        ["eval", "plan.model", "--set", "leads=150", "--set=conversion=20%", "--scenario", "optimistic"],
        ["eval", "plan.model", "--period", "2027-03", "--variance", "--format", "table"],
    ]

    @Test(arguments: evalLines)
    func anEvalLineMeansWhatTheParserReads(line: [String]) throws {
        let quick = try #require(QuickArguments.command(for: line) as? Eval)
        let parsed = try #require(try LeadLag.parseAsRoot(line) as? Eval)
        #expect(quick.model == parsed.model)
        #expect(quick.scenario == parsed.scenario)
        #expect(quick.settings == parsed.settings)
        #expect(quick.requested == parsed.requested)
        #expect(quick.format == parsed.format)
        #expect(quick.period == parsed.period)
        #expect(quick.variance == parsed.variance)
        #expect(quick.simulate == parsed.simulate)
        #expect(quick.seed == parsed.seed)
    }

    @Test(arguments: [["check", "plan.model"], ["check", "--strict", "plan.model"]])
    func aCheckLineMeansWhatTheParserReads(line: [String]) throws {
        let quick = try #require(QuickArguments.command(for: line) as? Check)
        let parsed = try #require(try LeadLag.parseAsRoot(line) as? Check)
        #expect(quick.model == parsed.model)
        #expect(quick.strict == parsed.strict)
    }

    /// Help, unknown, repeated or misspelled options, values that look like options, a second
    /// model, `--simulate` and the other subcommands: the parser's to read or to refuse.
    @Test(arguments: [
        [], ["plan.model"], ["eval"], ["eval", "--help"], ["eval", "plan.model", "-h"], ["eval", "a.model", "b.model"],
        ["eval", "plan.model", "--format", "xml"], ["eval", "plan.model", "--format", "csv", "--format", "json"],
        ["eval", "plan.model", "--get"], ["eval", "plan.model", "--get", "-x"], ["eval", "plan.model", "--get="],
        ["eval", "plan.model", "--simulate", "100"], ["eval", "plan.model", "--variance", "--variance"],
        ["eval", "plan.model", "--"], ["eval", ""], ["eval", "plan.model", "--strict"], ["eval", "plan.model", "--variance=1"],
        ["check", "plan.model", "--get", "x"], ["check", "plan.model", "--strict", "--strict"],
        ["run", "script.txt"], ["repl", "plan.model"], ["--version"],
    ])
    func anyOtherLineIsLeftToTheParser(line: [String]) {
        #expect(QuickArguments.command(for: line) == nil)
    }
}
