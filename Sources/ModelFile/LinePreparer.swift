import Formula
import PlanEngine

/// Where one line of a model file stands, and its break.
struct LineBounds: Sendable {
    let range: Range<Int>
    /// "\n", "\r\n", "\r", or "" for a last line without a break.
    let terminator: String
}

/// What one line of a model file means, with all that its bytes alone tell: its parse and the texts
/// it keeps. Reading a file needs its lines in order (sections, lines defined twice, the order of
/// diagnostics), but none of this: so a large file's lines are prepared on a second thread ahead
/// of the reading (``LineParsingPipeline``), as `Sendable` values.
///
/// Kept apart from the line's bounds, so that the reader takes a meaning over whole: read out of a
/// struct's stored property, it would be copied, each of its parts counted once more, and then
/// freed with the struct.
enum LineMeaning: Sendable {
    /// Kept as written: a blank line, a comment, or a line whose problem is its own (bad UTF-8,
    /// a parse error, a bare expression).
    case verbatim(String, problem: Diagnostic?)
    /// `[…`: a section header, read in order as it opens a section. `open` is where its `[` stands.
    case sectionHeader(open: Int)
    case periods(PeriodSpan, text: String)
    case goal(Goal)
    /// A definition or an override (`periods` set), split into the parts that join back to its text;
    /// `nameHash` is the name's ``NameTable/hash(of:)``, which the reading thread interns it by.
    case definition(
        name: String, nameHash: Int, nameRange: SourceRange, periods: PeriodSpan?, expression: Expr,
        isPlainArithmetic: Bool, parts: DefinitionLine)
    /// `actual name[period] = value`, with its parts as the base model keeps them.
    case actual(Statement, parts: DefinitionLine)
}

/// Prepares the lines of a file's bytes: a pure function of the bytes, the same on any thread.
struct LinePreparer: Sendable {
    let bytes: [UInt8]

    func text(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `body` with where each line that starts in `range` (at a line's start) stands and
    /// its break, in order.
    func forEachLine(in range: Range<Int>, _ body: (LineBounds) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            // A line ends at "\n", "\r\n" or a lone "\r" (old Mac files), each kept for saving.
            let breakAt = bytes[start...].firstIndex { $0 == ASCII.newline || $0 == ASCII.carriageReturn }
            let contentEnd = breakAt ?? bytes.count
            var terminator = ""
            if let breakAt {
                let crlf = bytes[breakAt] == ASCII.carriageReturn && breakAt + 1 < bytes.count
                    && bytes[breakAt + 1] == ASCII.newline
                terminator = crlf ? "\r\n" : bytes[breakAt] == ASCII.newline ? "\n" : "\r"
            }
            body(LineBounds(range: start..<contentEnd, terminator: terminator))
            start = contentEnd + terminator.utf8.count
        }
    }

    /// The lines `forEachLine` finds in `bytes`: one per LF, per CR not followed by LF, and a last
    /// one without a break. A large file has millions, counted before any is read: eight bytes at
    /// a time.
    static func lineCount(of bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            var newlines = 0
            var carriageReturns = 0
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                newlines &+= count(of: ASCII.newline, in: word)
                carriageReturns &+= count(of: ASCII.carriageReturn, in: word)
                offset += 8
            }
            for byte in raw[offset...] {
                newlines &+= byte == ASCII.newline ? 1 : 0
                carriageReturns &+= byte == ASCII.carriageReturn ? 1 : 0
            }
            guard carriageReturns > 0 else { return 1 + newlines }
            var pairs = 0
            for index in raw.indices.dropLast() where raw[index] == ASCII.carriageReturn {
                pairs &+= raw[index + 1] == ASCII.newline ? 1 : 0
            }
            return 1 + newlines + carriageReturns - pairs
        }
    }

    /// How many of the eight bytes of `word` are `byte`.
    private static func count(of byte: UInt8, in word: UInt64) -> Int {
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        // A byte's high bit ends up set when that byte of `difference` is zero: none carries over.
        let zeroBytes = ~(((difference & lowBits) &+ lowBits) | difference | lowBits)
        return zeroBytes.nonzeroBitCount
    }

    /// The start of the first line that begins at or after `offset`: just after the first line
    /// break that ends at or after it (the end of the bytes when none does).
    func lineStart(atOrAfter offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // A "\r" followed by "\n" ends its line at the "\n".
            if byte == ASCII.newline || (byte == ASCII.carriageReturn && (index == bytes.count || bytes[index] != ASCII.newline)) {
                return index
            }
        }
        return bytes.count
    }

    func meaning(of range: Range<Int>) -> LineMeaning {
        // The line's own text, built only for a line kept as written (a definition keeps its parts).
        var raw: String { text(range) }
        // Checked for the whole line, comments included: a line is saved back from its
        // text, which could not hold the bytes as they were.
        if let invalid = Self.firstInvalidUTF8(in: range, of: bytes) {
            return .verbatim(raw, problem: Diagnostic(
                "invalid UTF-8 byte 0x\(Self.hex(bytes[invalid])) (model files are UTF-8 text)",
                at: SourceRange(start: invalid, end: invalid + 1)))
        }
        let firstVisible = bytes[range].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard let firstVisible, bytes[firstVisible] != UInt8(ascii: "#") else { return .verbatim(raw, problem: nil) }
        if bytes[firstVisible] == UInt8(ascii: "[") { return .sectionHeader(open: firstVisible) }
        let (parsed, plain) = Parser.parseStatementAndShape(bytes[range])
        switch parsed {
        case .failure(let diagnostic):
            return .verbatim(raw, problem: diagnostic)
        case .success(.expression(let expression)):
            return .verbatim(raw, problem: Diagnostic(
                "expected a definition 'name = expression' or a goal 'goal name >= value'", at: expression.range))
        case .success(.goal(let goal)):
            return .goal(goal)
        case .success(.definition(let name, let nameRange, let expression)):
            return .definition(
                name: name, nameHash: NameTable.hash(of: name), nameRange: nameRange, periods: nil, expression: expression,
                isPlainArithmetic: plain, parts: lineParts(name: name, nameRange: nameRange, hasBracket: false, line: range))
        case .success(.override(let name, let nameRange, let periods, let expression)):
            var parts = lineParts(name: name, nameRange: nameRange, hasBracket: true, line: range)
            parts.periods = periods.periods
            return .definition(
                name: name, nameHash: NameTable.hash(of: name), nameRange: nameRange, periods: periods,
                expression: expression, isPlainArithmetic: plain, parts: parts)
        case .success(.periods(let span)):
            return .periods(span, text: raw)
        case .success(let statement):
            guard case .actual(let name, let nameRange, let period, _, _) = statement else { return .verbatim(raw, problem: nil) }
            var parts = lineParts(name: name, nameRange: nameRange, hasBracket: true, line: range)
            parts.periods = period.period...period.period
            parts.isActual = true
            return .actual(statement, parts: parts)
        }
    }

    private static let usualSeparator = Array(" = ".utf8)

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

    /// The offset of the first byte in `range` that is not part of valid UTF-8, nil when all are.
    private static func firstInvalidUTF8(in range: Range<Int>, of bytes: [UInt8]) -> Int? {
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

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}

/// The bytes that end lines.
enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
