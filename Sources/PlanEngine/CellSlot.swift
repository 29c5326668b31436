import Formula

/// What a defined cell holds besides its value and its program: its formula, and its overrides
/// and actuals when it has any.
///
/// A model keeps one slot per cell. The cell's name is the store's (kept once, by id), and most
/// cells have neither overrides nor actuals, so those two are kept behind one pointer, nil for a
/// plain cell: the slot is a formula, its parse and a word. What the cell references is kept by the
/// store (``PackedLists``), and how it reads it (through `prev`, across the plan) is read from its
/// program.
struct CellSlot: Sendable {
    private let formula: String
    let expression: Expr
    private let rarer: RarerParts?

    /// `formula` and `expression` are a cell's own formula, its text and its parse (an override is
    /// one of `overrides`): taken apart, not as a ``Definition``, whose name and periods a slot would
    /// copy only to drop them.
    init(formula: String, expression: Expr, overrides: [Definition], actuals: [Int: Double]) {
        self.formula = formula
        self.expression = expression
        rarer = overrides.isEmpty && actuals.isEmpty ? nil : RarerParts(overrides: overrides, actuals: actuals)
    }

    /// The cell's definition, under its name.
    func definition(named name: String) -> Definition {
        Definition(name: name, formula: formula, expression: expression)
    }

    /// Overrides of some periods, in the order given (a later one wins where two overlap).
    var overrides: [Definition] { rarer?.overrides ?? [] }

    /// What really happened, by period index: in those periods the value is the actual, not the plan's.
    var actuals: [Int: Double] { rarer?.actuals ?? [:] }

    /// The parts few cells have, shared between copies of the slot (they are never changed in place:
    /// a new set of overrides is a new slot).
    private final class RarerParts: Sendable {
        let overrides: [Definition]
        let actuals: [Int: Double]

        init(overrides: [Definition], actuals: [Int: Double]) {
            self.overrides = overrides
            self.actuals = actuals
        }
    }
}
