import Formula
import Testing
@testable import PlanEngine

/// A load makes room by id for as many names as it has definitions at once; names past that room
/// get theirs one by one, and room no name came to is given back before the model is used.
@Suite("the room a load makes for its names")
struct LoadRoomTests {
    @Test func namesPastTheRoomMadeAreStillInterned() throws {
        var model = try makeModel(["a = x + y", "b = a + z"])
        #expect(model.store.symbolCount == 5)
        #expect(model.store.values.count == 5)
        #expect(model.value(of: "b") == .error(.name))
        #expect(model.missingReferences.map(\.name) == ["x", "y", "z"])
        try model.define(definition("x = 1"))
        try model.define(definition("y = 2"))
        try model.define(definition("z = 3"))
        #expect(number(model.value(of: "b")) == 6)
        #expect(model.names == ["a", "b", "x", "y", "z"])
    }

    @Test func roomNoNameCameToIsGivenBack() throws {
        var model = try makeModel(["a = 1", "a = 2", "b = a * 10"])
        #expect(model.store.symbolCount == 2)
        #expect(model.store.values.count == 2)
        #expect(number(model.value(of: "b")) == 20)
        try model.define(definition("c = b + 1"))
        #expect(model.store.values.count == 3)
        #expect(number(model.value(of: "c")) == 21)
    }
}
