import Formula
import PlanEngine

/// What a goal seek or a sensitivity table reads: one cell (`revenue`) or any expression that
/// gives one value (`total(revenue)`, `revenue[2027-12]`, `wins * 2`).
///
/// On a plan with periods a series has no single value, so a target must be single-valued;
/// ``seriesProblem(in:verb:)`` says so before any work is done. Nothing tried afterwards can make
/// it one: whether a cell varies over time follows from its formula and from what it reads, and a
/// seek or a table only sets an input to one constant, so a search can make cells stop varying but
/// never start. ``value(in:)`` still reads `#VALUE!` for a series, never its first period.
public struct WhatIfTarget: Sendable, Equatable {
    /// The target as typed, for messages: `total(revenue)`.
    public let text: String
    public let expression: Expr

    public init(text: String, expression: Expr) {
        self.text = text
        self.expression = expression
    }

    /// The target that is cell `name` itself.
    public static func cell(_ name: String) -> WhatIfTarget {
        WhatIfTarget(text: name, expression: .name(name, SourceRange(start: 0, end: name.utf8.count)))
    }

    /// The cell the target is, when it is a plain name (not `t` or `month`).
    public var cellName: String? {
        guard case .name(let name, _) = expression, !ReservedWords.referenceable.contains(name) else { return nil }
        return name
    }

    /// The target's one value on `model`; `#VALUE!` where it varies over the periods.
    public func value(in model: Model) -> Value {
        // A cell read directly costs no compile: a table reads it at every point.
        if let cellName, !model.isSeries(cellName) { return model.value(of: cellName) }
        let values = model.evaluateSeries(expression)
        return values.count == 1 ? values[0] : .error(.value)
    }

    public func format(in model: Model) -> DisplayFormat { model.format(of: expression) }

    /// The first name the target uses that `model` does not define.
    public func undefinedName(in model: Model) -> String? {
        expression.referencedNames.first { model[$0] == nil }
    }

    /// Whether changing `input` can change the target.
    public func depends(on input: String, in model: Model) -> Bool {
        expression.referencedNames.contains { model.depends($0, on: input) }
    }

    /// Why the target cannot be sought or tabled on `model`, nil when it is single-valued:
    /// `revenue is a series over 2027-01 .. 2027-12: seek total(revenue), average(revenue) or revenue[2027-12]`.
    /// `verb` is the command's name, as the fix is typed after it.
    public func seriesProblem(in model: Model, verb: String) -> String? {
        guard model.evaluateSeries(expression).count > 1, let last = model.timeline.periods.last else { return nil }
        let over = "\(text) is a series over \(model.timeline.description)"
        guard let cellName else { return "\(over): \(verb) one value of it, such as total(\(text)) or average(\(text))" }
        return "\(over): \(verb) total(\(cellName)), average(\(cellName)) or \(cellName)[\(last)]"
    }
}
