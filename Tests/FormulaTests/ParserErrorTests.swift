@testable import Formula
import Testing

/// Every parse error message, each with its line, column and caret as the one printer renders it.
@Suite struct ParserErrorTests {
    /// (source, the full rendered diagnostic)
    static let cases: [(String, String)] = [
        // Missing operands
        ("", """
        input:1:1: error: expected an expression

        ^
        """),
        ("x = wins *", """
        input:1:11: error: expected an expression after '*'
        x = wins *
                  ^
        """),
        ("2 * * 3", """
        input:1:5: error: expected an expression after '*'
        2 * * 3
            ^
        """),
        ("x = )", """
        input:1:5: error: expected an expression after '='
        x = )
            ^
        """),
        ("()", """
        input:1:2: error: expected an expression after '('
        ()
         ^
        """),
        ("* 3", """
        input:1:1: error: expected an expression before '*'
        * 3
        ^
        """),
        (")", """
        input:1:1: error: unexpected ')'
        )
        ^
        """),
        (", 1", """
        input:1:1: error: unexpected ','
        , 1
        ^
        """),
        ("= 5", """
        input:1:1: error: unexpected '='
        = 5
        ^
        """),
        ("a and", """
        input:1:6: error: expected an expression after 'and'
        a and
             ^
        """),
        ("(1 + 2))", """
        input:1:8: error: unexpected ')'
        (1 + 2))
               ^
        """),
        // Parentheses and calls
        ("x = (1 + 2", """
        input:1:11: error: missing ')' to close '(' at column 5
        x = (1 + 2
                  ^
        """),
        ("max(1, 2", """
        input:1:9: error: missing ')' to close '(' at column 4
        max(1, 2
                ^
        """),
        ("max(1 2)", """
        input:1:7: error: expected ',' or ')' after a function argument
        max(1 2)
              ^
        """),
        ("(1 2)", """
        input:1:4: error: expected ')' to close '(' at column 1
        (1 2)
           ^
        """),
        // Thousands separators
        ("x = $2,400", """
        input:1:7: error: thousands separators are not allowed in numbers: write $2400
        x = $2,400
              ^
        """),
        ("price = $2,400.50", """
        input:1:11: error: thousands separators are not allowed in numbers: write $2400.50
        price = $2,400.50
                  ^
        """),
        ("$1,234,567", """
        input:1:3: error: thousands separators are not allowed in numbers: write $1234567
        $1,234,567
          ^
        """),
        ("x = €2,400", """
        input:1:7: error: thousands separators are not allowed in numbers: write €2400
        x = €2,400
              ^
        """),
        ("£1,5", """
        input:1:3: error: use '.' for decimals: write £1.5
        £1,5
          ^
        """),
        ("x = 2,400", """
        input:1:6: error: thousands separators are not allowed in numbers: write 2400
        x = 2,400
             ^
        """),
        // Comparisons and not
        ("a < b < c", """
        input:1:7: error: comparisons cannot be chained: join them with 'and', as in a < b and b < c
        a < b < c
              ^
        """),
        ("a == b != c", """
        input:1:8: error: comparisons cannot be chained: join them with 'and', as in a < b and b < c
        a == b != c
               ^~
        """),
        ("1 + not x", """
        input:1:5: error: put 'not …' in parentheses after '+'
        1 + not x
            ^~~
        """),
        // Leftovers and misplaced symbols
        ("leads 150", """
        input:1:7: error: expected '=' after 'leads'
        leads 150
              ^~~
        """),
        ("x = 1 2", """
        input:1:7: error: missing operator before '2'
        x = 1 2
              ^
        """),
        ("x = 1 = 2", """
        input:1:7: error: unexpected '='; to compare two values use '=='
        x = 1 = 2
              ^
        """),
        ("a + b = 5", """
        input:1:7: error: unexpected '='; to compare two values use '=='
        a + b = 5
              ^
        """),
        ("x = 1,", """
        input:1:6: error: unexpected ','; commas only separate a function's arguments
        x = 1,
             ^
        """),
        // Definitions, goals and reserved words
        ("and = 5", """
        input:1:1: error: 'and' is a reserved word and cannot name a cell
        and = 5
        ^~~
        """),
        ("if = 5", """
        input:1:1: error: 'if' is a reserved word and cannot name a cell
        if = 5
        ^~
        """),
        ("t = 1", """
        input:1:1: error: 't' is a reserved word and cannot name a cell
        t = 1
        ^
        """),
        ("goal = 1", """
        input:1:1: error: 'goal' is a reserved word and cannot name a cell
        goal = 1
        ^~~~
        """),
        ("x = periods + actual", """
        input:1:5: error: 'periods' is a reserved word and cannot name a cell
        x = periods + actual
            ^~~~~~~
        """),
        ("goal", """
        input:1:1: error: a goal needs a comparison such as revenue >= 50k
        goal
        ^~~~
        """),
        ("goal revenue", """
        input:1:6: error: a goal needs a comparison such as revenue >= 50k
        goal revenue
             ^~~~~~~
        """),
        ("goal a >= b and c", """
        input:1:6: error: a goal needs a comparison such as revenue >= 50k
        goal a >= b and c
             ^~~~~~~~~~~~
        """),
        ("x = if + 1", """
        input:1:5: error: expected '(' after 'if', as in if(condition, then, else)
        x = if + 1
            ^~
        """),
        // Characters the language does not use
        ("x @ 2", """
        input:1:3: error: unknown character '@'
        x @ 2
          ^
        """),
        ("x = é", """
        input:1:5: error: unknown character 'é'
        x = é
            ^
        """),
        ("x = a\u{00A0}b", """
        input:1:6: error: unknown character U+00A0
        x = a\u{00A0}b
             ^
        """),
        ("x = 1 + \0", """
        input:1:9: error: unknown character U+0000
        x = 1 + ^@
                ^
        """),
        // Number literals
        ("1_", """
        input:1:2: error: '_' in a number must be between digits
        1_
         ^
        """),
        ("1__0", """
        input:1:2: error: '_' in a number must be between digits
        1__0
         ^
        """),
        ("2.", """
        input:1:2: error: expected a digit after the decimal point
        2.
         ^
        """),
        ("1.2.3", """
        input:1:4: error: a number can have only one decimal point
        1.2.3
           ^
        """),
        ("1e", """
        input:1:2: error: expected digits after 'e' in the exponent
        1e
         ^
        """),
        ("1e+", """
        input:1:2: error: expected digits after 'e' in the exponent
        1e+
         ^
        """),
        ("1e3.5", """
        input:1:4: error: an exponent must be a whole number
        1e3.5
           ^
        """),
        ("2K", """
        input:1:2: error: unknown suffix 'K': use k (thousand), M (million) or B (billion)
        2K
         ^
        """),
        ("2m", """
        input:1:2: error: unknown suffix 'm': use k (thousand), M (million) or B (billion)
        2m
         ^
        """),
        ("2x", """
        input:1:2: error: a name cannot follow a number directly; put an operator between them
        2x
         ^
        """),
        ("2kx", """
        input:1:2: error: a name cannot follow a number directly; put an operator between them
        2kx
         ^~
        """),
        ("$15%", """
        input:1:1: error: a number cannot be both currency ($) and percent (%)
        $15%
        ^~~~
        """),
        ("$", """
        input:1:1: error: expected a number after '$'
        $
        ^
        """),
        ("$x", """
        input:1:1: error: expected a number after '$'
        $x
        ^
        """),
        ("€15%", """
        input:1:1: error: a number cannot be both currency (€) and percent (%)
        €15%
        ^~~~
        """),
        ("2 * £", """
        input:1:5: error: expected a number after '£'
        2 * £
            ^
        """),
        ("15 %", """
        input:1:4: error: '%' must follow a number, as in 15%
        15 %
           ^
        """),
        ("x%", """
        input:1:2: error: '%' must follow a number, as in 15%
        x%
         ^
        """),
        ("1e400", """
        input:1:1: error: this number is too large
        1e400
        ^~~~~
        """),
        // Operators from other languages
        ("a <> b", """
        input:1:3: error: '<>' is not an operator here: write '!=' for 'not equal'
        a <> b
          ^~
        """),
        ("a ** b", """
        input:1:3: error: '**' is not an operator here: write '^' for powers
        a ** b
          ^~
        """),
        ("a && b", """
        input:1:3: error: '&&' is not an operator here: write 'and'
        a && b
          ^~
        """),
        ("a || b", """
        input:1:3: error: '||' is not an operator here: write 'or'
        a || b
          ^~
        """),
        ("!a", """
        input:1:1: error: '!' is not an operator here: write 'not'
        !a
        ^
        """),
        ("a & b", """
        input:1:3: error: '&' is not an operator here: write 'and'
        a & b
          ^
        """),
        ("a | b", """
        input:1:3: error: '|' is not an operator here: write 'or'
        a | b
          ^
        """),
        // More missing operands, and which problem is reported first
        ("max(1,)", """
        input:1:7: error: expected an expression after ','
        max(1,)
              ^
        """),
        ("f(", """
        input:1:3: error: expected an expression after '('
        f(
          ^
        """),
        ("x = * @", """
        input:1:5: error: expected an expression after '='
        x = * @
            ^
        """),
        ("(1 @", """
        input:1:4: error: unknown character '@'
        (1 @
           ^
        """),
        ("x = max(1 @", """
        input:1:11: error: unknown character '@'
        x = max(1 @
                  ^
        """),
        ("revenue = wins * $950 @ # ok", """
        input:1:23: error: unknown character '@'
        revenue = wins * $950 @ # ok
                              ^
        """),
    ]

    @Test(arguments: cases)
    func rendersTheFirstProblemWithItsLocation(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }
}

@Suite("diagnostics on very long lines")
struct LongLineDiagnosticTests {
    @Test func aLongLineIsShownAsAWindowAroundTheColumn() {
        let text = "x = " + String(repeating: "1 + ", count: 100) + "* 2" + String(repeating: " + 1", count: 100)
        guard case .failure(let diagnostic) = Parser.parseStatement(text) else {
            Issue.record("a misplaced '*' parsed")
            return
        }
        let lines = DiagnosticPrinter.render(diagnostic, in: SourceText(path: "long.model", text: text))
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == "long.model:1:405: error: expected an expression after '+'")
        #expect(lines[1].count == DiagnosticPrinter.shownLineWidth + 2)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caretColumn = lines[2].count - 1
        let marked = Array(lines[1])[caretColumn]
        #expect(marked == "*")
    }
}
