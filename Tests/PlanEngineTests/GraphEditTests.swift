import Formula
import Testing
@testable import PlanEngine

@Suite("edits that change the graph")
struct GraphEditTests {
    @Test func cycleIsRejectedWithItsPathAndTheModelUnchanged() throws {
        var model = try makeModel(["leads = 100", "wins = leads * 0.3", "revenue = wins * 800"])
        let before = model.cellsInOrder
        #expect(throws: ModelError.cycle(["wins", "revenue", "wins"])) {
            try model.define(definition("wins = revenue / 800"))
        }
        #expect(model.cellsInOrder == before)
        #expect(ModelError.cycle(["wins", "revenue", "wins"]).description == "cycle: wins → revenue → wins")
    }

    @Test func longerCycleNamesEveryStep() throws {
        var model = try makeModel(["a = b + 1", "b = c + 1", "c = 1"])
        #expect(throws: ModelError.cycle(["c", "a", "b", "c"])) { try model.define(definition("c = a")) }
        #expect(model.value(of: "a") == .number(3))
    }

    @Test func selfReferenceIsACycle() throws {
        var model = try makeModel(["a = 1"])
        #expect(throws: ModelError.cycle(["a", "a"])) { try model.define(definition("a = a + 1")) }
        #expect(model.value(of: "a") == .number(1))
    }

    @Test func batchWithACycleChangesNothing() throws {
        var model = try makeModel(["a = 1", "b = a"])
        #expect(throws: ModelError.self) { try model.define(all: [definition("c = 5"), definition("a = b")]) }
        #expect(model.names == ["a", "b"])
    }

    @Test func loadingReportsEveryCycleOnce() throws {
        let definitions = try ["a = b", "b = a", "c = d + 1", "d = c", "e = a + 1", "f = 1"].map(definition)
        #expect(throws: LoadError(cycles: [["a", "b", "a"], ["c", "d", "c"]])) {
            try Model(definitions: definitions)
        }
    }

    @Test func undefinedNameIsNameErrorAndHealsWhenDefined() throws {
        var model = try makeModel(["revenue = wins * 800"])
        #expect(model.value(of: "revenue") == .error(.name))
        #expect(model.missingReferences.map(\.name) == ["wins"])
        let changes = try model.define(definition("wins = 5"))
        #expect(model.value(of: "revenue") == .number(4000))
        #expect(changes.map(\.name) == ["wins", "revenue"])
        #expect(model.missingReferences.isEmpty)
    }

    @Test func deleteTurnsDependentsIntoNameErrors() throws {
        var model = try makeModel(["a = 2", "b = a * 3", "c = 4"])
        let changes = try model.delete("a")
        #expect(changes.map(\.name) == ["a", "b"])
        #expect(changes.first?.new == nil)
        #expect(model.value(of: "b") == .error(.name))
        #expect(model.names == ["b", "c"])
        #expect(throws: ModelError.undefinedCell("a")) { try model.delete("a") }
    }

    @Test func definingAtAPositionRestoresFileOrder() throws {
        var model = try makeModel(["a = 1", "b = 2", "c = 3"])
        try model.delete("b")
        try model.define(definition("b = 2"), at: 1)
        #expect(model.names == ["a", "b", "c"])
    }

    @Test func renameRewritesEveryReferenceKeepingTheText() throws {
        var model = try makeModel(["win_rate = 33%", "wins = 10 * win_rate", "other = (win_rate)*2 + win_rate_x"])
        try model.rename("win_rate", to: "close_rate")
        #expect(model.names == ["close_rate", "wins", "other"])
        #expect(model["wins"]?.formula == "10 * close_rate")
        #expect(model["other"]?.formula == "(close_rate)*2 + win_rate_x")
        #expect(number(model.value(of: "wins")) == 3.3000000000000003)
        #expect(model.dependents(of: "close_rate") == ["wins", "other"])
        try model.define(definition("close_rate = 50%"))
        #expect(model.value(of: "wins") == .number(5))
    }

    /// Taking a name other cells already use would change them behind the user's back (and
    /// could not be undone by renaming back), so it is refused.
    @Test func renameRefusesANameOtherCellsAlreadyUse() throws {
        var model = try makeModel(["a = 2", "b = z * 2"])
        #expect(throws: ModelError.nameInUse("z", usedBy: ["b"])) { try model.rename("a", to: "z") }
        #expect(model.names == ["a", "b"])
        #expect(model.value(of: "b") == .error(.name))
    }

    @Test(arguments: [
        ("b", ModelError.nameTaken("b")), ("if", ModelError.reservedName("if")), ("9lives", ModelError.invalidName("9lives")),
    ])
    func renameRefusesBadNames(newName: String, error: ModelError) throws {
        var model = try makeModel(["a = 1", "b = 2"])
        #expect(throws: error) { try model.rename("a", to: newName) }
        #expect(model.names == ["a", "b"])
    }

    @Test func formatsPropagateFromLiterals() throws {
        let model = try makeModel([
            "leads = 120", "conversion = 15%", "deal_value = $800",
            "opportunities = leads * conversion", "revenue = opportunities * deal_value",
        ])
        #expect(model.format(of: "conversion") == .percent)
        #expect(model.format(of: "opportunities") == .number)
        #expect(model.format(of: "revenue") == .currency(.dollar))
        #expect(model["leads"]?.isLeadIndicator == true)
        #expect(model["revenue"]?.isLeadIndicator == false)
    }
}
