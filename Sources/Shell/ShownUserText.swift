import Formula
import ModelFile
import PlanEngine

// The person's own text (a formula, a goal) as lists, tables and messages show it: control
// characters escaped (``VisibleText``). The lexer takes a carriage return inside a line as a
// blank, so a formula can hold one; the file keeps the text as typed, only the screen differs.

extension Cell {
    public var shownFormula: String { VisibleText.escaping(formula) }
}

extension Definition {
    var shownFormula: String { VisibleText.escaping(formula) }
}

extension GoalEntry {
    var shownText: String { VisibleText.escaping(text) }
}
