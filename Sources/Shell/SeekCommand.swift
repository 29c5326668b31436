import Formula
import PlanEngine
import WhatIf

extension Command {
    static let seek: Command = Command(
        name: "seek",
        usage: ":seek TARGET = VALUE by INPUT [whole] [in LO..HI]",
        summary: "goal seek: set lead indicator INPUT so TARGET equals VALUE",
        details: "Like a spreadsheet's Goal Seek: :seek revenue = 50k by leads finds the lead count "
            + "that makes revenue $50,000 and sets leads to it, as one edit (:undo takes it back). "
            + "VALUE, LO and HI are expressions (50k, $2.4k, 20%). Without a range it searches "
            + "outward from the input's current value; `in 0..100%` keeps it between two values. "
            + "When no value gets there, it says why, shows the closest it came, and changes nothing. "
            + "The value is written as the shortest decimal that still meets VALUE to 15 significant "
            + "digits (420.875420875421, not 420.87542087542084); `by names whole` writes a whole number "
            + "instead: of the two around the answer, the one at which TARGET is at least VALUE. "
            + "TARGET is a cell or any expression with one value: on a plan with periods a series has none, so seek "
            + "total(revenue), average(revenue) or revenue[2027-12]. An INPUT that varies over time (leads = 120 * 1.05 ^ t) "
            + "becomes the one constant found, in every period it does not override (its overrides stay); "
            + "the edit says its formula is gone, and :undo restores it."
    ) { input, session, reply in
        let request: SeekRequest
        do throws(UsageError) {
            request = try SeekRequest(ArgumentText(input))
        } catch {
            return Command.seek.reject(error, &reply)
        }
        let outcome: SeekOutcome, report: SeekReport
        do throws(Diagnostic) {
            (outcome, report) = try request.seek(in: session.model)
        } catch {
            return reply.fail(error, in: input.line)
        }
        report.tell(outcome, session: session, reply: &reply)
    }
}

/// `:seek TARGET = VALUE by INPUT [whole] [in LO..HI]` cut into its pieces; a usage error saying what is
/// wrong when it is not that shape.
struct SeekRequest {
    let targetText: ArgumentText
    let value: ArgumentText
    let input: String
    let inputText: ArgumentText
    /// `by names whole`: the answer is a whole number.
    let isWhole: Bool
    let bounds: (low: ArgumentText, high: ArgumentText)?

    init(_ arguments: ArgumentText) throws(UsageError) {
        guard !arguments.isEmpty else { throw UsageError("seek wants a target, a value and an input") }
        guard let (equation, search) = arguments.split(atWord: "by", last: true) else {
            throw UsageError("seek wants 'by INPUT' after the value: the lead indicator to change")
        }
        guard let (target, value) = equation.split(atSymbol: "=") else {
            throw UsageError("seek wants '=' between the target and its value")
        }
        guard !target.isEmpty else { throw UsageError("seek wants a target before '='") }
        guard !value.isEmpty else { throw UsageError("seek wants a value after '='") }
        let (inputText, rounding) = (search.split(atWord: "in")?.before ?? search).splitFirstWord()
        guard let inputName = inputText.name else { throw UsageError("seek wants one lead indicator after 'by'") }
        guard rounding.isEmpty || rounding.text == "whole" else {
            throw UsageError("seek wants one lead indicator after 'by', then 'whole' or 'in LO..HI'")
        }
        isWhole = !rounding.isEmpty
        bounds = try search.split(atWord: "in")?.after.rangeEnds(for: "'in'")
        targetText = target
        self.value = value
        input = inputName
        self.inputText = inputText
    }

    /// Runs the seek on `model`; the report it comes with holds no copy of the model, so the
    /// edit it then makes changes the session's model in place (a copy kept alive would make
    /// it copy every array of a large model instead of changing one cell).
    func seek(in model: Model) throws(Diagnostic) -> (SeekOutcome, SeekReport) {
        let target = try targetText.whatIfTarget(in: model, verb: "seek")
        try checkInput(in: model)
        let goal = try value.number(in: model, what: "the value to reach")
        let bounds = try self.bounds.map { low, high throws(Diagnostic) in
            let lower = try low.number(in: model, what: "the low end")
            let upper = try high.number(in: model, what: "the high end")
            return min(lower, upper)...max(lower, upper)
        }
        let outcome = GoalSeek.seek(
            in: model, target: target, equals: goal, by: input, within: bounds, rounding: isWhole ? .whole : .shortestDecimal)
        return (outcome, SeekReport(request: self, target: target, goal: goal, bounds: bounds, model: model))
    }

