import Formula
import Testing
@testable import ModelFile

/// A file in euros or pounds loads, shows its symbol and saves as written; one that mixes
/// symbols does not load, with the error at each literal that breaks with the first.
@Suite struct CurrencyFileTests {
    static let euroPlan = "leads = 120\ndeal = €2.4k   # per month\nrevenue = leads * deal\ngoal revenue >= €50k\n"

    @Test func aEuroModelShowsEurosAndSavesByteIdentical() throws {
        let workbook = try parse(Self.euroPlan)
        let revenue = try #require(workbook.model["revenue"])
        #expect(ValueFormatter.display(revenue.value, format: revenue.format) == "€288,000")
        #expect(workbook.render() == Self.euroPlan)
        #expect(workbook.currency() == .euro)
    }

    @Test func mixedSymbolsAreAnErrorAtEachLiteralAfterTheFirst() {
        let text = "price = £5\ncost = $2 + £1\n[scenario s]\nprice = €6\n"
        guard case .failure(let failure) = Workbook.parse(text, path: "mixed.model") else {
            Issue.record("a model mixing £, $ and € loaded")
            return
        }
        #expect(failure.messages == [
            "mixed.model:2:8: error: '$' mixes currencies: this model's money is in £\ncost = $2 + £1\n       ^",
            "mixed.model:4:9: error: '€' mixes currencies: this model's money is in £\nprice = €6\n        ^",
        ])
    }

    @Test func aGoalInAnotherCurrencyIsAnError() {
        guard case .failure(let failure) = Workbook.parse("revenue = $5\ngoal revenue >= €5\n", path: "g.model") else {
            Issue.record("a goal in euros loaded into a dollar model")
            return
        }
        #expect(failure.messages.first?.hasPrefix("g.model:2:17: error: '€' mixes currencies") == true)
    }

    @Test func theCurrencyLeavesOutTheDefinitionAnEditReplaces() throws {
        let workbook = try parse("deal = $5\nleads = 3\n[scenario s]\nleads = 4\n")
        #expect(workbook.currency() == .dollar)
        #expect(workbook.currency(replacing: .init(cell: "deal", scenario: nil)) == nil)
        #expect(workbook.currency(replacing: .init(cell: "deal", scenario: "s")) == .dollar)
    }
}
