import Formula
import Testing
@testable import PlanEngine

/// A total over every region of a large plan is one formula with a reference per region:
/// loading and evaluating it costs one step per reference, however many there are.
@Suite("evaluation work grows linearly with the references")
struct LinearEvaluationTests {
    static let referenceCount = 150_000

    @Test func aFormulaWith150000ReferencesLoadsAndEvaluatesInLinearWork() throws {
        let inputs = (0..<Self.referenceCount).map { Definition(name: "x\($0)", formula: "1", expression: .number(1, .plain, SourceRange(start: 0, end: 1))) }
        let sum = "sum(" + (0..<Self.referenceCount).map { "x\($0)" }.joined(separator: ", ") + ")"
        var model = try Model(definitions: inputs + [Definition(name: "total", formula: sum)])
        #expect(model.value(of: "total") == .number(Double(Self.referenceCount)))
        #expect(model.evaluationCount == Self.referenceCount + 1)
        // One constant per input; one load per reference and one call for the total.
        #expect(model.evaluationSteps == Self.referenceCount + Self.referenceCount + 1)

        let stepsBefore = model.evaluationSteps
        try model.define(definition("x7 = 2"))
        #expect(model.value(of: "total") == .number(Double(Self.referenceCount + 1)))
        #expect(model.evaluationSteps - stepsBefore == 1 + Self.referenceCount + 1)
    }
}
