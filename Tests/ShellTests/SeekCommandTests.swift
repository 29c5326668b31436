import Formula
import Testing
@testable import Shell

/// One goal seek that has an answer: the model, the command, and what it must reach.
struct ReachableSeek: Sendable, CustomTestStringConvertible {
    let label: String
    let model: [String]
    let command: String
    let input: String
    let target: String
    let goal: Double

    var testDescription: String { label }
}

@Suite(":seek: goal seek through the session")
struct SeekCommandTests {
    static let reachable: [ReachableSeek] = [
        ReachableSeek(label: "increasing", model: funnel, command: ":seek revenue = 50k by leads",
                      input: "leads", target: "revenue", goal: 50_000),
        ReachableSeek(label: "decreasing", model: ["customers = 500", "churn = 5%", "kept = customers * (1 - churn)"],
                      command: ":seek kept = 420 by churn", input: "churn", target: "kept", goal: 420),
        ReachableSeek(label: "a cap made by min", model: ["leads = 100", "capacity = 150", "served = min(leads, capacity) * 2"],
                      command: ":seek served = 250 by leads", input: "leads", target: "served", goal: 250),
        ReachableSeek(label: "a power, within bounds", model: ["side = 3", "area = side ^ 2"],
                      command: ":seek area = 50 by side in 0..100", input: "side", target: "area", goal: 50),
        ReachableSeek(label: "a step made by if", model: ["calls = 10", "bonus = if(calls > 20, 500, 0) + calls * 10"],
                      command: ":seek bonus = 800 by calls", input: "calls", target: "bonus", goal: 800),
        ReachableSeek(label: "a currency goal written as an expression", model: funnel,
                      command: ":seek revenue = $2.4k * 10 by deal_value", input: "deal_value", target: "revenue", goal: 24_000),
    ]

    @Test("seek sets the input to the value that reaches the goal, as one edit that :undo takes back", arguments: reachable)
    func reaches(_ seek: ReachableSeek) throws {
        let session = makeSession(seek.model)
        let formulaBefore = session.model[seek.input]?.formula
        let targetBefore = session.model.value(of: seek.target)
        let reply = session.handle(seek.command)
        #expect(!reply.failed, "\(reply.text)")
        let reached = try #require(number(session.model.value(of: seek.target)))
        #expect(abs(reached - seek.goal) <= 1e-9 * abs(seek.goal))
        let input = try #require(session.model[seek.input])
        #expect(input.isLeadIndicator)
        let shownInput = ValueFormatter.display(input.value, format: input.format)
        let shownTarget = ValueFormatter.display(session.model.value(of: seek.target), format: session.model.format(of: seek.target))
        #expect(reply.output.first?.hasPrefix("found \(seek.input) = \(shownInput) (was ") == true)
        #expect(reply.output.first?.hasSuffix("): \(seek.target) = \(shownTarget)") == true)
        // The reactive display follows, as after a definition typed by hand.
        #expect(reply.output.contains { $0.hasPrefix(seek.input + " ") && $0.contains("→ \(shownInput)") })

        let undo = session.handle(":undo")
        #expect(undo.output.first == "undid \(seek.input) = \(input.formula)")
        #expect(session.model[seek.input]?.formula == formulaBefore)
        #expect(session.model.value(of: seek.target) == targetBefore)
    }

    @Test("a percent input gets a percent literal, so its format stays")
    func keepsFormat() {
        let session = makeSession(["customers = 500", "churn = 5%", "kept = customers * (1 - churn)"])
        _ = session.handle(":seek kept = 450 by churn")
        #expect(session.model["churn"]?.formula == "10%")
        #expect(shown("churn", in: session) == "10%")
    }

