import Formula
import Testing

/// The shape of what parses: every precedence level, associativity, calls and statements.
@Suite struct ParserTests {
    /// (source, its tree as an S-expression)
    static let precedence: [(String, String)] = [
        // 1. or, 2. and
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and b and c", "(and (and a b) c)"),
        // 3. not: looser than comparisons, tighter than and
        ("not a and b", "(and (not a) b)"),
        ("a and not b", "(and a (not b))"),
        ("not a == b", "(not (== a b))"),
        ("not not a", "(not (not a))"),
        ("not a + 1 > 2", "(not (> (+ a 1) 2))"),
        // 4. comparisons
        ("a == b", "(== a b)"),
        ("a != b", "(!= a b)"),
        ("a < b", "(< a b)"),
        ("a <= b", "(<= a b)"),
        ("a > b", "(> a b)"),
        ("a >= b", "(>= a b)"),
        ("a + 1 < b * 2", "(< (+ a 1) (* b 2))"),
        ("a < b and b < c", "(and (< a b) (< b c))"),
        ("(a < b) == true", "(== (< a b) true)"),
        // 5. + -, 6. * /: left-associative
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a - b + c", "(+ (- a b) c)"),
        ("a / b / c", "(/ (/ a b) c)"),
        ("a * b / c", "(/ (* a b) c)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        // 7. unary - +
        ("-a * b", "(* (- a) b)"),
        ("a * -b", "(* a (- b))"),
        ("- -a", "(- (- a))"),
        ("+a", "(+ a)"),
        ("a - -b", "(- a (- b))"),
        // 8. ^: right-associative, tighter than unary minus, and its exponent may be signed
        ("-2^2", "(- (^ 2 2))"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("2^-1", "(^ 2 (- 1))"),
        ("a^b*c", "(* (^ a b) c)"),
        ("(1 + 5%) ^ t", "(^ (+ 1 0.05%) t)"),
        // 9. calls, names, literals, parentheses
        ("max(a, b + 1)", "(max a (+ b 1))"),
        ("MAX(a)", "(MAX a)"),
        ("f()", "(f)"),
        ("if(a > 0, 1, 2)", "(if (> a 0) 1 2)"),
        ("IF(a, b, c)", "(IF a b c)"),
        ("round(avg(a, b), 2)", "(round (avg a b) 2)"),
        ("((a))", "a"),
        ("leads * 15% * 33%", "(* (* leads 0.15%) 0.33%)"),
        ("wins * $950", "(* wins $950)"),
        ("_private1 + Leads", "(+ _private1 Leads)"),
    ]

    @Test(arguments: precedence)
    func bindsOperatorsByPrecedence(source: String, tree: String) {
        #expect(parsed(source) == tree)
    }

    /// Precedence checked through values too, so the printer above is not the only witness.
    @Test(arguments: [
        ("-2^2", -4.0), ("2^-1", 0.5), ("2^3^2", 512), ("10 - 4 - 3", 3), ("2 + 3 * 4", 14),
        ("(2 + 3) * 4", 20), ("12 / 3 / 2", 2), ("-3 * -3", 9),
    ])
    func evaluatesInPrecedenceOrder(source: String, value: Double) {
        #expect(evaluated(source) == .number(value))
    }

    /// (statement, what it parses to)
    static let statements: [(String, String)] = [
        ("leads = 150", "leads = 150"),
        ("  leads   =   150  ", "leads = 150"),
        ("revenue = wins * $950 # monthly", "revenue = (* wins $950)"),
        ("goal revenue >= 50k", "goal (>= revenue 50000)"),
        ("goal (revenue >= 50k)", "goal (>= revenue 50000)"),
        ("goal wins * 2 < leads # stretch", "goal (< (* wins 2) leads)"),
        ("goal_total = 5", "goal_total = 5"),
        ("wins * 2", "(* wins 2)"),
        ("x == 5", "(== x 5)"),
        ("True = 1", "True = 1"),
        // A cell may share a function's name: a call is told apart by its parenthesis.
        ("sum = 5", "sum = 5"),
        ("total = sum(sum, 1)", "total = (sum sum 1)"),
        // `t` (the period index of plans over time) may be referenced, though never defined.
        ("growth = 5% * t", "growth = (* 0.05% t)"),
    ]

    @Test(arguments: statements)
    func parsesStatements(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test func aCellNamedLikeAFunctionStillEvaluatesBoth() {
        #expect(evaluated("sum(sum, 1)", ["sum": .number(5)]) == .number(6))
    }

    @Test func aBareExpressionIsNotADefinition() throws {
        let expr = try Parser.parseExpression("x == 5").get()
        #expect(sExpression(expr) == "(== x 5)")
        guard case .failure(let diagnostic) = Parser.parseExpression("x = 5") else {
            Issue.record("an expression must not accept a definition")
            return
        }
        #expect(rendered(diagnostic, in: "x = 5") == """
            input:1:3: error: unexpected '='; to compare two values use '=='
            x = 5
              ^
            """)
    }

    @Test func rangesCoverTheTextAsWritten() throws {
        let source = "revenue = max(wins, 2) * $950 # note"
        guard case .definition(let name, let nameRange, let expr) = try Parser.parseStatement(source).get() else {
            Issue.record("not a definition")
            return
        }
        #expect(name == "revenue")
        #expect(nameRange == SourceRange(start: 0, end: 7))
        #expect(expr.range == SourceRange(start: 10, end: 29))  // `max(wins, 2) * $950`
        guard case .binary(_, let call, let price, _) = expr else {
            Issue.record("not a product")
            return
        }
        #expect(call.range == SourceRange(start: 10, end: 22))
        #expect(price.range == SourceRange(start: 25, end: 29))
    }

    @Test func aGoalRangeRunsFromTheKeywordToTheLastToken() throws {
        let source = "goal (revenue >= 50k) # stretch"
        guard case .goal(let goal) = try Parser.parseStatement(source).get() else {
            Issue.record("not a goal")
            return
        }
        #expect(goal.comparison == .greaterEqual)
        #expect(goal.range == SourceRange(start: 0, end: 21))
        #expect(goal.lhs == .name("revenue", SourceRange(start: 6, end: 13)))
    }

    /// A file reader parses one line of the whole file's bytes: ranges and diagnostics are
    /// absolute, so they point into the file.
    @Test func parsesASliceThatStartsMidFile() throws {
        let file = "leads = 120\nrevenue = leads * $950 # monthly\nwins = leads *\n"
        let bytes = Array(file.utf8)
        let secondLine = bytes[12..<44]
        guard case .definition(_, let nameRange, let expr) = try Parser.parseStatement(secondLine).get() else {
            Issue.record("not a definition")
            return
        }
        #expect(nameRange == SourceRange(start: 12, end: 19))
        #expect(expr.rangesOfReferences(to: "leads") == [SourceRange(start: 22, end: 27)])
        #expect(expr.range == SourceRange(start: 22, end: 34))

        guard case .failure(let diagnostic) = Parser.parseStatement(bytes[45..<59]) else {
            Issue.record("an incomplete line must not parse")
            return
        }
        #expect(DiagnosticPrinter.render(diagnostic, in: SourceText(path: "plan.model", bytes: bytes)) == """
            plan.model:3:15: error: expected an expression after '*'
            wins = leads *
                          ^
            """)
    }

    @Test func columnsInMessagesCountFromTheSlicesLine() {
        let file = "leads = 1\nx = max(1, 2\n"
        let bytes = Array(file.utf8)
        guard case .failure(let diagnostic) = Parser.parseStatement(bytes[10..<22]) else {
            Issue.record("an unclosed call must not parse")
            return
        }
        #expect(DiagnosticPrinter.render(diagnostic, in: SourceText(path: "plan.model", bytes: bytes)) == """
            plan.model:2:13: error: missing ')' to close '(' at column 8
            x = max(1, 2
                        ^
            """)
    }

    @Test func invalidUTF8IsReportedByByte() {
        let bytes: [UInt8] = Array("x = 1 + ".utf8) + [0xFF]
        guard case .failure(let diagnostic) = Parser.parseStatement(bytes[...]) else {
            Issue.record("invalid UTF-8 must not parse")
            return
        }
        #expect(diagnostic.message == "invalid UTF-8 byte 0xFF")
        #expect(diagnostic.range == SourceRange(start: 8, end: 9))
    }

    @Test func reportsOnlyTheFirstProblemInTheLine() {
        // The unknown character comes after the missing operand, so the operand is reported.
        guard case .failure(let diagnostic) = Parser.parseStatement("x = * @ )") else {
            Issue.record("must not parse")
            return
        }
        #expect(diagnostic.message == "expected an expression after '='")
        #expect(diagnostic.range == SourceRange(start: 4, end: 5))
    }

    @Test func listsReservedWords() {
        #expect(ReservedWords.all == [
            "if", "and", "or", "not", "true", "false", "t", "month", "periods", "actual", "goal", "to",
        ])
    }
}
