import Formula
import Testing
@testable import PlanEngine

/// A goal seek or a table sets one input over and over; the engine keeps the order it found
/// for that input while the graph stays the same, and finds a new one as soon as it changes.
@Suite("setting one input many times")
struct RepeatedInputTests {
    @Test func repeatedUpdatesOfOneInputEvaluateTheSameCellsEachTime() throws {
        var model = try makeModel(["a = 1", "b = a * 2", "c = b + 1", "other = 5"])
        var counts: [Int] = []
        for value in 2...5 {
            let before = model.evaluationCount
            try model.update(definition("a = \(value)"))
            counts.append(model.evaluationCount - before)
            #expect(model.value(of: "c") == .number(Double(value * 2 + 1)))
        }
        #expect(counts == [3, 3, 3, 3])
    }

    @Test func aCellAddedBetweenUpdatesIsRecomputedByTheNextOne() throws {
        var model = try makeModel(["a = 1", "b = a * 2"])
        try model.update(definition("a = 2"))
        try model.define(definition("c = a + 100"))
        try model.update(definition("a = 3"))
        #expect(model.value(of: "c") == .number(103))
        #expect(model.value(of: "b") == .number(6))
    }

    @Test func aCellDeletedAndDefinedAgainBetweenUpdatesFollowsTheInput() throws {
        var model = try makeModel(["a = 1", "b = a * 2", "c = b + 1"])
        try model.update(definition("a = 2"))
        try model.delete("b")
        try model.update(definition("a = 3"))
        #expect(model.value(of: "c") == .error(.name))
        try model.define(definition("b = a * 10"))
        try model.update(definition("a = 4"))
        #expect(model.value(of: "c") == .number(41))
    }

    @Test func anInputThatStartsUsingACellIsOrderedAfterIt() throws {
        var model = try makeModel(["x = 1", "a = 1", "b = a * 2"])
        try model.update(definition("a = 2"))
        try model.update(definition("a = x + 5"))
        try model.update(definition("x = 10"))
        #expect(model.value(of: "b") == .number(30))
        try model.update(definition("a = 7"))
        try model.update(definition("x = 20"))
        #expect(model.value(of: "b") == .number(14))
    }

    @Test func aFormatChangeOfTheInputReachesEveryUser() throws {
        var model = try makeModel(["a = 1", "b = a * 2", "c = b + 1"])
        try model.update(definition("a = 2"))
        #expect(model.format(of: "c") == .number)
        try model.update(definition("a = $3"))
        #expect(model.format(of: "c") == .currency(.dollar))
        #expect(model.value(of: "c") == .number(7))
        try model.update(definition("a = 4"))
        #expect(model.format(of: "c") == .number)
    }
}
