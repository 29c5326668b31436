import Formula

extension Model {
    /// Applies a scenario's overrides to this (base) model, recomputing what they reach.
    ///
    /// In an override the cell's own name means its value in the base model, so
    /// `[scenario growth]` with `leads = leads * 1.1` is 10% more leads than the base has, and
    /// follows the base when it changes. The override's text stays as written; only what is
    /// evaluated has the base formula in place of the name.
    @discardableResult
    public mutating func applyOverrides(_ overrides: [Definition]) throws(ModelError) -> [CellChange] {
        let resolved = overrides.map { override in
            guard override.expression.referencedNames.contains(override.name), let base = self[override.name] else {
                return override
            }
            let operand = Definition.operand(base.formula, of: base.expression)
            return override.replacingReferences(to: override.name, with: operand) ?? override
        }
        return try define(all: resolved)
    }
}
