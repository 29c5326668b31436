import Formula
import Testing

/// Deep or huge input is refused with one message, never a crash, and what is accepted is
/// shallow enough for everything downstream to recurse on.
@Suite struct DepthLimitTests {
    static let tooDeep = "expression is nested too deeply (more than \(Parser.maximumDepth) levels)"

    private func failure(_ source: String) -> Diagnostic? {
        if case .failure(let diagnostic) = Parser.parseStatement(source) { return diagnostic }
        return nil
    }

    private func nested(_ count: Int, _ open: String, _ inner: String, _ close: String = "") -> String {
        String(repeating: open, count: count) + inner + String(repeating: close, count: count)
    }

    private func chain(terms: Int, _ separator: String) -> String {
        Array(repeating: "1", count: terms).joined(separator: separator)
    }

    @Test func refusesTwentyThousandNestedParentheses() {
        let diagnostic = failure("x = " + nested(20_000, "(", "1", ")"))
        #expect(diagnostic?.message == Self.tooDeep)
        // At the first parenthesis past the limit: 4 bytes of `x = `, then 256 accepted ones.
        #expect(diagnostic?.range.start == 4 + Parser.maximumDepth)
    }

    static let tooLong = "expression is too long (more than \(Parser.maximumChainLength) operators in a row)"

    /// `1+1+…` is flat text but a left-deep tree: long runs are accepted up to a length that
    /// keeps releasing the tree safe, and refused past it.
    @Test func refusesAHundredThousandTermChain() {
        let diagnostic = failure(chain(terms: 100_000, "+"))
        #expect(diagnostic?.message == Self.tooLong)
        // At the operator that would make the run one too long.
        let limit = Parser.maximumChainLength
        #expect(diagnostic?.range == SourceRange(start: 2 * limit - 1, end: 2 * limit))
    }

    /// A total over many regions is a normal plan: a run of one operator level is not nesting.
    @Test(arguments: [("+", 3_000.0), ("*", 1.0), ("-", -2_998.0), ("/", 1.0)])
    func longRunsOfOneLevelEvaluateInALoop(separator: String, expected: Double) throws {
        let expr = try Parser.parseExpression(chain(terms: 3_000, separator)).get()
        #expect(Evaluator.evaluate(expr) { _ in .error(.name) } == .number(expected))
        #expect(FormatInference.format(of: expr) { _ in .number } == .number)
    }

    @Test func longRunsKeepLeftToRightErrorsAndShortCircuits() throws {
        let sum = try Parser.parseExpression((["1", "x", "1/0"] + Array(repeating: "1", count: 500)).joined(separator: " + ")).get()
        #expect(Evaluator.evaluate(sum) { _ in .error(.name) } == .error(.name))
        let conjunction = try Parser.parseExpression((Array(repeating: "true", count: 400) + ["false", "1/0 > 1"]).joined(separator: " and ")).get()
        #expect(Evaluator.evaluate(conjunction) { _ in .error(.name) } == .boolean(false))
        let money = try Parser.parseExpression(Array(repeating: "$5", count: 400).joined(separator: " + ")).get()
        #expect(FormatInference.format(of: money) { _ in .number } == .currency(.dollar))
    }

    @Test func runsOfMixedLevelsStillCountAsNesting() {
        // `1 - 1 * 1 - 1 * 1 …` alternates levels but each `*` binds inside the `-` run: flat.
        #expect(failure(Array(repeating: "1 * 1", count: 1_000).joined(separator: " - ")) == nil)
        // `1 ^ 1 ^ …` groups to the right: every `^` nests.
        #expect(failure(Array(repeating: "1", count: 300).joined(separator: " ^ "))?.message == Self.tooDeep)
    }

    @Test(arguments: [
        ("right-associative powers", String(repeating: "2^", count: 20_000) + "2"),
        ("prefix minus", String(repeating: "-", count: 20_000) + "1"),
        ("prefix not", String(repeating: "not ", count: 20_000) + "x"),
        ("nested calls", String(repeating: "abs(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)),
        ("unclosed parentheses", String(repeating: "(", count: 20_000)),
    ])
    func refusesEveryKindOfDeepInput(kind: String, source: String) {
        #expect(failure(source)?.message == Self.tooDeep, "\(kind)")
    }

    @Test func refusesAHundredThousandTermOrChain() {
        #expect(failure(Array(repeating: "a", count: 100_000).joined(separator: " or "))?.message == Self.tooLong)
    }

    /// (what, the deepest accepted form, one level more)
    @Test(arguments: [
        ("parentheses", 255, "("),
        ("prefix minus", 255, "-"),
        ("calls", 255, "abs("),
    ])
    func acceptsExactlyTheMaximumDepth(kind: String, count: Int, open: String) {
        let close = open.hasSuffix("(") ? ")" : ""
        #expect(failure(nested(count, open, "1", close)) == nil, "\(kind) at the limit")
        #expect(failure(nested(count + 1, open, "1", close))?.message == Self.tooDeep, "\(kind) past the limit")
    }

    @Test func theLongestAcceptedChainEvaluates() throws {
        let expr = try Parser.parseExpression(chain(terms: Parser.maximumChainLength, "+")).get()
        #expect(Evaluator.evaluate(expr) { _ in .error(.name) } == .number(Double(Parser.maximumChainLength)))
        #expect(failure(chain(terms: Parser.maximumChainLength + 2, "+"))?.message == Self.tooLong)
    }

    @Test func manyArgumentsAreWideNotDeep() throws {
        let source = "sum(" + Array(repeating: "1", count: 50_000).joined(separator: ", ") + ")"
        let expr = try Parser.parseExpression(source).get()
        #expect(Evaluator.evaluate(expr) { _ in .error(.name) } == .number(50_000))
    }
}
