import Testing
@testable import Formula

@Suite("what a parse tells of a statement's shape")
struct ParsedShapeTests {
    @Test(arguments: [
        ("c4 = c3 * 1.0001 + 1", true), ("x = -(a + b) / 2 ^ 3", true), ("ok = a > 1 and not b or true", true),
        ("leads[2027-03] = 150 * 2", true), ("periods = 2027-01 .. 2027-03", true), ("actual leads[2027-01] = 95", true),
        ("goal revenue >= 50k", true), ("tt = total2 + months", true),
        ("r = sum(a, b)", false), ("r = a + round(b, 2)", false), ("r = t * 2", false), ("r = month + 1", false),
        ("r = leads[2027-03] * 2", false), ("r = 25% to 40%", false), ("r = (a + (b * prev(c)))", false),
        ("leads[2027-03] = t", false), ("goal total(revenue) >= 1", false),
    ])
    func theParseKnowsWhetherAStatementIsPlainArithmetic(line: String, expected: Bool) throws {
        let parsed = Parser.parseStatementAndShape(Array(line.utf8)[...])
        #expect(parsed.isPlainArithmetic == expected)
        // Where the tree gives an answer without a budget, the two agree.
        let expressions: [Expr] = switch try parsed.statement.get() {
        case .definition(_, _, let expression), .override(_, _, _, let expression), .expression(let expression): [expression]
        case .goal(let goal): [goal.lhs, goal.rhs]
        case .periods, .actual: []
        }
        #expect(expressions.allSatisfy(\.isPlainArithmetic) == expected)
    }

    @Test func aDeepRightNestingIsStillKnownPlain() throws {
        // The tree's own answer gives up past a few nested right operands; the parse does not need to.
        let line = "x = " + Array(repeating: "a ^ (", count: 40).joined() + "1" + String(repeating: ")", count: 40)
        let parsed = Parser.parseStatementAndShape(Array(line.utf8)[...])
        #expect(parsed.isPlainArithmetic)
        guard case .definition(_, _, let expression) = try parsed.statement.get() else { Issue.record("not a definition"); return }
        #expect(!expression.isPlainArithmetic)
    }
}
