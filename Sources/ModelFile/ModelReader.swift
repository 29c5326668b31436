import Formula
import PlanEngine

/// Reads a model file's text into its document (the lines as written) and
/// what they mean (definitions, goals, scenario sections), collecting every
/// problem instead of stopping at the first.
struct ModelReader {
    struct Contents: Sendable {
        var document = ModelDocument()
        var definitions: [Definition] = []
        var goals: [GoalEntry] = []
        var scenarios: [Scenario] = []
        /// The names of the base model's cells, in the order of `definitions` (overrides left out),
        /// interned as they were read: the model takes its ids from them.
        var cellNames = NameTable()
        /// `actual` lines of the base model, in file order.
        var actuals: [Actual] = []
        /// Where the name of each of `definitions` stands, in the same order, to place cycle errors.
        var definitionNameRanges: [SourceRange] = []
        /// The periods of the plan: one period without a `periods` line.
        var timeline = Timeline.single
        /// The base model's formulas (overrides left out) that are not plain arithmetic, in file
        /// order: the only ones that can call a function that does not exist.
        var formulasBeyondArithmetic: [Expr] = []
    }

    private let lines: LinePreparer
    /// A file of more than two blocks of about this many bytes is prepared on two threads
    /// (``LineParsingPipeline``); a smaller one line by line, as it is read.
    private let blockBytes: Int
    private(set) var contents = Contents()
    private(set) var diagnostics: [Diagnostic] = []
    /// The line each cell of the base model was first defined on, by its id in `contents.cellNames`:
    /// nearly every line of a file is one, and that table interns them anyway.
    private var cellLines: [Int32] = []
    /// The same for the base model's overrides, and for each scenario section's lines.
    private var overridesDefinedOn: [DefinitionTarget: Int] = [:]
    private var definedOnInSection: [String: [DefinitionTarget: Int]] = [:]
    private var section: String?
    private var lineNumber = 0
    /// The line of the `periods` line, once read.
    private var periodsLine: Int?
    /// Every definition and override read that the checks of periods at the end have to look at,
    /// with where its name stands: a cell whose formula is plain arithmetic has none to check, and
    /// nearly every line of a large model is one.
    private var readDefinitions: [(definition: Definition, nameRange: SourceRange, section: String?, isPlainArithmetic: Bool)] = []
    /// Every actual read, with where its name and period stand, for the checks at the end.
    private var readActuals: [(statement: Statement, nameRange: SourceRange)] = []
    /// The line each actual (cell and period) was first recorded on.
    private var actualOn: [DefinitionTarget: Int] = [:]

    /// The size of the blocks a large file is read in.
    static let blockBytes = 64 * 1024

    init(bytes: [UInt8], blockBytes: Int = ModelReader.blockBytes) {
        lines = LinePreparer(bytes: bytes)
        self.blockBytes = blockBytes
    }

    private var bytes: [UInt8] { lines.bytes }

