import Formula
import Testing

/// What a formula references, and where, for the dependency graph and for rename.
@Suite struct ExprQueriesTests {
    /// (formula, the cells it references)
    @Test(arguments: [
        ("b + a * b + max(c, a)", ["b", "a", "c"]),
        ("max(1, 2)", []),
        ("sum(sum, 1)", ["sum"]),
        ("if(x > 0, y, z)", ["x", "y", "z"]),
        ("-(not q)", ["q"]),
        // The period index and the month are not cells; a cell read in one period is.
        ("t * 2 + month", []),
        ("leads[2027-03] / leads", ["leads"]),
        ("prev(mrr) + total(x)", ["mrr", "x"]),
        ("42", []),
    ])
    func listsReferencedNamesInOrderOfFirstUse(source: String, names: [String]) throws {
        #expect(try Parser.parseExpression(source).get().referencedNames == names)
    }

    /// (formula, whether it is plain arithmetic: what lets the load-time checks skip it)
    @Test(arguments: [
        ("c4 * 1.0001 + 1", true),
        ("-(a + b) * (c - d) / $2400 ^ 2", true),
        ("true == (a > 15%)", true),
        ("a + max(b, c)", false),
        ("sqr(a)", false),
        ("prev(mrr) + 1", false),
        ("leads[2027-03] * 2", false),
        ("t + 1", false),
        ("2 * month", false),
        ("10% to 20%", false),
    ])
    func tellsPlainArithmeticFromCallsPeriodsAndTime(source: String, isPlain: Bool) throws {
        #expect(try Parser.parseExpression(source).get().isPlainArithmetic == isPlain)
    }

    @Test func followsALongChainButCallsDeepRightNestingNotPlain() throws {
        let chain = (0..<3_000).map { "c\($0)" }.joined(separator: " + ")
        #expect(try Parser.parseExpression(chain).get().isPlainArithmetic)
        #expect(try !Parser.parseExpression(chain + " + t").get().isPlainArithmetic)
        // Powers group to the right: past the nesting it follows, the answer is "walk it".
        let tower = (0..<40).map { "x\($0)" }.joined(separator: " ^ ")
        #expect(try !Parser.parseExpression(tower).get().isPlainArithmetic)
        #expect(try Parser.parseExpression("x0 ^ x1 ^ x2").get().isPlainArithmetic)
    }

    @Test func findsEveryReferenceButNotAFunctionOfTheSameName() throws {
        let source = "sum(sum, 1) + sum * 2"
        let ranges = try Parser.parseExpression(source).get().rangesOfReferences(to: "sum")
        #expect(ranges == [SourceRange(start: 4, end: 7), SourceRange(start: 14, end: 17)])
        #expect(renamed(source, ranges: ranges, to: "total") == "sum(total, 1) + total * 2")
    }

    @Test func findsNothingForAnUnusedName() throws {
        #expect(try Parser.parseExpression("a + b").get().rangesOfReferences(to: "c") == [])
    }

    /// Ranges are absolute, so a rename can splice into the whole file.
    @Test func rangesPointIntoTheWholeFile() throws {
        let file = "leads = 1\nwins = leads * rate + leads\n"
        let bytes = Array(file.utf8)
        guard case .definition(_, _, let expr) = try Parser.parseStatement(bytes[10..<37]).get() else {
            Issue.record("not a definition")
            return
        }
        let ranges = expr.rangesOfReferences(to: "leads")
        #expect(renamed(file, ranges: ranges, to: "prospects") == "leads = 1\nwins = prospects * rate + prospects\n")
    }

    @Test func walksTheDeepestTreeWithoutRecursion() throws {
        let source = Array(repeating: "a", count: Parser.maximumDepth).joined(separator: " - ")
        let expr = try Parser.parseExpression(source).get()
        #expect(expr.referencedNames == ["a"])
        #expect(expr.rangesOfReferences(to: "a").count == Parser.maximumDepth)
    }

    /// Replaces each range, last first so earlier offsets stay valid.
    private func renamed(_ text: String, ranges: [SourceRange], to name: String) -> String {
        var bytes = Array(text.utf8)
        for range in ranges.reversed() {
            bytes.replaceSubrange(range.start..<range.end, with: Array(name.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
