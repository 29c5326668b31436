/// Splits one formula's UTF-8 bytes into tokens.
///
/// It reads a slice of the whole file, so every range is an absolute offset into
/// that file. Number literals are read completely here (underscores, magnitude
/// suffixes, `%` and the currency symbols `$`, `€`, `£`), so the parser only ever sees finished values:
///
///     number   = [ "$" | "€" | "£" ] ( digits [ "." digits ] | "." digits ) [ exponent ] [ "k" | "M" | "B" ] [ "%" ]
///     digits   = DIGIT { [ "_" ] DIGIT }
///     exponent = ( "e" | "E" ) [ "+" | "-" ] digits
///     name     = ( LETTER | "_" ) { LETTER | DIGIT | "_" }
///
/// A `#` starts a comment that runs to the end of the slice. `..` is one symbol (a range of
/// periods), never a decimal point: `2027-01..2027-12` reads as two periods.
///
/// The parser pulls one token at a time with ``next()``, so no list of tokens is built and
/// nothing past the parser's first problem is read. The steps of reading a token are inlined
/// into ``next()`` where a call would cost more than the step.
struct Lexer {
    let source: ArraySlice<UInt8>
    private var position: Int
    /// Where the last token read ended: a `.end` token sits there, where a missing piece would go.
    private var previousEnd: Int
    /// The `.end` or `.invalid` token once it has been read: every later call gives it again.
    private var last: Token?
    /// Why the text at the `.invalid` token cannot be read, once the lexer has got there.
    private(set) var failure: Diagnostic?

    init(_ source: ArraySlice<UInt8>) {
        self.source = source
        self.position = source.startIndex
        self.previousEnd = source.startIndex
    }

    /// The next token: `.end` after the last one, or `.invalid` at the first text that cannot be
    /// read (nothing after it is looked at); either is given again on every later call.
    mutating func next() -> Token {
        if let last { return last }
        skipBlanksAndComment()
        guard position < source.endIndex else {
            // Zero width, right after the last token: where a missing piece would go.
            return finish(Token(.end, SourceRange(start: previousEnd, end: previousEnd)))
        }
        do {
            let token = try nextToken()
            previousEnd = token.range.end
            return token
        } catch {
            failure = error
            return finish(Token(.invalid, error.range))
        }
    }

    private mutating func finish(_ token: Token) -> Token {
        last = token
        return token
    }

    // MARK: - Tokens

    @inline(__always)
    private mutating func nextToken() throws(Diagnostic) -> Token {
        let start = position
        let byte = source[position]
        if Self.isNameStart(byte) {
            return word(startingAt: start)
        }
        if Self.isDigit(byte) || (byte == ASCII.dot && !startsRange(at: position)) {
            return try number(startingAt: start, currency: nil)
        }
        // Every currency symbol starts with `$` or a byte of a multi-byte character: most text is neither.
        if byte == UInt8(ascii: "$") || byte >= 0x80, let symbol = currencySymbol() {
            position += symbol.rawValue.utf8.count
            return try number(startingAt: start, currency: symbol)
        }
        return try symbol(startingAt: start)
    }

    @inline(__always)
    private mutating func word(startingAt start: Int) -> Token {
        while let byte = peek(), Self.isNameContinue(byte) { position += 1 }
        let kind: Token.Kind = Keyword.spelled(source[start..<position]).map { .keyword($0) } ?? .name
        return Token(kind, range(from: start))
    }

    /// Symbols from other languages or misplaced, with what to write instead.
    private static let misusedSymbols: [String: String] = [
        "<>": "'<>' is not an operator here: write '!=' for 'not equal'",
        "**": "'**' is not an operator here: write '^' for powers",
        "&&": "'&&' is not an operator here: write 'and'",
        "||": "'||' is not an operator here: write 'or'",
        "!": "'!' is not an operator here: write 'not'",
        "&": "'&' is not an operator here: write 'and'",
        "|": "'|' is not an operator here: write 'or'",
        "%": "'%' must follow a number, as in 15%",
    ]

