import Foundation
import Testing

/// `leadlag check` says everything wrong with a file in one run: errors that stop it loading
/// and warnings for what would silently compute `#NAME?` or a goal that never looks at a cell.
@Suite("check reports every problem")
struct CheckEveryProblemTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-check-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func write(_ text: String) throws -> String {
        let path = folder.appendingPathComponent("plan.model").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCycleDoesNotHideTheScenarioErrors() throws {
        let path = try write("""
            leads = 100
            wins = revenue / 2
            revenue = wins * 2
            [scenario s]
            nope = 5
            wins = 3
            """)
        let outcome = try Leadlag.run(["check", path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("\(path):2:1: error: cycle: wins → revenue → wins"))
        #expect(outcome.errors.contains("\(path):5:1: error: scenario 's' overrides 'nope', which the base model does not define"))
        #expect(outcome.errors.contains("\(path):6:1: error: scenario 's' overrides 'wins', a lag indicator"))
    }

    @Test func aGoalOnAnUndefinedNameWarnsAtLoadInCheckAndWhenTyped() throws {
        let path = try write("revenue = 5\ngoal revenu >= 1\n")
        let checked = try Leadlag.run(["check", path])
        #expect(checked.status == 0)
        #expect(checked.errors.contains(
            "\(path):2:6: warning: 'revenu' is not defined (used by goal revenu >= 1; did you mean revenue?)\ngoal revenu >= 1\n     ^~~~~~"),
            "\(checked.errors)")
        let loaded = try Leadlag.run([path], input: ":goals\n")
        #expect(loaded.errors.contains("\(path):2:6: warning: 'revenu' is not defined"))
        let typed = try Leadlag.run([], input: "revenue = 5\ngoal revenu >= 1\ngoal revenue >= sqr(4)\n")
        #expect(typed.errors.contains("<stdin>:2: warning: 'revenu' is not defined (did you mean revenue?)"), "\(typed.errors)")
        #expect(typed.errors.contains("<stdin>:3: warning: unknown function 'sqr' (did you mean sqrt?)"))
    }

    @Test func anUnknownFunctionWarnsWithItsLocation() throws {
        let path = try write("leads = gauss(120, 20)\n")
        let checked = try Leadlag.run(["check", path])
        #expect(checked.errors.contains("\(path):1:9: warning: unknown function 'gauss'"), "\(checked.errors)")
        let typed = try Leadlag.run([], input: "leads = gauss(120, 20)\n")
        #expect(typed.errors.contains("<stdin>:1: warning: unknown function 'gauss'"), "\(typed.errors)")
    }

    @Test func aNameUsedByThousandsOfCellsIsWarnedAboutInOneShortLine() throws {
        let users = (1...10_000).map { "c\($0) = base + \($0)" }.joined(separator: "\n")
        let path = try write(users + "\n")
        let checked = try Leadlag.run(["check", path])
        let warning = try #require(checked.errors.split(separator: "\n").first)
        #expect(warning.hasSuffix("warning: 'base' is not defined (used by c1, c2, c3, c4, c5 and 9,995 more)"))
        let defined = try write("base = 1\n" + users + "\n")
        let typed = try Leadlag.run([defined], input: ":delete base\n")
        #expect(typed.errors.contains("warning: 'base' is not defined (used by c1, c2, c3, c4, c5 and 9,995 more)\n"))
    }
}
