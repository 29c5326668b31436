import Formula
import PlanEngine

/// The one currency of a workbook's money (see ``CurrencyMix``): a file whose literals mix
/// symbols does not load, and an input that would bring a second symbol in is refused.
extension Workbook {
    /// A definition an edit replaces: a cell of the base model (`scenario` nil) or a scenario's override.
    public struct ReplacedDefinition: Sendable {
        public let cell: String
        public let scenario: String?

        public init(cell: String, scenario: String?) {
            self.cell = cell
            self.scenario = scenario
        }
    }

    /// The symbol the workbook's currency literals use (base model, scenarios and goals), leaving
    /// out the definition `replaced`; nil when there are none.
    public func currency(replacing replaced: ReplacedDefinition? = nil) -> CurrencySymbol? {
        for cell in model.cellsInOrder where !(replaced?.scenario == nil && replaced?.cell == cell.name) {
            if let symbol = cell.expression.firstCurrencySymbol { return symbol }
        }
        for scenario in scenarios {
            for override in scenario.overrides
            where !(replaced?.scenario == scenario.name && replaced?.cell == override.name) {
                if let symbol = override.expression.firstCurrencySymbol { return symbol }
            }
        }
        for entry in goals {
            if let symbol = entry.goal.lhs.firstCurrencySymbol ?? entry.goal.rhs.firstCurrencySymbol { return symbol }
        }
        return nil
    }

    /// Errors at the currency literals of `expressions` (typed input, located in it) whose symbol
    /// is not the workbook's, once `replaced` is gone. Cheap when the input has no currency literal.
    public func currencyProblems(in expressions: [Expr], replacing replaced: ReplacedDefinition? = nil) -> [Diagnostic] {
        let literals = expressions.flatMap(\.currencyLiterals)
        guard !literals.isEmpty else { return [] }
        return CurrencyMix.problems(in: literals, currency: currency(replacing: replaced))
    }

    /// A file's mixed currency literals: the first one sets the currency, every other symbol is an
    /// error. `bytes` is the file `contents` were read from.
    static func currencyProblems(in contents: ModelReader.Contents, bytes: [UInt8]) -> [Diagnostic] {
        // A currency literal is written with its symbol: `$`, or a character beyond ASCII. Most
        // files have neither anywhere, and are let go after one pass over their bytes.
        let mayHaveCurrency = { (text: UnsafeBufferPointer<UInt8>) in text.contains { $0 == UInt8(ascii: "$") || $0 >= 0x80 } }
        guard bytes.withUnsafeBufferPointer(mayHaveCurrency) else { return [] }
        let definitionMayHaveCurrency = { (definition: Definition) in
            var formula = definition.formula
            return formula.withUTF8(mayHaveCurrency)
        }
        let expressions = contents.definitions.filter(definitionMayHaveCurrency).map(\.expression)
            + contents.scenarios.flatMap { $0.overrides.filter(definitionMayHaveCurrency).map(\.expression) }
            + contents.goals.flatMap { [$0.goal.lhs, $0.goal.rhs] }
        let literals = expressions.flatMap(\.currencyLiterals).sorted { $0.range.start < $1.range.start }
        return CurrencyMix.problems(in: literals, currency: nil)
    }
}
