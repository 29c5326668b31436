import Testing
@testable import Shell

/// `plan(x)` in typed expressions and `:assert`: x on the plan without actuals, one value only.
@Suite struct PlanReadingsTests {
    private func tracked() -> Session {
        planSession(GoalTrackingTests.plan + "actual wins[2027-01] = 12\nactual wins[2027-02] = 7\n")
    }

    @Test("plan(x) reads one value on the plan without actuals, in x's format, and combines with the model's",
          arguments: [
              ("plan(total(revenue))", "$46,000"),
              ("total(revenue)", "$44,000"),
              ("plan(revenue[2027-02])", "$11,000"),
              ("revenue[2027-02] - plan(revenue[2027-02])", "-$4,000"),
              ("plan(total(wins)) > total(wins)", "true"),
              ("plan(plan(wins[2027-01]))", "10"),
          ])
    func readings(line: String, shown: String) {
        #expect(tracked().handle(line).output == [shown])
    }

    @Test(":assert passes and fails on plan readings")
    func assertions() {
        let session = tracked()
        #expect(session.handle(":assert total(revenue) >= 95% * plan(total(revenue))").assertionPassed)
        let failed = session.handle(":assert total(revenue) >= plan(total(revenue))")
        #expect(failed.failed)
        #expect(failed.errors == ["error: assertion failed: total(revenue) >= plan(total(revenue)) (false, total(revenue) = $44,000)"])
    }

    @Test("a series, a missing cell, an error value or two arguments are refused at their column", arguments: [
        ("total(plan(revenue))", "<input>:1:12: error: revenue is a series over 2027-01 .. 2027-04: plan(…) reads one value, "
            + "such as plan(total(revenue)) or plan(revenue[2027-04])"),
        ("plan(wins * 2)", "<input>:1:6: error: wins * 2 is a series over 2027-01 .. 2027-04: plan(…) reads one value, "
            + "such as plan(total(wins * 2))"),
        ("plan(revnue[2027-01])", "<input>:1:6: error: no cell named 'revnue' (did you mean revenue?)"),
        ("plan(revenue[2027-09])", "<input>:1:14: error: 2027-09 is outside the plan (2027-01 .. 2027-04)"),
        ("plan(deal / 0)", "<input>:1:6: error: deal / 0 is #DIV/0! on the plan without actuals"),
        ("plan(1, 2)", "<input>:1:1: error: plan(…) reads one value on the plan without actuals, as in plan(total(revenue))"),
    ])
    func refused(line: String, message: String) {
        let reply = tracked().handle(line)
        #expect(reply.failed)
        #expect(reply.errors.first == message)
    }

    @Test("without actuals the plan is the model itself")
    func withoutActuals() {
        #expect(planSession(GoalTrackingTests.plan).handle("plan(total(revenue)) == total(revenue)").output == ["true"])
    }
}
