import Formula
import ModelFile
import PlanEngine
import TextLayout
import WhatIf

/// The REPL without a terminal: the workbook, the edit history and the display
/// settings, and ``handle(_:at:)``, which runs one line of input and returns
/// what to print.
///
/// The terminal loop, `leadlag run` and piped input all feed lines through the
/// same `handle`, so a script behaves exactly like the same lines typed by hand.
/// A line is one of:
/// - blank: nothing; a `#` comment: kept for the file when typed, nothing in a script;
/// - any of these after a pasted prompt (`leadlag> leads = 150`): the same as without it;
/// - `:command arguments`: a command from ``Command/table``;
/// - `goal revenue >= 50k`: a goal to track;
/// - `name = expression`: a definition, answered with every value that moved;
/// - anything else: an expression, answered with its value.
public final class Session {
    var plan: PlanState
    /// The base model with the active scenario's overrides, kept while a scenario is shown.
    var scenarioModel: Model?
    var history = EditHistory()
    /// The last `:simulate`, which `:assert` readings such as `p10(revenue)` use.
    var lastSimulation: SimulationRecord?
    public var colorizer: Colorizer
    /// Columns that tables must fit in; nil for no limit (output to a pipe or a file).
    public var width: Int?
    /// Whether charts and sparklines may use Unicode block and braille characters; ASCII
    /// stand-ins otherwise (a locale that is not UTF-8, see ``UnicodeOutput``).
    public var isUnicode = true
    /// The shell command `:edit` runs on the model's file ($VISUAL, else $EDITOR); nil for none.
    public var editor: String?
    /// Polled by long commands (`:table`) between steps: true means stop (Ctrl-C at a terminal).
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Asks the person at the terminal what to do with unsaved changes (given the model's
    /// file, nil for a new model); nil when nobody can be asked (scripts, piped input).
    var askAboutUnsavedChanges: ((String?) -> UnsavedChangesAnswer)?

    public init(workbook: Workbook = Workbook(), colorizer: Colorizer = .plain, width: Int? = nil) {
        plan = PlanState(workbook: workbook)
        self.colorizer = colorizer
        self.width = width
    }

    /// The file's contents: the base model, goals and scenarios.
    public internal(set) var workbook: Workbook {
        get { plan.workbook }
        set { plan.workbook = newValue }
    }

    /// The model everything shows, evaluates and searches: the base model, or the base
    /// model with the active scenario's overrides.
    public var model: Model { scenarioModel ?? plan.workbook.model }

    /// The scenario shown; nil for the base model.
    public var activeScenario: String? { plan.activeScenario }

    public var hasUnsavedChanges: Bool { workbook.hasUnsavedChanges }

    /// The names completion offers: the cells of the model as it is now.
    public var cellNames: [String] { model.names }

    /// Runs one line of input. `location` names the script file and line, which
    /// error messages then carry; nil for a line typed at the REPL.
    public func handle(_ typed: String, at location: InputLocation? = nil) -> Reply {
        var reply = Reply(location: location)
        // A cell named leadlag makes `leadlag> 5` a comparison, not a pasted prompt.
        let line = model["leadlag"] == nil ? PastedPrompt.strippingPrompt(from: typed) ?? typed : typed
        let content = line.trimmingBlanks()
        if content.isEmpty { return reply }
        if let lineBreak = Self.lineBreakInside(line) {
            // The file would read such a line as two: refused, so what is saved loads back as typed.
            reply.fail(Diagnostic("a line break inside the line: type one line at a time",
                                  at: SourceRange(start: lineBreak, end: lineBreak + 1)), in: line)
            return reply
        }
        if content.hasPrefix("#") {
            // Typed at the REPL, a comment is part of the model; in a script it is the script's own.
            if location == nil { perform(.addComment(content), reply: &reply) }
            return reply
        }
        if Self.bareCommands.contains(content), model[content] == nil {
            // `quit`, `exit` and `help` alone, as psql and sqlite3 take them, unless a cell has the name.
            runCommand(in: ":" + content, reply: &reply)
        } else if content.hasPrefix(":") {
            runCommand(in: line, reply: &reply)
        } else {
            runStatement(line, reply: &reply)
        }
        return reply
    }

    /// The byte offset of a carriage return or line feed before the line's trailing blanks, if any.
    private static func lineBreakInside(_ line: String) -> Int? {
        var bytes = Array(line.utf8)
        while let last = bytes.last, last.isBlankByte || last == UInt8(ascii: "\n") { bytes.removeLast() }
        return bytes.firstIndex { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
    }

    /// Words that run the command of that name when typed alone.
    private static let bareCommands: Set = ["quit", "exit", "help"]

    private func runCommand(in line: String, reply: inout Reply) {
        guard let input = CommandInput(line: line) else { return }
        guard let command = Command.named(input.name) else {
            reply.failWithHint(Command.unknown(input.name))
            return
        }
        command.run(input, self, &reply)
    }

    private func runStatement(_ line: String, reply: inout Reply) {
        let bytes = Array(line.utf8)
        let statement = Parser.parseStatement(bytes[...])
        if case .success(let parsed) = statement, let problem = parsed.periodProblem(in: model.timeline) {
            return reply.fail(problem, in: line)
        }
        switch statement {
        case .failure(let diagnostic):
            reply.fail(diagnostic, in: line)
        case .success(.periods(let span)):
            addPeriods(span, typed: line, reply: &reply)
        case .success(.override(let name, let nameRange, let periods, let expression)):
            let bracketEnd = bytes[nameRange.end...].firstIndex(of: UInt8(ascii: "]")) ?? nameRange.end
            define(name, formula: FormulaText.after(SourceRange(start: bracketEnd, end: bracketEnd), in: bytes),
                   typed: expression, comment: FormulaText.comment(in: bytes), line: line, periods: periods, reply: &reply)
        case .success(.expression(let expression)):
            guard currencyAgrees([expression], in: line, reply: &reply) else { return }
            switch SimulationReadings.resolve(expression, in: line, session: self)
                .flatMap({ PlanReadings.resolve($0, in: line, model: model) }) {
            case .failure(let diagnostic): reply.fail(diagnostic, in: line)
            case .success(let resolved): show(resolved, reply: &reply)
            }
        case .success(.goal(let goal)):
            guard currencyAgrees([goal.lhs, goal.rhs], in: line, reply: &reply) else { return }
            let text = line.utf8Slice(SourceRange(start: goal.lhs.range.start, end: goal.rhs.range.end)) ?? line
            perform(.addGoal(GoalEntry(text: text, goal: goal)), reply: &reply)
        case .success(.definition(let name, let nameRange, let expression)):
            define(name, formula: FormulaText.after(nameRange, in: bytes), typed: expression,
                   comment: FormulaText.comment(in: bytes), line: line, reply: &reply)
        case .success(.actual(let name, let nameRange, let period, let value, _)):
            guard model[name] != nil else {
                return reply.fail(Diagnostic(ModelError.undefinedCell(name).description, at: nameRange), in: line)
            }
            recordActuals([ActualChange(name: name, period: period.period, value: value)],
                          summary: "actual \(name)[\(period.period)] = \(ValueFormatter.display(.number(value), format: model.format(of: name)))",
                          reply: &reply)
        }
    }

    /// False, with the error at the literal, when `expressions` (located in `line`) bring a second
    /// currency symbol into the model; `replaced` is the definition the input takes the place of.
    func currencyAgrees(
        _ expressions: [Expr], replacing replaced: Workbook.ReplacedDefinition? = nil, in line: String,
        reply: inout Reply
    ) -> Bool {
        guard let problem = workbook.currencyProblems(in: expressions, replacing: replaced).first else { return true }
        reply.fail(problem, in: line)
        return false
    }

    /// Prints an expression's value; on a plan with periods, a series as `:show` gives a cell's:
    /// its values, its total (last for a level: through `prev`, or a running total) and a sparkline. In a script
    /// an error value (in any period) is an evaluation error (SPEC §6: exit 1); at the terminal it is
    /// simply the answer.
    private func show(_ expression: Expr, reply: inout Reply) {
        let model = self.model
        let values = model.evaluateSeries(expression)
        let format = model.format(of: expression)
        if values.count > 1 {
            let isStock = if case .name(let name, _) = expression { model[name]?.isStock ?? false } else {
                expression.isRunningTotal
            }
            var table = TextTable(
                columns: [TextColumn(), TextColumn(isShrinkable: true, minimumWidth: 10)], showsHeader: false)
            let measure = SeriesMeasure(isStock: isStock, format: format)
            for row in SeriesDisplay.seriesRows(values, format: format, measure: measure, in: model, unicode: isUnicode) {
                table.addRow(row)
            }
            reply.say(table.render(width: width))
        } else {
            reply.say(ValueFormatter.display(values[0], format: format))
        }
        for warning in model.undefinedUseWarnings(in: expression) { reply.warn(warning) }
        guard reply.location != nil, let failing = values.indices.first(where: { values[$0].error != nil }),
              let code = values[failing].error else { return }
        let period = values.count > 1 ? " in \(model.timeline.periods[failing])" : ""
        reply.fail("the expression evaluates to \(code.rawValue)\(period)")
    }

    /// `typed` is the formula as parsed from `line`, for errors that point into it; `periods`, for
    /// an override (`leads[2027-03] = 150`), the periods it sets.
    private func define(
        _ name: String, formula: String, typed: Expr, comment: String?, line: String, periods: PeriodSpan? = nil,
        reply: inout Reply
    ) {
        let definition: Definition
        do throws(Diagnostic) {
            definition = try Definition(name: name, formula: formula, periods: periods)
        } catch {
            // The statement parsed as a whole, so this is not expected; still report it, never crash.
            reply.fail(error.message)
            return
        }
        let edit = definitionEdit(RelativeEdit.resolve(definition, in: model), comment: comment)
        let replaced: Workbook.ReplacedDefinition? = switch edit {
        case .override(_, let scenario, _, _): Workbook.ReplacedDefinition(cell: name, scenario: scenario)
        default: Workbook.ReplacedDefinition(cell: name, scenario: nil)
        }
        guard currencyAgrees([typed], replacing: replaced, in: line, reply: &reply) else { return }
        perform(edit, reply: &reply)
        if let scenario = plan.activeScenario, case .define = edit, !reply.failed {
            reply.say("(changed the base model, not scenario \(scenario): scenarios override lead indicators only)")
        }
    }

    /// The edit that gives a cell `definition`, remembering what undo needs. While a scenario
    /// is shown, a lead indicator of the base model (or a cell the scenario already overrides)
    /// is set in the scenario, so the file's base model stays as it was; any other definition
    /// changes the base model. Its own function so no copy of the model outlives it: one alive
    /// during the edit would make the edit copy the model.
    ///
    /// `comment` is the spaces and `# comment` typed after the formula, which the cell's file
    /// line then gets (a scenario override takes none).
    func definitionEdit(_ definition: Definition, comment: String? = nil) -> Edit {
        if let name = plan.activeScenario, let scenario = workbook.scenario(named: name) {
            let previous = scenario.overrides.first { $0.target == definition.target }
            if previous != nil || workbook.model[definition.name]?.isLeadIndicator == true {
                return .override(name: definition.name, in: name, to: definition, previous: previous)
            }
        }
        let model = workbook.model
        if let periods = definition.periods {
            let previous = model[definition.name]?.overrides.first { $0.periods?.periods == periods.periods }
            return .setOverride(definition, previous: previous)
        }
        let previous = model[definition.name].map {
            Definition(name: $0.name, formula: $0.formula, expression: $0.expression)
        }
        let change = comment.map { CommentChange(new: $0, old: workbook.trailingText(of: definition.name)) }
        return .define(
            definition, previous: previous, position: model.position(of: definition.name) ?? model.count, comment: change)
    }
}

/// A command line split into its name and arguments, keeping where the arguments
/// start so a diagnostic in them can point into the line as typed (see ``ArgumentText``).
struct CommandInput: Sendable {
    /// Without the colon.
    let name: String
    /// The text after the name, without surrounding blanks.
    let arguments: String
    /// The whole line as typed.
    let line: String
    /// UTF-8 offset of `arguments` in `line`.
    let argumentsOffset: Int

    init?(line: String) {
        let bytes = Array(line.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var nameEnd = colon + 1
        while nameEnd < bytes.count, !bytes[nameEnd].isBlankByte { nameEnd += 1 }
        var argumentsStart = nameEnd
        while argumentsStart < bytes.count, bytes[argumentsStart].isBlankByte { argumentsStart += 1 }
        var argumentsEnd = bytes.count
        while argumentsEnd > argumentsStart, bytes[argumentsEnd - 1].isBlankByte { argumentsEnd -= 1 }
        name = String(decoding: bytes[(colon + 1)..<nameEnd], as: UTF8.self)
        arguments = String(decoding: bytes[argumentsStart..<argumentsEnd], as: UTF8.self)
        self.line = line
        argumentsOffset = argumentsStart
    }
}

/// The formula of a definition line as written: after the `=`, before any comment.
enum FormulaText {
    /// The spaces and `# comment` after the formula of a typed definition, nil without a comment.
    static func comment(in bytes: [UInt8]) -> String? {
        guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        var start = hash
        while start > 0, bytes[start - 1].isBlankByte { start -= 1 }
        return String(decoding: bytes[start...], as: UTF8.self).trimmingTrailingBlanks()
    }

    static func after(_ nameRange: SourceRange, in bytes: [UInt8]) -> String {
        var start = min(nameRange.end, bytes.count)
        while start < bytes.count, bytes[start] != UInt8(ascii: "=") { start += 1 }
        start = min(start + 1, bytes.count)
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self).trimmingBlanks()
    }
}

extension UInt8 {
    var isBlankByte: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\r") }
}

extension String {
    /// The text at a UTF-8 range of this string, nil when the range does not lie inside it.
    func utf8Slice(_ range: SourceRange) -> String? {
        let bytes = Array(utf8)
        guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return nil }
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// Without trailing spaces, tabs and line breaks.
    func trimmingTrailingBlanks() -> String {
        var slice = Substring(self)
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
