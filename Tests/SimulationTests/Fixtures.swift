import Formula
import PlanEngine

/// Builds a model from `name = formula` lines, as a test fixture.
func makeModel(_ lines: [String]) throws -> Model {
    try Model(definitions: lines.map { line in
        let parts = line.split(separator: "=", maxSplits: 1)
        return try Definition(name: parts[0].trimmingCharacters(), formula: String(parts[1]))
    })
}

func expression(_ text: String) throws -> Expr {
    try Parser.parseExpression(text).get()
}

extension Substring {
    fileprivate func trimmingCharacters() -> String { String(filter { $0 != " " }) }
}

/// The funnel with conversion and win rate as ranges.
let uncertainFunnel = [
    "leads = normal(120, 20)",
    "conversion = 10% to 20%",
    "win_rate = 25% to 40%",
    "deal_value = $2400",
    "opportunities = leads * conversion",
    "wins = opportunities * win_rate",
    "revenue = wins * deal_value",
]
