import Foundation
import Formula
import PlanEngine
import Testing
@testable import ModelFile

let sampleModel = """
    # Bottoms-up plan
    leads = 120            # per month

    conversion = 15%
    opportunities =   leads*conversion   # as written
    goal opportunities >= 20
      revenue = opportunities * $800

    [scenario optimistic]   # the good case
    conversion = 20%

    [scenario pessimistic]
    leads = 90
    """

func parse(_ text: String, path: String = "plan.model") throws -> Workbook {
    try Workbook.parse(text, path: path).get()
}

@Suite("model files load and save losslessly")
struct RoundTripTests {
    @Test(arguments: [
        sampleModel,
        sampleModel + "\n",
        sampleModel.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n",
        "",
        "\n\n# only comments\n",
        "\u{FEFF}# saved by an editor that writes a byte order mark\na = 1\n",
        "a = 1\tb_is_not_here = 2 # odd spacing stays\n".replacingOccurrences(of: "\tb_is_not_here = 2 ", with: "  "),
    ])
    func loadedAndSavedUnchangedIsByteIdentical(text: String) throws {
        #expect(try parse(text).render() == text)
    }

    @Test func readsDefinitionsGoalsAndScenarios() throws {
        let workbook = try parse(sampleModel)
        #expect(workbook.model.names == ["leads", "conversion", "opportunities", "revenue"])
        #expect(workbook.model.value(of: "revenue") == .number(14_400))
        #expect(workbook.goals.map(\.text) == ["opportunities >= 20"])
        #expect(workbook.scenarios.map(\.name) == ["optimistic", "pessimistic"])
        #expect(workbook.scenarios[0].overrides.map(\.formula) == ["20%"])
        #expect(try workbook.model(applying: "optimistic").value(of: "opportunities") == .number(24))
        #expect(throws: WorkbookError.unknownScenario("nope")) { try workbook.model(applying: "nope") }
    }

    @Test func editedCellKeepsItsPlaceAndTrailingComment() throws {
        var workbook = try parse(sampleModel)
        try workbook.define(Definition(name: "leads", formula: "150"))
        try workbook.define(Definition(name: "opportunities", formula: "leads * conversion * 1.1"))
        let expected = sampleModel
            .replacingOccurrences(of: "leads = 120            # per month", with: "leads = 150            # per month")
            .replacingOccurrences(of: "opportunities =   leads*conversion   # as written",
                                  with: "opportunities =   leads * conversion * 1.1   # as written")
        #expect(workbook.render() == expected)
        #expect(workbook.hasUnsavedChanges)
    }

    @Test func newCellIsAppendedToTheBaseModelBeforeTheFirstSection() throws {
        var workbook = try parse(sampleModel)
        try workbook.define(Definition(name: "annual", formula: "revenue * 12"))
        let expected = sampleModel.replacingOccurrences(
            of: "  revenue = opportunities * $800\n", with: "  revenue = opportunities * $800\nannual = revenue * 12\n")
        #expect(workbook.render() == expected)
    }