    /// The input must exist; said with a caret under it when it does not.
    func checkInput(in model: Model) throws(Diagnostic) {
        if model[input] == nil { throw Diagnostic(model.noSuchCell(input), at: inputText.sourceRange) }
    }
}

/// What a goal seek came to, told the way a planner reads it, and the edit it makes.
struct SeekReport {
    let request: SeekRequest
    let target: WhatIfTarget
    let goal: Double
    let bounds: ClosedRange<Double>?
    /// How the input's and the target's values are written, taken before the edit.
    private let inputFormat: DisplayFormat
    private let targetFormat: DisplayFormat

    /// Keeps the formats it writes values in, not `model` (see ``SeekRequest/seek(in:)``).
    init(request: SeekRequest, target: WhatIfTarget, goal: Double, bounds: ClosedRange<Double>?, model: Model) {
        self.request = request
        self.target = target
        self.goal = goal
        self.bounds = bounds
        inputFormat = model.format(of: request.input)
        targetFormat = target.format(in: model)
    }

    func tell(_ outcome: SeekOutcome, session: Session, reply: inout Reply) {
        switch outcome {
        case .found(let value, _, _):
            apply(value, session: session, reply: &reply)
        case .failed(let failure):
            reply.fail(explanation(of: failure))
        }
    }

    /// Sets the input through the session's own edit path, so the reactive display, goal
    /// news and `:undo` treat it like a definition typed by hand.
    private func apply(_ value: Double, session: Session, reply: inout Reply) {
        guard let cell = session.model[request.input] else { return }
        // A series input (a growth formula, overrides) has no one value: it was its formula.
        let before = cell.isSeries ? cell.shownFormula : inputText(cell.value)
        let unchanged = cell.isSeries
            ? session.model.evaluateSeries(cell.expression) == [.number(value)] : cell.value == .number(value)
        if unchanged {
            reply.say("\(target.text) is already \(targetText(target.value(in: session.model)))"
                + " at \(request.input) = \(before); nothing changed")
            return
        }
        var effects = Reply(location: reply.location)
        guard session.perform(session.definitionEdit(GoalSeek.literal(value, like: cell)), reply: &effects) else {
            return reply.append(effects)
        }
        let reached = target.value(in: session.model)
        reply.say("found \(request.input) = \(inputText(.number(value))) (was \(before)):"
            + " \(target.text) = \(targetText(reached))")
        if !cell.overrides.isEmpty {
            let kept = cell.overrides.map { "\($0.targetText) = \($0.shownFormula)" }
            reply.say("(\(request.input) keeps its overrides: \(kept.joined(separator: ", ")))")
        }
        reply.append(effects)
    }

    private func explanation(of failure: SeekFailure) -> String {
        let target = self.target.text
        let input = request.input
        switch failure {
        case .unknownCell(let name):
            return "no cell named '\(name)'"
        case .inputNotLeadIndicator(let name):
            return "'\(name)' is a lag indicator (its formula uses other cells); seek by a lead indicator"
        case .targetIndependentOfInput:
            return "\(target) does not depend on \(input): no value of \(input) changes it"
        case .unreachable(let closest, let closestTarget, let searched):
            // Name the range searched: the one asked for, or the default the search stopped at.
            let range = bounds ?? searched
            let within = " in \(inputText(.number(range.lowerBound)))..\(inputText(.number(range.upperBound)))"
            return "no value of \(input)\(within) makes \(target) \(targetText(.number(goal))); "
                + "the closest is \(target) = \(targetText(.number(closestTarget))) at \(input) = \(inputText(.number(closest)))"
        case .targetIsError(let code):
            return "\(target) is \(code.rawValue) at every value of \(input) tried"
        }
    }

    private func inputText(_ value: Value) -> String {
        ValueFormatter.display(value, format: inputFormat)
    }

    private func targetText(_ value: Value) -> String {
        ValueFormatter.display(value, format: targetFormat)
    }
}
