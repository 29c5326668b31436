@testable import Formula
import Testing

/// The syntax of plans over time: `periods` lines, overrides, `x[period]`, and every misuse
/// with its line, column and caret.
@Suite struct PeriodSyntaxTests {
    /// (source, what it parses to)
    @Test(arguments: [
        ("periods = 2027-01 .. 2027-12", "periods 2027-01 .. 2027-12"),
        ("periods = 2027-Q1..2028-Q4", "periods 2027-Q1 .. 2028-Q4"),
        ("periods = 2027-W01 .. 2027-W13", "periods 2027-W01 .. 2027-W13"),
        ("periods = 2027 .. 2030", "periods 2027 .. 2030"),
        ("periods = 2027-03", "periods 2027-03"),
        ("leads[2027-03] = 150", "leads[2027-03] = 150"),
        ("leads[2027-07 .. 2027-12] = 140  # hiring", "leads[2027-07 .. 2027-12] = 140"),
        ("x = leads[2027-03] * 2", "x = (* leads[2027-03] 2)"),
        ("mrr = prev(mrr, 1k) + t * month", "mrr = (+ (prev mrr 1000) (* t month))"),
        ("revenue[2027-12] > 50k", "(> revenue[2027-12] 50000)"),
        ("x = 2027-01", "x = (- 2027 1)"),
        ("x = 1..2", "x = 1..2"),
    ])
    func parses(source: String, tree: String) {
        if source == "x = 1..2" {
            // `..` is never a decimal point: the range symbol is left over after 1.
            #expect(parsed(source).contains("error: missing operator before '..'"))
        } else {
            #expect(parsed(source) == tree)
        }
    }

    static let errors: [(String, String)] = [
        ("periods = 2027-12 .. 2027-01", """
        input:1:11: error: the range runs backwards: 2027-12 comes after 2027-01
        periods = 2027-12 .. 2027-01
                  ^~~~~~~~~~~~~~~~~~
        """),
        ("periods = 2027-01 .. 2027-Q4", """
        input:1:11: error: a range cannot mix months and quarters: 2027-01 .. 2027-Q4
        periods = 2027-01 .. 2027-Q4
                  ^~~~~~~~~~~~~~~~~~
        """),
        ("periods = 2027-01 .. 2200-01", """
        input:1:11: error: a plan has at most 1000 periods; this range has 2077
        periods = 2027-01 .. 2200-01
                  ^~~~~~~~~~~~~~~~~~
        """),
        ("x = leads[2027-13]", """
        input:1:11: error: 2027 has no month '2027-13' (1 to 12)
        x = leads[2027-13]
                  ^~~~~~~
        """),
        ("x = leads[2027-W53]", """
        input:1:11: error: 2027 has no week '2027-W53' (1 to 52)
        x = leads[2027-W53]
                  ^~~~~~~~
        """),
        ("x = leads[27-03]", """
        input:1:11: error: '27-03' is not a period: write a month 2027-03, a quarter 2027-Q1, an ISO week 2027-W05 or a year 2027
        x = leads[27-03]
                  ^~~~~
        """),
        ("x = leads[2027-03 .. 2027-04]", """
        input:1:19: error: a formula reads one period of a cell, as in leads[2027-03]; for several use total, average, first, last, peak or lowest
        x = leads[2027-03 .. 2027-04]
                          ^~
        """),
        ("x = leads[2027-03", """
        input:1:18: error: expected ']' after the period
        x = leads[2027-03
                         ^
        """),
        ("x = leads[]", """
        input:1:11: error: expected a period such as 2027-03, not ']'
        x = leads[]
                  ^
        """),
        ("leads[2027-03 = 5", """
        input:1:15: error: expected ']' after the period
        leads[2027-03 = 5
                      ^
        """),
        ("periods[2027-01] = 3", """
        input:1:1: error: 'periods' is a reserved word and cannot name a cell
        periods[2027-01] = 3
        ^~~~~~~
        """),
        ("month = 3", """
        input:1:1: error: 'month' is a reserved word and cannot name a cell
        month = 3
        ^~~~~
        """),
        ("periods = 2027-01 .. 2027-06 x", """
        input:1:30: error: missing operator before 'x'
        periods = 2027-01 .. 2027-06 x
                                     ^
        """),
    ]

    @Test(arguments: errors)
    func reportsEveryMisuseWithItsPlace(source: String, message: String) {
        #expect(parsed(source) == message)
    }

    /// Uses that need a periods line, or a period of the plan, are found once the plan is known.
    @Test(arguments: [
        ("x = prev(y)", "input:1:5: error: prev needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("x = y[2027-03]", "input:1:7: error: y[2027-03] needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("x = t + 1", "input:1:5: error: 't' needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("x = 2 * month", "input:1:9: error: 'month' needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("x[2027-03] = 1", "input:1:3: error: x[2027-03] needs a periods line (periods = 2027-01 .. 2027-12)"),
    ])
    func withoutPeriodsTheseAreErrors(source: String, message: String) throws {
        let problem = try #require(Parser.parseStatement(source).get().periodProblem(in: .single))
        #expect(rendered(problem, in: source).split(separator: "\n").first.map(String.init) == message)
    }

    @Test(arguments: [
        ("x = y[2028-01]", "input:1:7: error: 2028-01 is outside the plan (2027-01 .. 2027-12)"),
        ("x = y[2027-Q1]", "input:1:7: error: 2027-Q1 is a quarter, but the plan counts months (2027-01 .. 2027-12)"),
        ("y[2026-12 .. 2027-02] = 1", "input:1:3: error: 2026-12 is outside the plan (2027-01 .. 2027-12)"),
        ("y[2027-02 .. 2028-02] = 1", "input:1:14: error: 2028-02 is outside the plan (2027-01 .. 2027-12)"),
    ])
    func aPeriodOutsideThePlanIsAnError(source: String, message: String) throws {
        let plan = try Timeline(from: Period.parse("2027-01").get(), to: Period.parse("2027-12").get())
        let problem = try #require(Parser.parseStatement(source).get().periodProblem(in: plan))
        #expect(rendered(problem, in: source).split(separator: "\n").first.map(String.init) == message)
    }

    @Test func usesThatFitThePlanAreFine() throws {
        let plan = try Timeline(from: Period.parse("2027-01").get(), to: Period.parse("2027-12").get())
        for source in ["x = prev(y) + y[2027-12] + t + month", "y[2027-02 .. 2027-12] = 1", "total(y) > 5"] {
            #expect(try Parser.parseStatement(source).get().periodProblem(in: plan) == nil)
        }
    }
}
