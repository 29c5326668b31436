import Formula
@testable import PlanEngine

/// Builds a model from `name = formula` lines, as a test fixture.
func makeModel(_ lines: [String]) throws -> Model {
    try Model(definitions: lines.map(definition))
}

func definition(_ line: String) throws -> Definition {
    let parts = line.split(separator: "=", maxSplits: 1)
    return try Definition(
        name: parts[0].trimmingCharacters(), formula: String(parts[1]))
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

func number(_ value: Value) -> Double? {
    if case .number(let number) = value { return number }
    return nil
}
