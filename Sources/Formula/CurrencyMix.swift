/// Keeps a model's money in one currency. Nothing converts euros into dollars, so a model whose
/// literals mix `$` and `€` would add amounts that cannot be added: the literal that breaks
/// with the model's currency is a located error instead.
///
///     plan.model:7:14: error: '€' mixes currencies: this model's money is in $ (line 3 on)
public enum CurrencyMix {
    /// A currency literal: its symbol and where it is written.
    public typealias Literal = (symbol: CurrencySymbol, range: SourceRange)

    /// The literals whose symbol differs from `currency`, the model's own, or when that is nil from
    /// the first literal's, each as an error at the literal. `literals` are in source order.
    public static func problems(in literals: [Literal], currency: CurrencySymbol?) -> [Diagnostic] {
        guard let established = currency ?? literals.first?.symbol else { return [] }
        return literals.filter { $0.symbol != established }.map { literal in
            Diagnostic(
                "'\(literal.symbol.rawValue)' mixes currencies: this model's money is in \(established.rawValue)",
                at: SourceRange(start: literal.range.start, end: literal.range.start + literal.symbol.rawValue.utf8.count))
        }
    }
}

extension Expr {
    /// Every currency literal (`$2400`, `€2.4k`) with its range, in source order.
    public var currencyLiterals: [CurrencyMix.Literal] {
        var literals: [CurrencyMix.Literal] = []
        forEachNodeInSourceOrder { node in
            if case .number(_, .currency(let symbol), let range) = node { literals.append((symbol, range)) }
        }
        return literals
    }

    /// The symbol of the first currency literal, nil when there is none.
    public var firstCurrencySymbol: CurrencySymbol? {
        var found: CurrencySymbol?
        forEachNodeInSourceOrder { node in
            if found == nil, case .number(_, .currency(let symbol), _) = node { found = symbol }
        }
        return found
    }
}
