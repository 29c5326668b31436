import Formula
import PlanEngine
import Testing
@testable import ModelFile

/// `periods` lines and overrides in model files: loaded and saved byte for byte, every misuse
/// located, and an override typed in the REPL saved right after its cell.
@Suite struct PeriodFileTests {
    static let plan = """
        # A year of leads, with a trade show in March.
        periods = 2027-01 .. 2027-12   # the fiscal year
        leads = 100 * 1.05 ^ t
        leads[2027-03] = 150           # trade show
        leads[2027-07 .. 2027-12]=140
        conversion = 15%
        opportunities = leads * conversion
        mrr = prev(mrr) + opportunities * $100
        annual = total(opportunities)

        [scenario hiring]
        leads[2027-07 .. 2027-12] = 180   # two more reps
        conversion = 18%

        """

    private func load(_ text: String) throws -> Workbook {
        try Workbook.parse(text, path: "plan.model").get()
    }

    private func problems(_ text: String) -> [String] {
        guard case .failure(let failure) = Workbook.parse(text, path: "bad.model") else { return [] }
        return failure.messages
    }

    @Test func loadsAndSavesByteForByte() throws {
        let workbook = try load(Self.plan)
        #expect(workbook.render() == Self.plan)
        #expect(workbook.model.timeline.count == 12)
        #expect(workbook.model["leads"]?.overrides.map(\.formula) == ["150", "140"])
        let leads = workbook.model.values(of: "leads")
        #expect(leads[2] == .number(150))
        #expect(leads[8] == .number(140))
        let hiring = try workbook.model(applying: "hiring")
        #expect(hiring.values(of: "leads")[8] == .number(180))
        #expect(hiring.values(of: "leads")[2] == .number(150))
    }

    @Test func anOverrideTypedLaterGoesRightAfterItsCell() throws {
        var workbook = try load("periods = 2027-01 .. 2027-03\nleads = 100\nleads[2027-01] = 90\nwins = leads / 10\n")
        let span = try #require(planSpan("wins[2027-02]"))
        try workbook.define(Definition(name: "leads", formula: "120", periods: span))
        try workbook.define(Definition(name: "wins", formula: "3", periods: span))
        try workbook.define(Definition(name: "leads", formula: "95", periods: try #require(planSpan("leads[2027-01]"))))
        #expect(workbook.render() == """
            periods = 2027-01 .. 2027-03
            leads = 100
            leads[2027-01] = 95
            leads[2027-02] = 120
            wins = leads / 10
            wins[2027-02] = 3

            """)
        try workbook.removeOverride("leads", periods: span.periods)
        #expect(!workbook.render().contains("leads[2027-02]"))
        try workbook.delete("leads")
        #expect(workbook.render() == "periods = 2027-01 .. 2027-03\nwins = leads / 10\nwins[2027-02] = 3\n")
    }

    @Test(arguments: [
        ("periods = 2027-01 .. 2027-06\nperiods = 2027-01 .. 2027-03\n",
         "bad.model:2:11: error: the plan already has a periods line (line 1)"),
        ("a = 1\n[scenario s]\nperiods = 2027-01 .. 2027-03\n",
         "bad.model:3:11: error: the periods line belongs in the base model, not in [scenario s]"),
        ("periods = 2027-01 .. 2027-06\nleads = 1\nleads[2027-07] = 2\n",
         "bad.model:3:7: error: 2027-07 is outside the plan (2027-01 .. 2027-06)"),
        ("periods = 2027-01 .. 2027-06\nwins[2027-02] = 2\n",
         "bad.model:2:1: error: wins[2027-02] overrides 'wins', which the model does not define"),
        ("leads = 1\nnext = prev(leads)\n",
         "bad.model:2:8: error: prev needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("leads = 1\nleads[2027-01] = 2\n",
         "bad.model:2:7: error: leads[2027-01] needs a periods line (periods = 2027-01 .. 2027-12)"),
        ("periods = 2027-01 .. 2027-06\nleads = 1\nleads[2027-02] = 2\nleads[2027-02] = 3\n",
         "bad.model:4:1: error: leads[2027-02] is already overridden on line 3"),
        ("periods = 2027-01 .. 2027-06\nleads = 1\nx = leads[2027-09]\n",
         "bad.model:3:11: error: 2027-09 is outside the plan (2027-01 .. 2027-06)"),
        ("x = 1\nperiods = 2027-06 .. 2027-01\n",
         "bad.model:2:11: error: the range runs backwards: 2027-06 comes after 2027-01"),
        ("periods = 2027-01 .. 2027-06\na = prev(b)\nb = total(a)\n",
         "bad.model:3:1: error: cycle: b → a → b"),
    ])
    func misusesAreLocated(text: String, message: String) {
        #expect(problems(text).first?.split(separator: "\n").first.map(String.init) == message)
    }

    @Test func aPeriodsLineAfterTheCellsStillCounts() throws {
        let workbook = try load("leads = 100 + t\nperiods = 2027-Q1 .. 2027-Q4\n")
        #expect(workbook.model.values(of: "leads") == [.number(100), .number(101), .number(102), .number(103)])
    }

    /// The span of `name[…]` as a model line writes it.
    private func planSpan(_ target: String) -> PeriodSpan? {
        guard case .success(.override(_, _, let span, _)) = Parser.parseStatement(target + " = 0") else { return nil }
        return span
    }
}