    @Test func newCellAndGoalGoAfterTheLastItemNotIntoTheNextSectionsComment() throws {
        var workbook = try parse("a = 1 # one\n\n# the good case:\n[scenario up]\na = 2\n")
        try workbook.define(Definition(name: "b", formula: "a * 2"))
        workbook.addGoal(try #require(goalEntry("b >= 3")))
        #expect(workbook.render() == "a = 1 # one\nb = a * 2\ngoal b >= 3\n\n# the good case:\n[scenario up]\na = 2\n")
    }

    /// The file still ends without a line break, so deleting the new cell again gives back its bytes.
    @Test func newCellInAFileWithoutSectionsOrFinalNewlineGoesAtTheEnd() throws {
        var workbook = try parse("a = 1\nb = a + 1")
        try workbook.define(Definition(name: "c", formula: "b * 2"))
        #expect(workbook.render() == "a = 1\nb = a + 1\nc = b * 2")
        try workbook.delete("c")
        #expect(workbook.render() == "a = 1\nb = a + 1")
        workbook.addGoal(try #require(goalEntry("b > 1")))
        workbook.removeGoal(at: 0)
        #expect(workbook.render() == "a = 1\nb = a + 1")
    }

    @Test func renameRewritesTheLineEveryReferenceAndTheScenarios() throws {
        var workbook = try parse(sampleModel)
        try workbook.rename("conversion", to: "close_rate")
        let expected = sampleModel
            .replacingOccurrences(of: "conversion = 15%", with: "close_rate = 15%")
            .replacingOccurrences(of: "leads*conversion", with: "leads*close_rate")
            .replacingOccurrences(of: "conversion = 20%", with: "close_rate = 20%")
        #expect(workbook.render() == expected)
        #expect(try parse(workbook.render()).model.value(of: "revenue") == .number(14_400))
    }

    @Test func renameRewritesGoalsKeepingTheirComments() throws {
        var workbook = try parse("wins = 3\ngoal wins*2 >= 10   # stretch\n")
        try workbook.rename("wins", to: "deals")
        #expect(workbook.render() == "deals = 3\ngoal deals*2 >= 10   # stretch\n")
        #expect(workbook.goals.map(\.text) == ["deals*2 >= 10"])
        #expect(workbook.model.evaluate(workbook.goals[0].goal.lhs) == .number(6))
    }

    @Test func redefiningAnExistingCellAtAPositionDoesNotDuplicateItsLine() throws {
        var workbook = try parse("a = 1\nb = 2\n")
        try workbook.define(Definition(name: "a", formula: "5"), at: 0)
        #expect(workbook.render() == "a = 5\nb = 2\n")
    }

    @Test func deletedCellRestoredAtItsPositionGoesBackToItsLine() throws {
        var workbook = try parse("a = 1\nb = 2\nc = 3\n")
        try workbook.delete("b")
        try workbook.define(Definition(name: "b", formula: "2"), at: 1)
        #expect(workbook.render() == "a = 1\nb = 2\nc = 3\n")
    }

    @Test func deleteRemovesTheLineAndItsScenarioOverrides() throws {
        var workbook = try parse(sampleModel)
        try workbook.delete("conversion")
        let rendered = workbook.render()
        #expect(!rendered.contains("conversion ="))
        #expect(rendered.contains("[scenario optimistic]   # the good case\n\n[scenario pessimistic]"))
        #expect(workbook.scenarios[0].overrides.isEmpty)
    }

    @Test func goalsAndScenariosAreWrittenBack() throws {
        var workbook = try parse("a = 1\n")
        let goal = try #require(goalEntry("a >= 2"))
        workbook.addGoal(goal)
        workbook.setScenario(Scenario(name: "big", overrides: [try Definition(name: "a", formula: "5")]))
        #expect(workbook.render() == "a = 1\ngoal a >= 2\n\n[scenario big]\na = 5\n")
        workbook.setScenario(Scenario(name: "big", overrides: [try Definition(name: "a", formula: "6")]))
        #expect(workbook.render() == "a = 1\ngoal a >= 2\n\n[scenario big]\na = 6\n")
        try workbook.removeScenario(named: "big")
        workbook.removeGoal(at: 0)
        #expect(workbook.render() == "a = 1\n")
        let reloaded = try parse("a = 1\ngoal a >= 2\n\n[scenario big]\na = 6\n")
        #expect(reloaded.scenarios.map(\.name) == ["big"])
        #expect(reloaded.scenarios.first?.overrides.map { "\($0.name) = \($0.formula)" } == ["a = 6"])
    }
}

func goalEntry(_ text: String) -> GoalEntry? {
    guard case .success(.goal(let goal)) = Parser.parseStatement("goal " + text) else { return nil }
    return GoalEntry(text: text, goal: goal)
}