    /// The UTF-8 byte order mark some editors put at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func read() {
        reserveCapacity(lines: LinePreparer.lineCount(of: bytes))
        var start = 0
        if bytes.starts(with: Self.byteOrderMark) {
            contents.document.byteOrderMark = true
            start = Self.byteOrderMark.count
        }
        if bytes.count - start > 2 * blockBytes {
            LineParsingPipeline(lines: lines, start: start, blockBytes: blockBytes).run(ahead: { prefetchNames(of: $0) }) { read($0, $1) }
        } else {
            lines.forEachLine(in: start..<bytes.count) { read($0, lines.meaning(of: $0.range)) }
        }
        contents.document.setAsideMissingFinalBreak()
        checkPeriodUses()
    }

    /// Sizes the tables that grow line by line once for the whole file, so that loading a large
    /// model rehashes and copies nothing as it goes (most lines of a model define a cell).
    private mutating func reserveCapacity(lines: Int) {
        contents.document.entries.reserveCapacity(lines)
        contents.definitions.reserveCapacity(lines)
        contents.definitionNameRanges.reserveCapacity(lines)
        contents.cellNames.reserveCapacity(lines)
        cellLines.reserveCapacity(lines)
    }

    /// Now that the periods line (wherever it stood) is known: every use of periods must fit the plan,
    /// and an override of the base model must name one of its cells.
    private mutating func checkPeriodUses() {
        let timeline = contents.timeline
        // Only overrides and actuals need the names of the base model.
        let needsBaseNames = !readActuals.isEmpty || readDefinitions.contains { $0.definition.periods != nil }
        let baseNames = needsBaseNames ? Set(contents.definitions.filter { $0.periods == nil }.map(\.name)) : []
        for (definition, nameRange, section, isPlain) in readDefinitions {
            // Plain arithmetic (which the parse told) was let go as it was read: these formulas are not.
            if !isPlain, section == nil, definition.periods == nil { contents.formulasBeyondArithmetic.append(definition.expression) }
            // A cell's own formula is checked as it is; an override's periods first.
            let problem = definition.periods.map {
                Statement.override(name: definition.name, nameRange: nameRange, periods: $0, expression: definition.expression)
                    .periodProblem(in: timeline)
            } ?? (isPlain ? nil : definition.expression.periodProblem(in: timeline))
            if let problem {
                diagnostics.append(problem)
            } else if definition.periods != nil, section == nil, !baseNames.contains(definition.name) {
                diagnostics.append(Diagnostic(
                    "\(definition.targetText) overrides '\(definition.name)', which the model does not define", at: nameRange))
            }
        }
        for (statement, nameRange) in readActuals {
            guard case .actual(let name, _, let period, _, _) = statement else { continue }
            if let problem = statement.periodProblem(in: timeline) {
                diagnostics.append(problem)
            } else if !baseNames.contains(name) {
                diagnostics.append(Diagnostic(
                    "actual \(name)[\(period.period)] is for '\(name)', which the model does not define", at: nameRange))
            }
        }
    }

    private func text(_ range: Range<Int>) -> String { lines.text(range) }

    private mutating func read(_ line: LineBounds, _ meaning: consuming LineMeaning) {
        lineNumber += 1
        contents.document.entries.append(
            ModelDocument.Entry(line: readLine(meaning, range: line.range), terminator: line.terminator))
    }

    private mutating func readLine(_ meaning: consuming LineMeaning, range: Range<Int>) -> ModelDocument.Line {
        switch consume meaning {
        case .verbatim(let raw, let problem):
            if let problem { diagnostics.append(problem) }
            return .verbatim(raw)
        case .sectionHeader(let open):
            return readSectionHeader(text(range), range: range, at: open)
        case .periods(let span, let raw):
            readPeriods(span)
            return .verbatim(raw)
        case .goal(let goal):
            return readGoal(goal, line: range, raw: text(range))
        case .definition(let name, let nameHash, let nameRange, let periods, let expression, let plain, let parts):
            return readDefinition(
                name: name, nameHash: nameHash, nameRange: nameRange, periods: periods, expression: expression,
                isPlainArithmetic: plain, parts: parts)
        case .actual(let statement, let parts):
            return readActual(statement, parts: parts, line: range)
        }
    }

    private mutating func readPeriods(_ span: PeriodSpan) {
        if let section {
            diagnostics.append(Diagnostic("the periods line belongs in the base model, not in [scenario \(section)]",
                                          at: span.range))
        } else if let periodsLine {
            diagnostics.append(Diagnostic("the plan already has a periods line (line \(periodsLine))", at: span.range))
        } else {
            periodsLine = lineNumber
            do throws(PeriodError) {
                contents.timeline = try Timeline(from: span.first.period, to: span.last.period)
            } catch {
                diagnostics.append(Diagnostic(error.description, at: span.range))
            }
        }
    }

    private mutating func readGoal(_ goal: Goal, line: Range<Int>, raw: String) -> ModelDocument.Line {
        if let section {
            diagnostics.append(Diagnostic(
                "goals belong in the base model, not in [scenario \(section)]", at: goal.range))
            return .verbatim(raw)
        }
        let comparison = goal.lhs.range.start..<goal.rhs.range.end
        contents.goals.append(GoalEntry(text: text(comparison), goal: goal))
        return .goal(GoalLine(
            leading: text(line.lowerBound..<comparison.lowerBound),
            comparison: text(comparison),
            trailing: text(comparison.upperBound..<line.upperBound)))
    }

    /// `actual leads[2027-01] = 95`: in the base model only, once per cell and period.
    private mutating func readActual(_ statement: Statement, parts: DefinitionLine, line: Range<Int>) -> ModelDocument.Line {
        guard case .actual(let name, let nameRange, let period, let value, _) = statement else { return .verbatim(text(line)) }
        if let section {
            diagnostics.append(Diagnostic(
                "actuals belong in the base model, not in [scenario \(section)]", at: nameRange))
            return .verbatim(text(line))
        }
        let target = DefinitionTarget(name: name, periods: period.period...period.period)
        if let earlier = actualOn[target] {
            diagnostics.append(Diagnostic("actual \(name)[\(period.period)] is already recorded on line \(earlier)",
                                          at: nameRange))
            return .definition(parts)
        }
        actualOn[target] = lineNumber
        readActuals.append((statement, nameRange))
        contents.actuals.append(Actual(name: name, period: period.period, value: value))
        return .definition(parts)
    }

    private mutating func readDefinition(
        name: String, nameHash: Int, nameRange: SourceRange, periods: PeriodSpan?, expression: Expr,
        isPlainArithmetic: Bool, parts: DefinitionLine
    ) -> ModelDocument.Line {
        let definition = Definition(name: name, formula: parts.formula, expression: expression, periods: periods)
        if let earlier = recordDefinition(of: definition.target, nameHash: nameHash) {
            let what = periods == nil ? "'\(name)' is already defined" : "\(definition.targetText) is already overridden"
            diagnostics.append(Diagnostic("\(what) on line \(earlier)", at: nameRange))
            return .definition(parts)
        }
        if periods != nil || !isPlainArithmetic { readDefinitions.append((definition, nameRange, section, isPlainArithmetic)) }
        if let section, let index = contents.scenarios.firstIndex(where: { $0.name == section }) {
            contents.scenarios[index].overrides.append(definition)
            contents.scenarios[index].overrideRanges[name] = nameRange
        } else {
            contents.definitions.append(definition)
            contents.definitionNameRanges.append(nameRange)
        }
        return .definition(parts)
    }

    /// Asks for the buckets of the table of cells that the definitions among `meanings` will
    /// look up: one after another, each would wait for its own miss of the processor's caches.
    private func prefetchNames(of meanings: [LineMeaning]) {
        // By index, binding the hash alone: a loop over the elements would copy each meaning.
        for index in meanings.indices {
            if case .definition(_, let nameHash, _, nil, _, _, _) = meanings[index] { contents.cellNames.prefetch(hash: nameHash) }
        }
    }

    /// Records that `target` is defined on this line of the current section; the line it was
    /// defined on before, if it was (that line stays recorded, as the first).
    private mutating func recordDefinition(of target: DefinitionTarget, nameHash: Int) -> Int? {
        // One lookup records the line; a target defined earlier keeps its first line.
        func record<Key: Hashable>(_ key: Key, in lines: inout [Key: Int]) -> Int? {
            guard let earlier = lines.updateValue(lineNumber, forKey: key) else { return nil }
            lines[key] = earlier
            return earlier
        }
        if let section { return record(target, in: &definedOnInSection[section, default: [:]]) }
        guard target.periods == nil else { return record(target, in: &overridesDefinedOn) }
        let (id, isNew) = contents.cellNames.intern(target.name, hash: nameHash)
        guard isNew else { return Int(cellLines[id]) }
        cellLines.append(Int32(clamping: lineNumber))
        return nil
    }

    /// `[scenario NAME]`, optionally followed by a comment.
    private mutating func readSectionHeader(_ raw: String, range: Range<Int>, at open: Int) -> ModelDocument.Line {
        var scanner = HeaderScanner(bytes: bytes, position: open + 1, end: range.upperBound)
        scanner.skipBlanks()
        let keyword = scanner.word()
        scanner.skipBlanks()
        let nameStart = scanner.position
        let name = scanner.word()
        let nameEnd = scanner.position
        scanner.skipBlanks()
        let closed = scanner.take(UInt8(ascii: "]"))
        scanner.skipBlanks()
        let restIsComment = scanner.atEnd || scanner.peek == UInt8(ascii: "#")
        guard keyword == "scenario", !name.isEmpty, closed, restIsComment else {
            diagnostics.append(Diagnostic(
                "malformed section header: expected [scenario NAME]",
                at: SourceRange(start: open, end: range.upperBound)))
            return .verbatim(raw)
        }
        if contents.scenarios.contains(where: { $0.name == name }) {
            diagnostics.append(Diagnostic(
                "scenario '\(name)' is already defined above", at: SourceRange(start: nameStart, end: nameEnd)))
        } else {
            contents.scenarios.append(Scenario(name: name, overrides: []))
        }
        section = name
        return .section(name: name, text: raw, ownsBlankAbove: true)
    }
}

/// A tiny cursor over the bytes of a section header.
private struct HeaderScanner {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    var atEnd: Bool { position >= end }
    var peek: UInt8? { atEnd ? nil : bytes[position] }

    mutating func skipBlanks() {
        while let byte = peek, byte.isBlank { position += 1 }
    }

    mutating func word() -> String {
        let start = position
        while let byte = peek, byte.isNameByte { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }
}

extension UInt8 {
    var isBlank: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
    var isNameByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "_")
    }
}
