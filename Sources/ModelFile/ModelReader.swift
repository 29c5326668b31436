import Formula
import PlanEngine

/// Reads a model file's text into its document (the lines as written) and
/// what they mean (definitions, goals, scenario sections), collecting every
/// problem instead of stopping at the first.
struct ModelReader {
    struct Contents {
        var document = ModelDocument()
        var definitions: [Definition] = []
        var goals: [GoalEntry] = []
        var scenarios: [Scenario] = []
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

    let bytes: [UInt8]
    private(set) var contents = Contents()
    private(set) var diagnostics: [Diagnostic] = []
    /// The line each cell of the base model was first defined on, by name: nearly every line of a
    /// file is one, so its table is keyed by the name alone (a million lines make it large).
    private var cellsDefinedOn: [String: Int] = [:]
    /// The same for the base model's overrides, and for each scenario section's lines.
    private var overridesDefinedOn: [DefinitionTarget: Int] = [:]
    private var definedOnInSection: [String: [DefinitionTarget: Int]] = [:]
    private var section: String?
    private var lineNumber = 0
    /// The line of the `periods` line, once read.
    private var periodsLine: Int?
    /// Every definition and override read, with where its name stands, for the checks of periods at the end.
    private var readDefinitions: [(definition: Definition, nameRange: SourceRange, section: String?, isPlainArithmetic: Bool)] = []
    /// Every actual read, with where its name and period stand, for the checks at the end.
    private var readActuals: [(statement: Statement, nameRange: SourceRange)] = []
    /// The line each actual (cell and period) was first recorded on.
    private var actualOn: [DefinitionTarget: Int] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The UTF-8 byte order mark some editors put at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func read() {
        reserveCapacity(lines: Self.lineCount(of: bytes))
        var start = 0
        if bytes.starts(with: Self.byteOrderMark) {
            contents.document.byteOrderMark = true
            start = Self.byteOrderMark.count
        }
        while start < bytes.count {
            // A line ends at "\n", "\r\n" or a lone "\r" (old Mac files), each kept for saving.
            let breakAt = bytes[start...].firstIndex { $0 == ASCII.newline || $0 == ASCII.carriageReturn }
            let contentEnd = breakAt ?? bytes.count
            var terminator = ""
            if let breakAt {
                let crlf = bytes[breakAt] == ASCII.carriageReturn && breakAt + 1 < bytes.count
                    && bytes[breakAt + 1] == ASCII.newline
                terminator = crlf ? "\r\n" : bytes[breakAt] == ASCII.newline ? "\n" : "\r"
            }
            lineNumber += 1
            let line = readLine(start..<contentEnd)
            contents.document.entries.append(ModelDocument.Entry(line: line, terminator: terminator))
            start = contentEnd + terminator.utf8.count
        }
        contents.document.setAsideMissingFinalBreak()
        checkPeriodUses()
    }

    /// The lines `read` will find: one per LF, per CR not followed by LF, and a last one without a break.
    private static func lineCount(of bytes: [UInt8]) -> Int {
        var count = 1
        var afterCarriageReturn = false
        for byte in bytes {
            if byte == ASCII.carriageReturn || (byte == ASCII.newline && !afterCarriageReturn) { count += 1 }
            afterCarriageReturn = byte == ASCII.carriageReturn
        }
        return count
    }

    /// Sizes the tables that grow line by line once for the whole file, so that loading a large
    /// model rehashes and copies nothing as it goes (most lines of a model define a cell).
    private mutating func reserveCapacity(lines: Int) {
        contents.document.entries.reserveCapacity(lines)
        contents.definitions.reserveCapacity(lines)
        contents.definitionNameRanges.reserveCapacity(lines)
        readDefinitions.reserveCapacity(lines)
        cellsDefinedOn.reserveCapacity(lines)
    }

