import Formula
import PlanEngine

/// Builds a model from `name = formula` lines, as a test fixture.
func makeModel(_ lines: [String]) throws -> Model {
    try Model(definitions: lines.map(definition))
}

func definition(_ line: String) throws -> Definition {
    guard let equals = line.firstIndex(of: "=") else { throw FixtureError.notADefinition(line) }
    let name = line[..<equals].filter { $0 != " " }
    return try Definition(name: name, formula: String(line[line.index(after: equals)...]))
}

func expression(_ text: String) throws -> Expr {
    try Parser.parseExpression(text).get()
}

/// The model after setting `input` to `value` through its own parsed text: the
/// direct evaluation a what-if result is checked against.
func evaluated(_ model: Model, setting input: String, to value: Double) throws -> Model {
    var copy = model
    try copy.define(try Definition(name: input, formula: "\(value)"))
    return copy
}

enum FixtureError: Error {
    case notADefinition(String)
}

/// The plan from the method: leads × conversion × win rate × deal value.
let funnel = [
    "leads = 150",
    "conversion = 15%",
    "win_rate = 33%",
    "deal = $2400",
    "opportunities = leads * conversion",
    "wins = opportunities * win_rate",
    "revenue = wins * deal",
]
