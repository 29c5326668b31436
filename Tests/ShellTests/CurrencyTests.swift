import Testing
@testable import Shell

@Suite("€ and £ are currencies like $, and a model keeps to one of them")
struct CurrencyTests {
    static let euroFunnel = ["leads = 120", "conversion = 15%", "deal = €2.4k", "revenue = leads * conversion * deal"]

    @Test func euroAndPoundLiteralsShowWithTheirSymbol() {
        let session = makeSession(Self.euroFunnel)
        #expect(shown("revenue", in: session) == "€43,200")
        #expect(session.handle("leads = 150").output.last == "revenue €43,200 → €54,000  +25%")
        #expect(session.handle(":show deal").output.contains("  format   currency €"))
        #expect(shown("£2.4k * 2", in: makeSession(["x = 1"])) == "£4,800")
    }

    @Test func aRelativeEditKeepsTheSymbol() {
        let session = makeSession(Self.euroFunnel)
        #expect(!session.handle("deal = deal * 1.5").failed)
        #expect(session.model["deal"]?.formula == "€3600")
    }

    @Test("a second symbol is refused at the literal and changes nothing", arguments: [
        ("deal_value = €3k", "<input>:1:14: error: '€' mixes currencies: this model's money is in $"),
        ("bonus = £500", "<input>:1:9: error: '£' mixes currencies: this model's money is in $"),
        ("revenue * €2", "<input>:1:11: error: '€' mixes currencies: this model's money is in $"),
        ("goal revenue >= €50k", "<input>:1:17: error: '€' mixes currencies: this model's money is in $"),
        (":what-if deal_value = £3k", "<input>:1:23: error: '£' mixes currencies: this model's money is in $"),
    ])
    func mixingIsALocatedError(line: String, message: String) {
        let session = makeSession(funnel + ["bonus = $100"])
        let before = session.workbook.render()
        let reply = session.handle(line)
        #expect(reply.failed)
        #expect(reply.errors.first == message, "\(reply.text)")
        #expect(session.workbook.render() == before)
        #expect(shown("revenue", in: session) == "$14,256")
    }

    @Test func redefiningTheOnlyMoneyCellMayChangeTheCurrency() {
        let session = makeSession()
        #expect(!session.handle("deal_value = €2400").failed)
        #expect(shown("revenue", in: session) == "€14,256")
        #expect(session.handle("bonus = $5").errors.first?.contains("this model's money is in €") == true)
    }

    @Test func aScenarioOverrideInAnotherCurrencyIsRefused() {
        let session = makeSession(funnel + ["bonus = $100"])
        _ = session.handle(":scenario new stretch")
        let reply = session.handle("deal_value = €3k")
        #expect(reply.errors.first?.hasPrefix("<input>:1:14: error: '€' mixes currencies") == true, "\(reply.text)")
        #expect(session.workbook.scenario(named: "stretch")?.overrides.isEmpty == true)
    }
}
