import Formula
import PlanEngine

/// A piece of a command line, such as the `50k` of `:seek revenue = 50k by leads`: the
/// planning commands cut their arguments at keywords (`by`, `in`, `step`), at `..` and at
/// commas outside parentheses, and keep where each piece stands so that an error in it is
/// printed with a caret under the text as typed.
struct ArgumentText {
    /// The whole command line.
    let line: [UInt8]
    /// Where the piece stands in `line`, in UTF-8 bytes, without surrounding blanks.
    let range: Range<Int>

    /// The arguments of a command.
    init(_ input: CommandInput) {
        let bytes = Array(input.line.utf8)
        let start = min(input.argumentsOffset, bytes.count)
        self.init(line: bytes, range: start..<min(start + input.arguments.utf8.count, bytes.count))
    }

    private init(line: [UInt8], range: Range<Int>) {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, line[start].isBlankByte { start += 1 }
        while end > start, line[end - 1].isBlankByte { end -= 1 }
        self.line = line
        self.range = start..<end
    }

    var text: String { String(decoding: line[range], as: UTF8.self) }
    var isEmpty: Bool { range.isEmpty }
    var sourceRange: SourceRange { SourceRange(start: range.lowerBound, end: range.upperBound) }

    /// The piece as a cell name (`leads`), nil when it is anything else.
    var name: String? {
        guard let first = range.first, line[first].isNameStartByte,
              line[range].allSatisfy({ $0.isNameStartByte || $0.isDigitByte }) else { return nil }
        return text
    }

    /// The pieces between the top-level occurrences of `separator` (those outside parentheses).
    func split(at separator: UInt8) -> [ArgumentText] {
        var pieces: [ArgumentText] = []
        var start = range.lowerBound
        for index in topLevelIndices() where line[index] == separator {
            pieces.append(ArgumentText(line: line, range: start..<index))
            start = index + 1
        }
        pieces.append(ArgumentText(line: line, range: start..<range.upperBound))
        return pieces
    }

    /// The text before and after the first (or the last) top-level occurrence of `word` standing
    /// on its own (`by` in `revenue by leads`, not in `bylaws`); nil when it does not occur.
    func split(atWord word: String, last: Bool = false) -> (before: ArgumentText, after: ArgumentText)? {
        let wordBytes = Array(word.utf8)
        let matches = topLevelIndices().filter { index in
            index + wordBytes.count <= range.upperBound
                && line[index..<(index + wordBytes.count)].elementsEqual(wordBytes)
                && (index == range.lowerBound || !line[index - 1].isNameByte)
                && (index + wordBytes.count == range.upperBound || !line[index + wordBytes.count].isNameByte)
        }
        guard let index = last ? matches.last : matches.first else { return nil }
        return cut(at: index, length: wordBytes.count)
    }

    /// The text before and after the first top-level occurrence of `symbol` (`..`, `=`, `>`)
    /// that is not the start of a longer operator (`==`, `>=`).
    func split(atSymbol symbol: String) -> (before: ArgumentText, after: ArgumentText)? {
        let symbolBytes = Array(symbol.utf8)
        let index = topLevelIndices().first { index in
            let end = index + symbolBytes.count
            return end <= range.upperBound && line[index..<end].elementsEqual(symbolBytes)
                && (end == range.upperBound || line[end] != UInt8(ascii: "="))
                && (index == range.lowerBound || !"=<>!".utf8.contains(line[index - 1]))
        }
        return index.map { cut(at: $0, length: symbolBytes.count) }
    }

    /// The first blank-separated word and the rest: `leads` and `80..160` of `leads 80..160`.
    func splitFirstWord() -> (word: ArgumentText, rest: ArgumentText) {
        let end = line[range].firstIndex(where: \.isBlankByte) ?? range.upperBound
        return (ArgumentText(line: line, range: range.lowerBound..<end), ArgumentText(line: line, range: end..<range.upperBound))
    }

    /// The piece parsed as an expression, its ranges (and any diagnostic's) offsets into the line.
    func expression() -> Result<Expr, Diagnostic> {
        Parser.parseExpression(isolated())
    }

    /// The piece parsed as periods (`2027-07 .. 2027-12`), ranges as in ``expression()``.
    func periodSpan() -> Result<PeriodSpan, Diagnostic> {
        Parser.parsePeriodSpan(isolated())
    }

    /// The piece parsed as a statement (`win_rate = 40%`), ranges as in ``expression()``.
    func statement() -> Result<Statement, Diagnostic> {
        Parser.parseStatement(isolated())
    }

    /// The line up to the end of the piece with everything before the piece blanked out, so the
    /// parser sees only the piece yet counts offsets and columns from the start of the line.
    private func isolated() -> ArraySlice<UInt8> {
        var bytes = Array(line[..<range.upperBound])
        for index in 0..<range.lowerBound { bytes[index] = UInt8(ascii: " ") }
        return bytes[...]
    }

    private func cut(at index: Int, length: Int) -> (before: ArgumentText, after: ArgumentText) {
        (ArgumentText(line: line, range: range.lowerBound..<index),
         ArgumentText(line: line, range: (index + length)..<range.upperBound))
    }

    /// The offsets of the piece that stand outside every pair of parentheses.
    private func topLevelIndices() -> [Int] {
        var depth = 0
        var indices: [Int] = []
        for index in range {
            switch line[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(depth - 1, 0)
            default: if depth == 0 { indices.append(index) }
            }
        }
        return indices
    }
}

extension ArgumentText {
    /// `LO..HI` cut at its `..`. A range written `100 to 140`, or with no `..`, is a usage error
    /// that shows how to write it; `what` names the piece that wants the range.
    func rangeEnds(for what: String) throws(UsageError) -> (low: ArgumentText, high: ArgumentText) {
        if let (low, high) = split(atSymbol: ".."), !low.isEmpty, !high.isEmpty { return (low, high) }
        if let (low, high) = split(atWord: "to"), !low.isEmpty, !high.isEmpty {
            throw UsageError("write a range as \(low.text)..\(high.text)")
        }
        throw UsageError("\(what) wants a range, FROM..TO")
    }

    /// The piece evaluated as a number on `model`; `what` names it in the error when it is not one.
    func number(in model: Model, what: String) throws(Diagnostic) -> Double {
        let expression: Expr
        switch self.expression() {
        case .failure(let diagnostic): throw diagnostic
        case .success(let parsed): expression = parsed
        }
        let values = model.evaluateSeries(expression)
        guard values.count == 1 else {
            throw Diagnostic("\(what) must be one value; \(text) is a series over \(model.timeline.description)", at: sourceRange)
        }
        let value = values[0]
        guard case .number(let number) = value, number.isFinite else {
            let shown = ValueFormatter.display(value, format: model.format(of: expression))
            throw Diagnostic("\(what) must be a number; \(text) is \(shown)", at: sourceRange)
        }
        return number
    }
}

extension UInt8 {
    var isNameStartByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || self == UInt8(ascii: "_")
    }

    var isDigitByte: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    var isNameByte: Bool { isNameStartByte || isDigitByte }
}
