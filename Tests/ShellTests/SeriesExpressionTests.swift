import Formula
import Testing
import TextLayout
@testable import Shell

/// Expressions, assertions and the change display on a plan over time: a series is shown as a
/// series (its values, its total or last value, its shape), never as its first period. Values are
/// worked out by hand on the four-month plan of ``SeriesPlanningTests``:
///
///     leads    100  110  120  130   total 460
///     wins      10   11   12   13   total 46
///     revenue  10k  11k  12k  13k   total 46k
///     mrr      10k  21k  33k  46k   last 46k (a level, through prev)
@Suite struct SeriesExpressionTests {
    static let plan = SeriesPlanningTests.plan
    static let script = InputLocation(path: "plan.leadlag", line: 7)

    // MARK: a bare expression

    @Test("a series typed at the prompt shows its periods, its values and its total or last value", arguments: [
        ("revenue", ["periods  2027-01 .. 2027-04", "values   $10,000  $11,000  $12,000  $13,000", "total    $46,000  ▁▃▆█"]),
        ("wins * 2", ["periods  2027-01 .. 2027-04", "values   20  22  24  26", "total    92  ▁▃▆█"]),
        ("mrr", ["periods  2027-01 .. 2027-04", "values   $10,000  $21,000  $33,000  $46,000", "last     $46,000  ▁▃▅█"]),
        // The same 0.1 every month, though the third is 0.10000000000000002 in binary: flat, not a spike.
        ("0.1 * (1 + t) / (1 + t)", ["periods  2027-01 .. 2027-04", "values   0.1  0.1  0.1  0.1", "total    0.4  ▄▄▄▄"]),
        ("revenue >= 11k", ["periods  2027-01 .. 2027-04", "values   false  true  true  true", "true     in 3 of 4 periods  ▁███"]),
        ("leads - prev(leads, 90)", ["periods  2027-01 .. 2027-04", "values   10  10  10  10", "total    40  ▄▄▄▄"]),
    ])
    func seriesExpression(line: String, shown: [String]) {
        let reply = planSession(Self.plan).handle(line)
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output == shown)
    }

    @Test("a single-valued expression shows one value", arguments: [
        ("total(revenue)", "$46,000"), ("revenue[2027-03]", "$12,000"), ("annual", "$46,000"),
        ("conversion", "10%"), ("last(mrr) - first(mrr)", "$36,000"), ("average(wins)", "11.5"),
    ])
    func singleExpression(line: String, shown: String) {
        #expect(planSession(Self.plan).handle(line).output == [shown])
    }

    @Test("more periods than fit on a line: the first and the last, with their periods")
    func longSeries() {
        let reply = planSession("periods = 2027-01 .. 2027-07\nx = 1 + t\n").handle("x * 10")
        #expect(reply.output == ["periods  2027-01 .. 2027-07", "values   10 in 2027-01 … 70 in 2027-07", "total    280  ▁▂▃▅▆▇█"])
    }

    @Test("on a narrow terminal a series typed alone keeps to the width")
    func narrowTerminal() {
        let session = planSession(Self.plan)
        session.width = 30
        let output = session.handle("revenue").output
        #expect(output.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(output)")
        #expect(output.first == "periods  2027-01 .. 2027-04")
        #expect(output.last == "total    $46,000  ▁▃▆█")
    }

    @Test("in a script an error value in any period fails the line and names the period")
    func errorInOnePeriod() {
        let reply = planSession(Self.plan).handle("wins / (t - 1)", at: Self.script)
        #expect(reply.failed)
        #expect(reply.output == ["periods  2027-01 .. 2027-04", "values   -10  #DIV/0!  12  6.5", "total    #DIV/0!  ▁ █▆"])
        #expect(reply.errors == ["plan.leadlag:7: error: the expression evaluates to #DIV/0! in 2027-02"])
    }

    // MARK: :assert

    @Test(":assert on a series must hold in every period; a failure names the first period that fails", arguments: [
        (":assert revenue >= 12k", "plan.leadlag:7: error: assertion failed: revenue >= 12k (false in 2027-01, revenue = $10,000; fails in 2 of 4 periods)"),
        (":assert mrr < 30k", "plan.leadlag:7: error: assertion failed: mrr < 30k (false in 2027-03, mrr = $33,000; fails in 2 of 4 periods)"),
        (":assert leads - 130", "plan.leadlag:7: error: assertion failed: leads - 130 (0 in 2027-04; fails in 1 of 4 periods)"),
        (":assert 1 / (t - 1) > -5", "plan.leadlag:7: error: assertion failed: 1 / (t - 1) > -5 (#DIV/0! in 2027-02, 1 / (t - 1) = #DIV/0!; fails in 1 of 4 periods)"),
        (":assert total(revenue) >= 50k", "plan.leadlag:7: error: assertion failed: total(revenue) >= 50k (false, total(revenue) = $46,000)"),
        (":assert revenue[2027-04] > 13k", "plan.leadlag:7: error: assertion failed: revenue[2027-04] > 13k (false, revenue[2027-04] = $13,000)"),
    ])
    func failingAssertion(line: String, message: String) {
        let reply = planSession(Self.plan).handle(line, at: Self.script)
        #expect(reply.failed)
        #expect(!reply.assertionPassed)
        #expect(reply.errors == [message])
    }

    @Test(":assert passes when a series holds in every period, or one value holds", arguments: [
        ":assert revenue >= 10k", ":assert mrr <= 46k", ":assert total(revenue) == 46k", ":assert revenue[2027-04] == 13k",
        ":assert wins",
    ])
    func passingAssertion(line: String) {
        let reply = planSession(Self.plan).handle(line, at: Self.script)
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.assertionPassed)
    }

    // MARK: the change display

    @Test("a new series shows its total (last for a level) and its shape; a new single value its value")
    func newCells() {
        let session = planSession(Self.plan)
        #expect(session.handle("double = leads * 2").output == ["double total = 920 (new)  ▁▃▆█"])
        #expect(session.handle("level = prev(level) + leads").output == ["level last = 460 (new)  ▁▃▅█"])
        #expect(session.handle("bonus = 5").output == ["bonus = 5 (new)"])
        #expect(session.handle(":delete double").output == ["double deleted (was total 920)"])
        #expect(session.handle(":undo").output == ["undid :delete double", "double total = 920 (restored)  ▁▃▆█"])
        #expect(session.handle(":delete mrr").output == ["mrr deleted (was last $46,000)"])
    }

    @Test("a percent cell given a plain formula over time gets no literal of its first period to type instead")
    func noFirstPeriodSuggestion() {
        let session = planSession(Self.plan)
        #expect(session.handle("conversion = 0.1 + 0.01 * t").errors == [])
        #expect(planSession(Self.plan).handle("conversion = 0.2").errors
            == ["warning: conversion was a percent: did you mean 20%? (:undo restores 10%)"])
    }

    @Test("an edit that changes nothing names the series' total, not its first period")
    func unchangedSeries() {
        #expect(planSession(Self.plan).handle("leads[2027-02] = 110").output == ["leads = total 460 (unchanged)"])
    }

    // MARK: one-value arguments

    @Test("a value, bound or step of a what-if command that is a series is refused at its column", arguments: [
        (":seek total(revenue) = revenue by leads",
         "<input>:1:24: error: the value to reach must be one value; revenue is a series over 2027-01 .. 2027-04",
         "                       ^~~~~~~"),
        (":table total(revenue) by leads 100..leads step 10",
         "<input>:1:37: error: the end must be one value; leads is a series over 2027-01 .. 2027-04",
         "                                    ^~~~~"),
    ])
    func seriesArgumentRefused(line: String, message: String, caret: String) {
        let session = planSession(Self.plan)
        let reply = session.handle(line)
        #expect(reply.errors == [message, line, caret])
        #expect(session.workbook.render() == Self.plan)
    }

    @Test(":help assert says how an assertion reads a series")
    func help() {
        let text = planSession(Self.plan).handle(":help assert").output.joined(separator: " ")
        #expect(text.contains("must hold in every period"))
        #expect(text.contains("total(revenue) >= 600k"))
    }

    // MARK: without periods

    @Test("a model without periods prints what it always has")
    func withoutPeriods() {
        let session = planSession()
        #expect(session.handle("revenue").output == ["$14,256"])
        #expect(session.handle("wins * 2").output == ["11.88"])
        #expect(session.handle(":assert revenue > 20k", at: Self.script).errors
            == ["plan.leadlag:7: error: assertion failed: revenue > 20k (false, revenue = $14,256)"])
        #expect(session.handle(":assert (leads + 1) / (leads - 120) > 1", at: Self.script).errors
            == ["plan.leadlag:7: error: assertion failed: (leads + 1) / (leads - 120) > 1 (#DIV/0!, (leads + 1) / (leads - 120) = #DIV/0!)"])
        #expect(session.handle("double = leads * 2").output == ["double = 240 (new)"])
        #expect(session.handle(":delete annual_value").output == ["annual_value deleted (was $171,072)"])
        #expect(session.handle("leads = 120").output == ["leads = 120 (unchanged)"])
        #expect(session.handle(":seek revenue = revenue * 2 by leads").output.first
            == "found leads = 240 (was 120): revenue = $28,512")
    }
}
