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
}