    @Test("when no value reaches the goal, seek says which and changes nothing", arguments: [
        (":seek revenue = 50k by win_rate in 0..100%",
         "error: no value of win_rate in 0%..100% makes revenue $50,000; the closest is revenue = $43,200 at win_rate = 100%"),
        (":seek revenue = 1 by other", "error: revenue does not depend on other: no value of other changes it"),
        (":seek revenue = 50k by wins",
         "error: 'wins' is a lag indicator (its formula uses other cells); seek by a lead indicator"),
        (":seek ratio = 2 by leads", "error: ratio is #DIV/0! at every value of leads tried"),
        (":seek capped = 500 by leads", "error: no value of leads in -1,000,000,000,000..1,000,000,000,000 makes capped 500; the closest is capped = 200 at leads = "),
    ])
    func failures(line: String, message: String) {
        let session = planSession(mspPlanAdding(["other = 5", "ratio = leads / (leads - leads)", "capped = min(leads, 100) * 2"]))
        let before = allValues(session)
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors.count == 1)
        #expect(reply.errors.first?.hasPrefix(message) == true, "\(reply.errors)")
        #expect(allValues(session) == before)
        #expect(session.handle(":undo").output == ["nothing to undo"])
    }

    @Test("an unknown cell or a goal that is not a number is shown with a caret", arguments: [
        (":seek revenu = 50k by leads", "<input>:1:7: error: no cell named 'revenu' (did you mean revenue?)", "      ^~~~~~"),
        (":seek revenue = 50k by lead", "<input>:1:24: error: no cell named 'lead' (did you mean leads?)", "                       ^~~~"),
        (":seek revenue = 1/0 by leads", "<input>:1:17: error: the value to reach must be a number; 1/0 is #DIV/0!",
         "                ^~~"),
        (":seek revenue = 50k by leads in 0..(5", "<input>:1:38: error: missing ')' to close '(' at column 36",
         "                                     ^"),
    ])
    func caretErrors(line: String, message: String, caret: String) {
        let session = planSession()
        let reply = session.handle(line)
        #expect(reply.errors == [message, line, caret])
        #expect(session.model["leads"]?.formula == "120")
    }

    @Test("a goal already reached changes nothing and says so")
    func alreadyThere() {
        let session = makeSession()
        #expect(session.handle(":seek leads = 120 by leads").output == ["leads is already 120 at leads = 120; nothing changed"])
        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value")
    }

    @Test("a seek that meets a goal announces it, like any edit")
    func goalFlip() {
        let reply = planSession().handle(":seek revenue = 50k by leads")
        #expect(reply.output.last == "goal revenue >= $50k: now met ($50,000, on target)")
    }

    @Test("while a scenario is shown, seek sets the input in the scenario and the base model keeps its value")
    func inScenario() throws {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let reply = session.handle(":seek revenue = 50k by leads")
        #expect(!reply.failed)
        let reached = try #require(number(session.model.value(of: "revenue")))
        #expect(abs(reached - 50_000) < 1e-6)
        #expect(session.workbook.model["leads"]?.formula == "120")
        let override = session.workbook.scenario(named: "optimistic")?.overrides.first { $0.name == "leads" }
        #expect(override?.formula == session.model["leads"]?.formula)
        _ = session.handle(":undo")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.name) == ["conversion", "win_rate"])
    }

    @Test("the file gets the shortest decimal that meets the goal, not the 17 digits of a double")
    func shortestLiteral() throws {
        let session = makeSession(["names = 2000", "opportunities = names * 3.6%"])
        let reply = session.handle(":seek opportunities = 20 by names")
        #expect(!reply.failed, "\(reply.text)")
        #expect(session.model["names"]?.formula == "555.555555555556")
        #expect(session.handle(":assert opportunities == 20").failed == false)
    }

    @Test(":seek … by INPUT whole sets a whole number, with a range too", arguments: [
        (":seek opportunities = 20 by names whole", "556", "found names = 556 (was 2,000): opportunities = 20.02"),
        (":seek opportunities = 20 by names whole in 0..10000", "556", "found names = 556 (was 2,000): opportunities = 20.02"),
    ])
    func whole(line: String, formula: String, found: String) throws {
        let session = makeSession(["names = 2000", "opportunities = names * 3.6%"])
        let reply = session.handle(line)
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.output.first == found)
        #expect(session.model["names"]?.formula == formula)
        _ = session.handle(":undo")
        #expect(session.model["names"]?.formula == "2000")
    }

    @Test(":help seek says how the value is written and what whole does")
    func help() {
        let help = makeSession().handle(":help seek").output.joined(separator: " ")
        #expect(help.contains("Usage: :seek TARGET = VALUE by INPUT [whole] [in LO..HI]"))
        #expect(help.contains("shortest decimal that still meets VALUE to 15 significant"))
        #expect(help.contains("`by names whole` writes a whole number"))
    }

    @Test("a word after the input other than whole is a usage error")
    func wrongWordAfterInput() {
        let reply = makeSession().handle(":seek revenue = 50k by leads round")
        #expect(reply.failed)
        #expect(reply.errors == [
            "seek wants one lead indicator after 'by', then 'whole' or 'in LO..HI'",
            "Usage: :seek TARGET = VALUE by INPUT [whole] [in LO..HI]",
        ])
    }
}
