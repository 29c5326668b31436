import Foundation
import Formula
import Testing
@testable import ModelFile

@Suite("a bad file reports every problem and loads nothing")
struct LoadErrorTests {
    func messages(_ text: String) -> [String] {
        guard case .failure(let failure) = Workbook.parse(text, path: "bad.model") else { return [] }
        return failure.messages
    }

    @Test func everyErrorIsReportedWithLineAndColumn() {
        let problems = messages("a = 1\nb = a *\nc = 2\nd = (c\n")
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("bad.model:2:"))
        #expect(problems[1].hasPrefix("bad.model:4:"))
    }

    @Test func nameDefinedTwiceInOneSection() {
        #expect(messages("a = 1\nb = 2\na = 3\n") == ["bad.model:3:1: error: 'a' is already defined on line 1\na = 3\n^"])
    }

    @Test func sameNameInBaseAndScenarioIsFine() throws {
        _ = try parse("a = 1\n[scenario s]\na = 2\n")
    }

    @Test(arguments: ["[scenario]", "[scenaro x]", "[scenario x", "[scenario x] y", "[]"])
    func malformedSectionHeader(header: String) {
        let problems = messages("a = 1\n\(header)\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("bad.model:2:1: error: malformed section header: expected [scenario NAME]") == true)
    }

    @Test func cycleInAFileIsAnErrorAtItsFirstCell() {
        #expect(messages("leads = 1\nwins = revenue / 2\nrevenue = wins * 2\n")
            == ["bad.model:2:1: error: cycle: wins → revenue → wins\nwins = revenue / 2\n^~~~"])
    }

    @Test func cyclesAreReportedTogetherWithSyntaxErrors() {
        let problems = messages("a = b + 1\nb = a * 2\nc = 1 +\n")
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("bad.model:1:1: error: cycle: a → b → a") == true)
        #expect(problems.last?.hasPrefix("bad.model:3:") == true)
    }

    @Test func scenarioMayNotOverrideALagIndicator() {
        #expect(messages("a = 1\nb = a * 2\n[scenario s]\nb = 5\n") == [
            "bad.model:4:1: error: scenario 's' overrides 'b', a lag indicator: scenarios change lead indicators only\nb = 5\n^",
        ])
    }

    @Test func notARegularFileIsRefusedWithoutReadingIt() {
        guard case .failure(let failure) = Workbook.load(path: "/dev/zero") else {
            Issue.record("/dev/zero loaded")
            return
        }
        #expect(failure.text == "/dev/zero: error: not a regular file")
    }

    @Test func scenarioMayOnlyOverrideBaseCells() {
        let problems = messages("a = 1\n[scenario s]\nb = 2\n")
        #expect(problems == ["bad.model:3:1: error: scenario 's' overrides 'b', which the base model does not define\nb = 2\n^"])
    }

    @Test func bareExpressionIsNotAnItem() {
        let problems = messages("a = 1\na + 1\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("bad.model:2:1: error: expected a definition") == true)
    }

    @Test func binaryGarbageGivesBoundedMessagesAndNoCrash() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = Workbook.parse(bytes: bytes, path: "garbage.bin")
        guard case .failure(let failure) = result else {
            Issue.record("random bytes loaded as a model")
            return
        }
        #expect(failure.messages.count <= LoadFailure.shownProblems + 1)
    }

    @Test func undefinedNamesAreWarningsNotErrors() throws {
        let workbook = try parse("revenue = wins * 800\n")
        #expect(workbook.warnings == ["plan.model:1:11: warning: 'wins' is not defined (used by revenue)\nrevenue = wins * 800\n          ^~~~"])
    }
}
