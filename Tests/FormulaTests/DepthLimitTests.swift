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

    /// `1+1+…` is flat text but a left-deep tree: its depth is counted as it is built.
    @Test func refusesAHundredThousandTermChain() {
        let diagnostic = failure(chain(terms: 100_000, "+"))
        #expect(diagnostic?.message == Self.tooDeep)
        // At the operator that would make the tree 257 deep: the 256th `+`.
        #expect(diagnostic?.range == SourceRange(start: 2 * 256 - 1, end: 2 * 256))
    }

    @Test(arguments: [
        ("right-associative powers", String(repeating: "2^", count: 20_000) + "2"),
        ("prefix minus", String(repeating: "-", count: 20_000) + "1"),
        ("prefix not", String(repeating: "not ", count: 20_000) + "x"),
        ("nested calls", String(repeating: "abs(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)),
        ("unclosed parentheses", String(repeating: "(", count: 20_000)),
        ("long or chain", Array(repeating: "a", count: 100_000).joined(separator: " or ")),
    ])
    func refusesEveryKindOfDeepInput(kind: String, source: String) {
        #expect(failure(source)?.message == Self.tooDeep, "\(kind)")
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

    @Test func theDeepestAcceptedChainEvaluates() throws {
        let expr = try Parser.parseExpression(chain(terms: Parser.maximumDepth, "+")).get()
        #expect(Evaluator.evaluate(expr) { _ in .error(.name) } == .number(Double(Parser.maximumDepth)))
        #expect(failure(chain(terms: Parser.maximumDepth + 1, "+"))?.message == Self.tooDeep)
    }

    @Test func manyArgumentsAreWideNotDeep() throws {
        let source = "sum(" + Array(repeating: "1", count: 50_000).joined(separator: ", ") + ")"
        let expr = try Parser.parseExpression(source).get()
        #expect(Evaluator.evaluate(expr) { _ in .error(.name) } == .number(50_000))
    }
}
