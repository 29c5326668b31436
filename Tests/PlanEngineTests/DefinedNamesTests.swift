import Formula
import Testing
@testable import PlanEngine

/// A model can be given its cells' names, interned in file order as a file reader checks each is
/// defined once: the cells take their ids from that table in order, and the model is the same as
/// one built without it, whatever the table holds.
@Suite("a model built from the names its reader interned")
struct DefinedNamesTests {
    static let lines = ["price = $20", "revenue = price * units + bonus", "units = 3", "share = revenue * 10%"]

    static func table(_ names: [String]) -> NameTable {
        var table = NameTable()
        for name in names { _ = table.intern(name) }
        return table
    }

    /// Everything a user can see of a model, for comparing two.
    static func expectSame(_ model: Model, as plain: Model) {
        #expect(model.names == plain.names)
        for name in plain.names + ["bonus"] {
            #expect(model.values(of: name) == plain.values(of: name))
            #expect(model.format(of: name) == plain.format(of: name))
            #expect(model.precedents(of: name) == plain.precedents(of: name))
            #expect(model.dependents(of: name) == plain.dependents(of: name))
        }
        #expect(model.missingReferences.map(\.name) == plain.missingReferences.map(\.name))
        #expect(model.missingReferences.map(\.usedBy) == plain.missingReferences.map(\.usedBy))
        #expect(model.evaluationCount == plain.evaluationCount)
    }

    @Test func theCellsTakeTheirIdsInFileOrder() throws {
        let definitions = try Self.lines.map(definition)
        let plain = try Model(definitions: definitions)
        let given = try Model(definitions: definitions, definedNames: Self.table(["price", "revenue", "units", "share"]))
        Self.expectSame(given, as: plain)
        #expect(number(given.value(of: "units")) == 3)
        #expect(given.value(of: "share") == .error(.name))
        // `units` and `bonus` are read before their lines: without the table they come between the cells.
        #expect(plain.store.order == [0, 1, 2, 4])
        #expect(given.store.order == [0, 1, 2, 3])
        #expect(given.store.names == ["price", "revenue", "units", "share", "bonus"])
    }

    /// A table whose names are not the cells', in their order, is only a start: each cell not found
    /// in its place is interned as usual.
    @Test func anyTableGivesTheSameModel() throws {
        let definitions = try Self.lines.map(definition)
        let plain = try Model(definitions: definitions)
        for names in [["share", "zzz", "price"], ["revenue", "price"], ["bonus"], ["price", "revenue", "units", "share", "extra"]] {
            Self.expectSame(try Model(definitions: definitions, definedNames: Self.table(names)), as: plain)
        }
    }

    @Test func aPlanWithAnOverrideIsTheSame() throws {
        let timeline = try Timeline(from: Period.parse("2027-01").get(), to: Period.parse("2027-03").get())
        let definitions = try ["leads = 100", "leads[2027-02] = 150", "wins = leads * rate", "rate = 50%"].map(planDefinition)
        let plain = try Model(timeline: timeline, definitions: definitions)
        let given = try Model(timeline: timeline, definitions: definitions, definedNames: Self.table(["leads", "wins", "rate"]))
        Self.expectSame(given, as: plain)
        #expect(numbers(given.values(of: "wins")) == [50, 75, 50])
    }
}