    /// Now that the periods line (wherever it stood) is known: every use of periods must fit the plan,
    /// and an override of the base model must name one of its cells.
    private mutating func checkPeriodUses() {
        let timeline = contents.timeline
        // Only overrides and actuals need the names of the base model.
        let needsBaseNames = !readActuals.isEmpty || readDefinitions.contains { $0.definition.periods != nil }
        let baseNames = needsBaseNames ? Set(contents.definitions.filter { $0.periods == nil }.map(\.name)) : []
        for (definition, nameRange, section, isPlain) in readDefinitions {
            // Most formulas are plain arithmetic, which the parse told: they are let go here.
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

    private func text(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: bytes[range], as: UTF8.self)
    }

    private static let usualSeparator = Array(" = ".utf8)

    private mutating func readLine(_ range: Range<Int>) -> ModelDocument.Line {
        // The line's own text, built only for a line kept as written (a definition keeps its parts).
        var raw: String { text(range) }
        // Checked for the whole line, comments included: a line is saved back from its
        // text, which could not hold the bytes as they were.
        if let invalid = Self.firstInvalidUTF8(in: range, of: bytes) {
            diagnostics.append(Diagnostic(
                "invalid UTF-8 byte 0x\(Self.hex(bytes[invalid])) (model files are UTF-8 text)",
                at: SourceRange(start: invalid, end: invalid + 1)))
            return .verbatim(raw)
        }
        let firstVisible = bytes[range].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard let firstVisible, bytes[firstVisible] != UInt8(ascii: "#") else { return .verbatim(raw) }
        if bytes[firstVisible] == UInt8(ascii: "[") {
            return readSectionHeader(raw, range: range, at: firstVisible)
        }
        let (parsed, plain) = Parser.parseStatementAndShape(bytes[range])
        switch parsed {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return .verbatim(raw)
        case .success(.expression(let expression)):
            diagnostics.append(Diagnostic(
                "expected a definition 'name = expression' or a goal 'goal name >= value'", at: expression.range))
            return .verbatim(raw)
        case .success(.goal(let goal)):
            return readGoal(goal, line: range, raw: raw)
        case .success(.definition(let name, let nameRange, let expression)):
            return readDefinition(
                name: name, nameRange: nameRange, periods: nil, expression: expression, isPlainArithmetic: plain, line: range)
        case .success(.override(let name, let nameRange, let periods, let expression)):
            return readDefinition(
                name: name, nameRange: nameRange, periods: periods, expression: expression, isPlainArithmetic: plain, line: range)
        case .success(.periods(let span)):
            readPeriods(span)
            return .verbatim(raw)
        case .success(let statement):
            return readActual(statement, line: range, raw: raw)
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
    private mutating func readActual(_ statement: Statement, line: Range<Int>, raw: String) -> ModelDocument.Line {
        guard case .actual(let name, let nameRange, let period, let value, _) = statement else { return .verbatim(raw) }
        if let section {
            diagnostics.append(Diagnostic(
                "actuals belong in the base model, not in [scenario \(section)]", at: nameRange))
            return .verbatim(raw)
        }
        var parts = lineParts(name: name, nameRange: nameRange, hasBracket: true, line: line)
        parts.periods = period.period...period.period
        parts.isActual = true
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

    /// A definition, override or actual line split into parts that join back to its text.
    private func lineParts(name: String, nameRange: SourceRange, hasBracket: Bool, line: Range<Int>) -> DefinitionLine {
        // An override's bracket runs from the name to its ']'.
        var bracketEnd = nameRange.end
        if hasBracket {
            while bracketEnd < line.upperBound, bytes[bracketEnd] != UInt8(ascii: "]") { bracketEnd += 1 }
            bracketEnd = min(bracketEnd + 1, line.upperBound)
        }
        // The formula runs from after '=' (and its spaces) to the comment, without trailing spaces.
        var formulaStart = bracketEnd
        while formulaStart < line.upperBound, bytes[formulaStart] != UInt8(ascii: "=") { formulaStart += 1 }
        formulaStart += 1
        while formulaStart < line.upperBound, bytes[formulaStart].isBlank { formulaStart += 1 }
        var formulaEnd = bytes[formulaStart..<line.upperBound].firstIndex(of: UInt8(ascii: "#")) ?? line.upperBound
        while formulaEnd > formulaStart, bytes[formulaEnd - 1].isBlank { formulaEnd -= 1 }
        // Most lines read `name = formula`: their other parts are not made into texts at all.
        let separator = bytes[bracketEnd..<formulaStart]
        return DefinitionLine(
            leading: text(line.lowerBound..<nameRange.start),
            name: name,
            bracket: text(nameRange.end..<bracketEnd),
            separator: separator.elementsEqual(Self.usualSeparator) ? " = " : text(bracketEnd..<formulaStart),
            formula: text(formulaStart..<formulaEnd),
            trailing: text(formulaEnd..<line.upperBound))
    }

    private mutating func readDefinition(
        name: String, nameRange: SourceRange, periods: PeriodSpan?, expression: Expr, isPlainArithmetic: Bool,
        line: Range<Int>
    ) -> ModelDocument.Line {
        var parts = lineParts(name: name, nameRange: nameRange, hasBracket: periods != nil, line: line)
        parts.periods = periods?.periods

        let definition = Definition(name: name, formula: parts.formula, expression: expression, periods: periods)
        if let earlier = recordDefinition(of: definition.target) {
            let what = periods == nil ? "'\(name)' is already defined" : "\(definition.targetText) is already overridden"
            diagnostics.append(Diagnostic("\(what) on line \(earlier)", at: nameRange))
            return .definition(parts)
        }
        readDefinitions.append((definition, nameRange, section, isPlainArithmetic))
        if let section, let index = contents.scenarios.firstIndex(where: { $0.name == section }) {
            contents.scenarios[index].overrides.append(definition)
            contents.scenarios[index].overrideRanges[name] = nameRange
        } else {
            contents.definitions.append(definition)
            contents.definitionNameRanges.append(nameRange)
        }
        return .definition(parts)
    }

    /// Records that `target` is defined on this line of the current section; the line it was
    /// defined on before, if it was (that line stays recorded, as the first).
    private mutating func recordDefinition(of target: DefinitionTarget) -> Int? {
        // One lookup records the line; a target defined earlier keeps its first line.
        func record<Key: Hashable>(_ key: Key, in lines: inout [Key: Int]) -> Int? {
            guard let earlier = lines.updateValue(lineNumber, forKey: key) else { return nil }
            lines[key] = earlier
            return earlier
        }
        if let section { return record(target, in: &definedOnInSection[section, default: [:]]) }
        return target.periods == nil ? record(target.name, in: &cellsDefinedOn) : record(target, in: &overridesDefinedOn)
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

extension ModelReader {
    /// The offset of the first byte in `range` that is not part of valid UTF-8, nil when all are.
    static func firstInvalidUTF8(in range: Range<Int>, of bytes: [UInt8]) -> Int? {
        // ASCII is by far the common case, and always valid.
        guard bytes[range].contains(where: { $0 >= 0x80 }) else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[range].makeIterator()
        var offset = range.lowerBound
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}

/// The bytes that end lines.
private enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
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
