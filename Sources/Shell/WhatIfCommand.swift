import Formula
import ModelFile
import PlanEngine
import WhatIf

extension Command {
    static let whatIf: Command = Command(
        name: "what-if",
        usage: ":what-if NAME = EXPR[, NAME = EXPR…]",
        summary: "what some definitions would change, without making them",
        details: "Shows what a definition would print, old → new, but changes nothing: "
            + ":what-if win_rate = 40%, deal_value = $3k. Separate definitions with commas "
            + "(commas inside parentheses belong to a function call: x = min(a, b)). "
            + "On a plan with periods a definition may set some periods (leads[2027-03] = 250), and each series "
            + "that would change shows as after an edit: that period, or its total (last for a level), and a sparkline."
    ) { input, session, reply in
        let arguments = ArgumentText(input)
        guard !arguments.isEmpty else { return Command.whatIf.rejectArguments(&reply) }
        var definitions: [(definition: Definition, piece: ArgumentText)] = []
        for piece in arguments.split(at: UInt8(ascii: ",")) {
            switch proposedDefinition(piece, in: session) {
            case .failure(let diagnostic): return reply.fail(diagnostic, in: input.line)
            case .success(let definition):
                // Two values for one cell would quietly keep the last: say so instead.
                if definitions.contains(where: { $0.definition.target == definition.target }) {
                    return reply.fail(Diagnostic("'\(definition.targetText)' is given twice", at: piece.sourceRange), in: input.line)
                }
                definitions.append((definition, piece))
            }
        }
        switch WhatIfPreview.preview(session.model, edits: definitions.map(\.definition)) {
        case .failure(let error):
            // A cycle names the cells on it: point at the first definition that is one of them.
            var culprit = definitions[0].piece
            if case .cycle(let path) = error, let match = definitions.first(where: { path.contains($0.definition.name) }) {
                culprit = match.piece
            }
            reply.fail(Diagnostic(error.description, at: culprit.sourceRange), in: input.line)
        case .success(let changes):
            reply.say(changes.isEmpty ? ["no values would change"]
                : ChangeReport.lines(for: changes, colorizer: session.colorizer, width: session.width,
                                     periods: session.model.timeline.periods.map(\.description), unicode: session.isUnicode))
            reply.say("(what-if only: nothing was changed)")
            // The same notes the edit itself would get, without a way back: nothing was made.
            for note in definitions.flatMap({ EditNote.notes(defining: $0.definition, in: session.model) }) {
                reply.warn(note.message)
            }
        }
    }

    /// One `NAME = EXPR` of a what-if, for a cell the model has (or one that other cells wait for).
    private static func proposedDefinition(_ piece: ArgumentText, in session: Session) -> Result<Definition, Diagnostic> {
        let model = session.model
        let statement: Statement
        let expected = Diagnostic("expected a definition, NAME = EXPR", at: piece.sourceRange)
        if piece.isEmpty { return .failure(expected) }
        switch piece.statement() {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let parsed): statement = parsed
        }
        // `leads[2027-03] = 200` sets some periods; its formula starts after the `]`.
        let name: String
        let nameRange: SourceRange
        let formulaStart: SourceRange
        let expression: Expr
        var periods: PeriodSpan?
        switch statement {
        case .definition(let defined, let range, let formula):
            (name, nameRange, formulaStart, expression) = (defined, range, range, formula)
        case .override(let defined, let range, let span, let formula):
            let bracket = piece.line[range.end...].firstIndex(of: UInt8(ascii: "]")) ?? range.end
            (name, nameRange, expression, periods) = (defined, range, formula, span)
            formulaStart = SourceRange(start: bracket, end: bracket + 1)
        default:
            return .failure(expected)
        }
        guard model[name] != nil || !model.dependents(of: name).isEmpty else {
            return .failure(Diagnostic(model.noSuchCell(name), at: nameRange))
        }
        let replaced = Workbook.ReplacedDefinition(cell: name, scenario: session.activeScenario)
        if let problem = session.workbook.currencyProblems(in: [expression], replacing: replaced).first {
            return .failure(problem)
        }
        let formula = FormulaText.after(formulaStart, in: Array(piece.line[..<piece.range.upperBound]))
        do throws(Diagnostic) {
            return .success(RelativeEdit.resolve(try Definition(name: name, formula: formula, periods: periods), in: model))
        } catch {
            return .failure(Diagnostic(error.message, at: expression.range))
        }
    }
}
