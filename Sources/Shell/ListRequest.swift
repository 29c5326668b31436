import Formula
import PlanEngine

/// `:list [lead | lag] [PERIOD [.. PERIOD]]` cut into the kind of cells to list and the periods
/// to show; a usage error saying what is wrong when it is not that shape.
struct ListRequest {
    /// Which kinds to list, in order: true for lead indicators, false for lag indicators.
    let kinds: [Bool]
    /// `2027-07 .. 2027-12` as typed; nil for every period.
    let periods: ArgumentText?

    init(_ arguments: ArgumentText) throws(UsageError) {
        let (word, rest) = arguments.splitFirstWord()
        switch word.text {
        case "": (kinds, periods) = ([true, false], nil)
        case "lead", "leads": (kinds, periods) = ([true], rest.isEmpty ? nil : rest)
        case "lag", "lags": (kinds, periods) = ([false], rest.isEmpty ? nil : rest)
        case let text where text.first?.isNumber == true: (kinds, periods) = ([true, false], arguments)
        default: throw UsageError("list shows lead or lag indicators, not '\(arguments.text)'")
        }
    }

    /// The indexes of the periods asked for, nil for all; an error at the periods when they
    /// do not parse, lie outside the plan, or the model has none.
    func periodIndexes(in timeline: Timeline) throws(Diagnostic) -> ClosedRange<Int>? {
        guard let periods else { return nil }
        guard timeline.hasPeriods else {
            throw Diagnostic("the model has no periods: :list shows the one value of each cell", at: periods.sourceRange)
        }
        let span: PeriodSpan
        switch periods.periodSpan() {
        case .failure(let diagnostic): throw diagnostic
        case .success(let parsed): span = parsed
        }
        guard let first = timeline.index(of: span.first.period) else {
            throw Diagnostic(Timeline.outside(span.first.period, of: timeline), at: span.first.range)
        }
        guard let last = timeline.index(of: span.last.period) else {
            throw Diagnostic(Timeline.outside(span.last.period, of: timeline), at: span.last.range)
        }
        return first...last
    }
}
