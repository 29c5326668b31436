@testable import Formula
import Testing

/// The parser reads tokens from the lexer as it goes, with one token of lookahead and two scans
/// ahead on a copy: these lines pin the diagnostics where that could change what is reported, such
/// as unreadable text after the problem the parser meets first, or right after a whole expression.
@Suite struct StreamingParseTests {
    /// (source, the full rendered diagnostic)
    static let diagnostics: [(String, String)] = [
        ("x = 1 @", """
        input:1:7: error: unknown character '@'
        x = 1 @
              ^
        """),
        ("x = (1 2 @", """
        input:1:8: error: expected ')' to close '(' at column 5
        x = (1 2 @
               ^
        """),
        ("x = 1,234,567 @", """
        input:1:6: error: thousands separators are not allowed in numbers: write 1234567
        x = 1,234,567 @
             ^
        """),
        ("x = 1,5 @", """
        input:1:6: error: use '.' for decimals: write 1.5
        x = 1,5 @
             ^
        """),
        ("x = 1,5%", """
        input:1:6: error: use '.' for decimals: write 1.5%
        x = 1,5%
             ^
        """),
        ("x = 2,400,00", """
        input:1:6: error: thousands separators are not allowed in numbers: write 240000
        x = 2,400,00
             ^
        """),
        ("x = $1,234,5", """
        input:1:7: error: thousands separators are not allowed in numbers: write $12345
        x = $1,234,5
              ^
        """),
        ("actual @", """
        input:1:1: error: 'actual' is a reserved word and cannot name a cell
        actual @
        ^~~~~~
        """),
        ("actual x[2027-01 @] = 5", """
        input:1:18: error: unknown character '@'
        actual x[2027-01 @] = 5
                         ^
        """),
        ("x[2027-01 @] = 5", """
        input:1:11: error: unknown character '@'
        x[2027-01 @] = 5
                  ^
        """),
        ("x[2027-01 .. 2027-03 + y[2027-04] = 5", """
        input:1:22: error: expected ']' after the period
        x[2027-01 .. 2027-03 + y[2027-04] = 5
                             ^
        """),
        ("if[2027-01] = 3", """
        input:1:1: error: 'if' is a reserved word and cannot name a cell
        if[2027-01] = 3
        ^~
        """),
        ("x = a[2027-01 @", """
        input:1:15: error: unknown character '@'
        x = a[2027-01 @
                      ^
        """),
        ("goal a < b @", """
        input:1:12: error: unknown character '@'
        goal a < b @
                   ^
        """),
        ("x = max(1, 2 @", """
        input:1:14: error: unknown character '@'
        x = max(1, 2 @
                     ^
        """),
        ("x = 1 + @", """
        input:1:9: error: unknown character '@'
        x = 1 + @
                ^
        """),
        ("x @", """
        input:1:3: error: unknown character '@'
        x @
          ^
        """),
        ("@", """
        input:1:1: error: unknown character '@'
        @
        ^
        """),
        ("x = -", """
        input:1:6: error: expected an expression after '-'
        x = -
             ^
        """),
        ("x y", """
        input:1:3: error: expected '=' after 'x'
        x y
          ^
        """),
        ("(x) y", """
        input:1:5: error: missing operator before 'y'
        (x) y
            ^
        """),
        ("x = 1 2,5", """
        input:1:7: error: missing operator before '2'
        x = 1 2,5
              ^
        """),
        ("1 < 2 < 3 @", """
        input:1:7: error: comparisons cannot be chained: join them with 'and', as in a < b and b < c
        1 < 2 < 3 @
              ^
        """),
        ("x = a + not b", """
        input:1:9: error: put 'not …' in parentheses after '+'
        x = a + not b
                ^~~
        """),
        ("x = 1 to 2 @", """
        input:1:12: error: unknown character '@'
        x = 1 to 2 @
                   ^
        """),
        ("x = 5 % 3", """
        input:1:7: error: '%' must follow a number, as in 15%
        x = 5 % 3
              ^
        """),
        ("x = 1 ** 2", """
        input:1:7: error: '**' is not an operator here: write '^' for powers
        x = 1 ** 2
              ^~
        """),
        ("periods = 2027-01 .. 2027-03 @", """
        input:1:30: error: unknown character '@'
        periods = 2027-01 .. 2027-03 @
                                     ^
        """),
        ("x = abs(1) @", """
        input:1:12: error: unknown character '@'
        x = abs(1) @
                   ^
        """),
        ("x = 1e5e", """
        input:1:8: error: expected digits after 'e' in the exponent
        x = 1e5e
               ^
        """),
        ("x = a ^ b ^ @", """
        input:1:13: error: unknown character '@'
        x = a ^ b ^ @
                    ^
        """),
        ("x = 1 + 2 * 3 )", """
        input:1:15: error: unexpected ')'
        x = 1 + 2 * 3 )
                      ^
        """),
    ]

    @Test(arguments: diagnostics)
    func reportsTheFirstProblemInTheLine(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }

    /// (source, the tree): operators whose right operand is read at once, and those that must wait.
    static let shapes: [(String, String)] = [
        ("x[2027-01] + 1", "(+ x[2027-01] 1)"),
        ("a * b[2027-01]", "(* a b[2027-01])"),
        ("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"),
        ("1 - 2 * 3 + 4", "(+ (- 1 (* 2 3)) 4)"),
        ("a < b + 1 and c", "(and (< a (+ b 1)) c)"),
        ("-2 ^ 2", "(- (^ 2 2))"),
        ("2 ^ -1", "(^ 2 (- 1))"),
        ("a + f(1) * 2", "(+ a (* (f 1) 2))"),
        ("a or b and c == true", "(or a (and b (== c true)))"),
        ("x = c4 * 1.0001 + 1", "x = (+ (* c4 1.0001) 1)"),
    ]

    @Test(arguments: shapes)
    func groupsOperatorsByPrecedence(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }

    /// A token carries no text, so the parser copies tokens without any reference counting.
    @Test func tokensAreTriviallyCopyable() {
        #expect(_isPOD(Token.self))
    }

    /// Keywords are read from bytes by their own spelling, which must stay their raw value.
    @Test func everyKeywordIsReadFromItsOwnSpelling() {
        for keyword in Keyword.allCases {
            #expect(Keyword.spelled(ArraySlice(keyword.rawValue.utf8)) == keyword)
            #expect(Keyword.spelled(ArraySlice((keyword.rawValue + "s").utf8)) == nil)
        }
        #expect(Keyword.spelled(ArraySlice("an".utf8)) == nil)
    }

    /// An operator's right operand counts one level of nesting however it is read, so the limit
    /// falls where it did: on that operand, inside the deepest parentheses allowed.
    @Test func aRightOperandAtTheDepthLimitCountsItsOperator() {
        let depth = Parser.maximumDepth
        let inside = { (count: Int) in "x = " + String(repeating: "(", count: count) + "1 + 1" + String(repeating: ")", count: count) }
        guard case .success = Parser.parseStatement(inside(depth - 2)) else {
            Issue.record("\(depth - 2) parentheses around a sum are refused")
            return
        }
        guard case .failure(let diagnostic) = Parser.parseStatement(inside(depth - 1)) else {
            Issue.record("\(depth - 1) parentheses around a sum are accepted")
            return
        }
        #expect(diagnostic.message == "expression is nested too deeply (more than \(depth) levels)")
        // `x = `, the parentheses, then `1 + `: at the second `1`.
        #expect(diagnostic.range == SourceRange(start: 4 + depth - 1 + 4, end: 4 + depth - 1 + 5))
    }
}
