import Formula
import Testing

/// A model keeps to one currency symbol; the literal that breaks with it is an error at its symbol.
@Suite struct CurrencyMixTests {
    @Test func literalsAreFoundInSourceOrderWithTheirRanges() throws {
        let expr = try Parser.parseExpression("€5 + max(£2, 3) * $1").get()
        #expect(expr.currencyLiterals.map(\.symbol) == [.euro, .pound, .dollar])
        #expect(expr.currencyLiterals.map(\.range) == [
            SourceRange(start: 0, end: 4), SourceRange(start: 11, end: 14), SourceRange(start: 21, end: 23),
        ])
        #expect(expr.firstCurrencySymbol == .euro)
        #expect(try Parser.parseExpression("leads * 15%").get().firstCurrencySymbol == nil)
    }

    @Test func theFirstSymbolSetsTheCurrencyWhenTheModelHasNone() throws {
        let source = "€5 + $1"
        let problems = CurrencyMix.problems(in: try Parser.parseExpression(source).get().currencyLiterals, currency: nil)
        #expect(problems.map { rendered($0, in: source) } == ["""
            input:1:6: error: '$' mixes currencies: this model's money is in €
            €5 + $1
                 ^
            """])
    }

    @Test func theModelsCurrencyDecides() throws {
        let source = "x = €2400"
        guard case .definition(_, _, let expr) = try Parser.parseStatement(source).get() else {
            Issue.record("not a definition")
            return
        }
        let problems = CurrencyMix.problems(in: expr.currencyLiterals, currency: .dollar)
        #expect(problems.map { rendered($0, in: source) } == ["""
            input:1:5: error: '€' mixes currencies: this model's money is in $
            x = €2400
                ^
            """])
        #expect(CurrencyMix.problems(in: expr.currencyLiterals, currency: .euro).isEmpty)
    }
}
