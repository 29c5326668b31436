import Formula
import PlanEngine

/// Something about an edit a planner may not have meant, said next to the change with the way
/// back. The edit is still made: `win_rate = 40` on a cell that was `35%` may be a slip that makes
/// revenue 100× larger, or exactly what was meant.
///
/// Every surface says the same notes: the REPL and scripts through ``ChangeReport`` (a script's
/// with its file and line), `eval --set` as warnings on standard error.
public struct EditNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A new cell one slip of the keyboard from a cell the model has: `did you mean leads?`.
        case possibleTypo(of: String)
        /// A number in another format typed into a percent or currency cell; `suggestion` is the
        /// literal that keeps the format (`40%`), `previous` the formula before.
        case formatDropped(was: DisplayFormat, suggestion: String, previous: String)
        /// A constant typed over a lag indicator, or over a formula that varies over time: that formula is gone.
        case formulaReplaced(String)
        /// Every period the edit sets holds an actual of the cell (`periods`, and the actual's value
        /// when it is one period): the actuals stay, so the edit moves only the plan there, which
        /// `:variance` compares with them, and no value the model shows changes.
        case heldByActuals(periods: String, actual: String?)
    }

    public let cell: String
    public let kind: Kind

    /// Said beside the cell's own line of the change display, `(new; did you mean leads?)`,
    /// rather than as a line of its own.
    var isLabel: Bool {
        if case .possibleTypo = kind { return true }
        return false
    }

    /// What happened, without the way back: `revenue was wins * deal_value; it is now a fixed value`.
    public var message: String {
        switch kind {
        case .possibleTypo(let known):
            "did you mean \(known)?"
        case .formatDropped(let format, let suggestion, _):
            "\(cell) was \(format == .percent ? "a percent" : "currency"): did you mean \(suggestion)?"
        case .formulaReplaced(let formula):
            "\(cell) was \(formula); it is now a fixed value"
        case .heldByActuals(let periods, let actual?):
            "\(cell) has an actual in \(periods) (\(actual)), which stays: the edit changes only the plan there (:variance compares the two)"
        case .heldByActuals(let periods, nil):
            "\(cell) has actuals in \(periods), which stay: the edit changes only the plan there (:variance compares the two)"
        }
    }

    /// The message with the way back in a session, where `:undo` takes the edit back.
    var messageWithUndo: String {
        switch kind {
        case .possibleTypo: message
        case .formatDropped(_, _, let previous): message + " (:undo restores \(previous))"
        case .formulaReplaced: message + " (:undo restores it)"
        case .heldByActuals: message
        }
    }

    /// The notes for giving `definition` to a cell of `model`, the model as it is before the edit.
    public static func notes(defining definition: Definition, in model: Model) -> [EditNote] {
        let name = definition.name
        guard let old = model[name] else {
            guard model.dependents(of: name).isEmpty,
                  let known = NameSuggestion.oneEditAway(from: name, among: model.names) else { return [] }
            return [EditNote(cell: name, kind: .possibleTypo(of: known))]
        }
        var notes = heldByActuals(definition, old, in: model).map { [$0] } ?? []
        // Only a constant can be a slip of format or drop a formula; a new formula is a new formula.
        guard definition.expression.referencedNames.isEmpty else { return notes }
        // A formula over time (`120 * 1.05 ^ t`) gives way to one value as a lag indicator's formula does.
        let variedOverTime = definition.periods == nil && old.isLeadIndicator && model.evaluateSeries(old.expression).count > 1
            && model.evaluateSeries(definition.expression).count == 1
        if !old.isLeadIndicator || variedOverTime {
            notes.append(EditNote(cell: name, kind: .formulaReplaced(old.formula)))
        }
        let format = model.format(of: definition.expression)
        if old.format == .percent || old.format.isCurrency, format != old.format, format != .boolean,
           // A formula over time has no one literal to suggest (`0.1 + 0.01 * t` is not 10%).
           case let values = model.evaluateSeries(definition.expression), values.count == 1, case .number(let value) = values[0],
           let suggestion = literal(value, keeping: old.format) {
            notes.append(EditNote(cell: name, kind: .formatDropped(was: old.format, suggestion: suggestion, previous: old.formula)))
        }
        return notes
    }

    /// The note for an edit of `cell` whose every period holds one of its actuals; nil otherwise.
    static func heldByActuals(_ definition: Definition, _ cell: Cell, in model: Model) -> EditNote? {
        let timeline = model.timeline
        guard !cell.actuals.isEmpty,
              let first = definition.periods.map({ timeline.index(of: $0.first.period) }) ?? 0,
              let last = definition.periods.map({ timeline.index(of: $0.last.period) }) ?? timeline.count - 1,
              (first...last).allSatisfy({ cell.actuals[$0] != nil }) else { return nil }
        let periods = first == last ? "\(timeline.periods[first])" : "\(timeline.periods[first]) .. \(timeline.periods[last])"
        let actual = first == last ? cell.actuals[first].map { ValueFormatter.display(.number($0), format: cell.format) } : nil
        return EditNote(cell: definition.name, kind: .heldByActuals(periods: periods, actual: actual))
    }

    /// `40%` for 40 (and for 0.4, which already is 40%), `$40` (or `€40`) for 40: the number as it
    /// would have been typed in the cell's format.
    private static func literal(_ value: Double, keeping format: DisplayFormat) -> String? {
        guard let digits = DecimalDigits(value) else { return nil }
        switch format {
        case .percent:
            return (abs(value) < 1 ? digits.shifted(by: 2) : digits).literalText + "%"
        case .currency(let symbol):
            let magnitude = digits.literalText.drop { $0 == "-" }
            return (value < 0 ? "-" : "") + symbol.rawValue + magnitude
        case .number, .boolean:
            return nil
        }
    }
}

extension Session {
    /// The notes for `edit` on the model shown, before it is applied. Its own function so the
    /// copy of the model it reads is gone before the edit changes the model in place.
    func notes(for edit: Edit) -> [EditNote] {
        let model = self.model
        switch edit {
        case .define(let definition, _, _, _), .override(_, _, let definition?, _):
            return EditNote.notes(defining: definition, in: model)
        case .setOverride(let definition, _):
            return model[definition.name].flatMap { EditNote.heldByActuals(definition, $0, in: model) }.map { [$0] } ?? []
        default:
            return []
        }
    }
}