    /// Whether `byte` is part of one of ``misusedSymbols``: only then is the text worth looking up.
    private static func isInMisusedSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "!"), UInt8(ascii: "%"): true
        default: false
        }
    }

    /// The longest operator spelled at `start` (so `<=` wins over `<`).
    private mutating func symbol(startingAt start: Int) throws(Diagnostic) -> Token {
        let first = source[start]
        let second = start + 1 < source.endIndex ? source[start + 1] : nil
        // Only bytes that begin a misused symbol are worth building a text for and looking up.
        if let second {
            if let symbol = Symbol.spelled(first, second) { return token(symbol, length: 2) }
            if Self.isInMisusedSymbol(first), Self.isInMisusedSymbol(second) { try refuseMisusedSymbol(at: start, length: 2) }
        }
        if let symbol = Symbol.spelled(first, nil) { return token(symbol, length: 1) }
        if Self.isInMisusedSymbol(first) { try refuseMisusedSymbol(at: start, length: 1) }
        throw unknownCharacter(at: start)
    }

    /// The symbol token of the `length` bytes at the current position.
    private mutating func token(_ symbol: Symbol, length: Int) -> Token {
        let start = position
        position += length
        return Token(.symbol(symbol), range(from: start))
    }

    /// Throws the advice for the `length` bytes at `start` when they are one of ``misusedSymbols``.
    private func refuseMisusedSymbol(at start: Int, length: Int) throws(Diagnostic) {
        guard let advice = Self.misusedSymbols[spelling(start..<(start + length))] else { return }
        throw Diagnostic(advice, at: SourceRange(start: start, end: start + length))
    }

    private func unknownCharacter(at start: Int) -> Diagnostic {
        var iterator = source[start...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
            let byte = String(source[start], radix: 16, uppercase: true)
            return Diagnostic("invalid UTF-8 byte 0x\(byte.count < 2 ? "0" + byte : byte)",
                              at: SourceRange(start: start, end: start + 1))
        }
        let range = SourceRange(start: start, end: start + UTF8.width(scalar))
        return Diagnostic("unknown character \(Self.describe(scalar))", at: range)
    }

    /// `'@'` for a character a person can see; `U+00A0` for spaces, controls and the like,
    /// which would otherwise print as nothing.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .spacingMark, .enclosingMark:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            return "'\(Character(scalar))'"
        }
    }

    // MARK: - Numbers

    /// The currency symbol whose UTF-8 bytes start at the current position, if any.
    private func currencySymbol() -> CurrencySymbol? {
        CurrencySymbol.allCases.first { symbol in
            source[position...].starts(with: symbol.rawValue.utf8)
        }
    }

    /// Reads a literal whose currency symbol (if any) is already consumed; `start` is where the
    /// literal began.
    private mutating func number(startingAt start: Int, currency: CurrencySymbol?) throws(Diagnostic) -> Token {
        var integer = position..<position
        if let byte = peek(), Self.isDigit(byte) { integer = try digitRun() }
        var fraction = position..<position
        if peek() == ASCII.dot && !startsRange(at: position) {
            let dot = position
            position += 1
            guard let byte = peek(), Self.isDigit(byte) else {
                throw Diagnostic("expected a digit after the decimal point", at: SourceRange(start: dot, end: dot + 1))
            }
            fraction = try digitRun()
        }
        if integer.isEmpty && fraction.isEmpty {
            throw Diagnostic("expected a number after '\(currency?.rawValue ?? "")'", at: range(from: start))
        }
        // Most literals end at their digits: the parts after them are looked for only where one can start.
        var exponent: Int?
        if let byte = peek(), byte == ASCII.lowerE || byte == ASCII.upperE { exponent = try exponentPart() }
        if peek() == ASCII.dot && !startsRange(at: position) {
            let message = exponent == nil ? "a number can have only one decimal point" : "an exponent must be a whole number"
            throw Diagnostic(message, at: SourceRange(start: position, end: position + 1))
        }
        var magnitude = 0
        if let byte = peek(), Self.isNameStart(byte) { magnitude = try magnitudeSuffix() }
        var isPercent = false
        if peek() == ASCII.percent {
            position += 1
            if let currency {
                throw Diagnostic(
                    "a number cannot be both currency (\(currency.rawValue)) and percent (%)", at: range(from: start))
            }
            isPercent = true
        }
        // The whole scale in one power of ten, so the value is the correctly rounded double of
        // what was written (2.4k is exactly 2400, 15% exactly 0.15).
        let scale = (exponent ?? 0) + magnitude - (isPercent ? 2 : 0)
        let value = DecimalLiteral.double(integerDigits: source[integer], fractionDigits: source[fraction], exponent: scale)
        guard value.isFinite else {
            throw Diagnostic("this number is too large", at: range(from: start))
        }
        let style: NumberStyle = currency.map { .currency($0) } ?? (isPercent ? .percent : .plain)
        return Token(.number(value, style), range(from: start))
    }

    /// Digits with the underscores people use to group them (`1_000_000`): the bytes they take.
    @inline(__always)
    private mutating func digitRun() throws(Diagnostic) -> Range<Int> {
        let start = position
        while let byte = peek() {
            if Self.isDigit(byte) {
                position += 1
            } else if byte == ASCII.underscore {
                guard position + 1 < source.endIndex, Self.isDigit(source[position + 1]) else {
                    throw Diagnostic("'_' in a number must be between digits",
                                     at: SourceRange(start: position, end: position + 1))
                }
                position += 1
            } else {
                break
            }
        }
        return start..<position
    }

    /// The power of ten written after the `e` or `E` at the current byte, or nil when none is.
    private mutating func exponentPart() throws(Diagnostic) -> Int? {
        var digitsAt = position + 1
        if digitsAt < source.endIndex, source[digitsAt] == ASCII.plus || source[digitsAt] == ASCII.minus {
            digitsAt += 1
        }
        // Not an exponent after all: `magnitudeSuffix` explains what is wrong with the letter.
        guard digitsAt < source.endIndex, Self.isDigit(source[digitsAt]) else { return nil }
        let isNegative = source[position + 1] == ASCII.minus
        position = digitsAt
        // Far beyond any double either way; saturating keeps the arithmetic below from overflowing.
        let limit = 1_000_000
        var size = 0
        for byte in source[try digitRun()] where Self.isDigit(byte) {
            size = min(limit, size * 10 + Int(byte - ASCII.zero))
        }
        return isNegative ? -size : size
    }

    /// Letters people write for thousands, millions and billions elsewhere; any other word
    /// right after a number is more likely a missing `*`.
    private static let likelyMagnitudeSuffixes: Set<String> = ["K", "m", "b", "G", "g", "T"]

    /// The power of ten of the `k`, `M` or `B` suffix at the current byte, which starts a word;
    /// any other word there is an error.
    private mutating func magnitudeSuffix() throws(Diagnostic) -> Int {
        let start = position
        let byte = source[start]
        while let byte = peek(), Self.isNameContinue(byte) { position += 1 }
        if position == start + 1 {
            switch byte {
            case UInt8(ascii: "k"): return 3
            case UInt8(ascii: "M"): return 6
            case UInt8(ascii: "B"): return 9
            default: break
            }
        }
        let word = spelling(start..<position)
        let wordRange = range(from: start)
        switch word {
        case "e", "E":
            throw Diagnostic("expected digits after '\(word)' in the exponent", at: wordRange)
        case _ where Self.likelyMagnitudeSuffixes.contains(word):
            throw Diagnostic("unknown suffix '\(word)': use k (thousand), M (million) or B (billion)", at: wordRange)
        default:
            throw Diagnostic("a name cannot follow a number directly; put an operator between them", at: wordRange)
        }
    }

    // MARK: - Bytes

    private mutating func skipBlanksAndComment() {
        while let byte = peek() {
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.newline:
                position += 1
            case ASCII.hash:
                position = source.endIndex
            default:
                return
            }
        }
    }

    /// Whether `..` (a range of periods, `2027-01..2027-12`) starts at `offset`, rather than a decimal point.
    private func startsRange(at offset: Int) -> Bool {
        offset + 1 < source.endIndex && source[offset] == ASCII.dot && source[offset + 1] == ASCII.dot
    }

    private func peek() -> UInt8? {
        position < source.endIndex ? source[position] : nil
    }

    private func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: position)
    }

    private func spelling(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (ASCII.zero...ASCII.nine).contains(byte)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == ASCII.underscore
    }

    private static func isNameContinue(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte)
    }
}

/// The bytes the lexer tests for, named.
private enum ASCII {
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let dot = UInt8(ascii: ".")
    static let percent = UInt8(ascii: "%")
    static let underscore = UInt8(ascii: "_")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")
    static let newline = UInt8(ascii: "\n")
    static let hash = UInt8(ascii: "#")
}
