/// One lexical unit of a formula and the bytes it came from.
///
/// The range travels on the token so that any later error, and every syntax
/// node built from it, can point at the user's own text. A token holds no text of its own
/// (a name is its bytes, read when a node is built), so copying one costs no reference counting.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// A number literal with its value already scaled (`2.4k` is 2400, `15%` is 0.15).
        case number(Double, NumberStyle)
        /// An identifier that is not an operator word, spelled by the token's bytes: cell names,
        /// function names, and the reserved words that only the parser gives a meaning to (`if`, `goal`, `t`, …).
        case name
        case keyword(Keyword)
        case symbol(Symbol)
        /// The end of the input (or the start of a `#` comment).
        case end
        /// Text the lexer cannot read; lexing stops here and the message (``Lexer/failure``) is
        /// reported only if the parser gets this far, so the first problem in the line is the one shown.
        case invalid
    }

    var kind: Kind
    var range: SourceRange

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Whether this is the last token of its text (`.end` or `.invalid`): the lexer gives nothing after it.
    var isLast: Bool {
        switch kind {
        case .end, .invalid: true
        default: false
        }
    }
}

/// Words the lexer turns into operators and literals rather than names.
enum Keyword: String, Sendable, CaseIterable {
    case and, or, not
    case `true`, `false`

    /// The keyword spelled by `bytes`, read without building a text; nil for any other word.
    static func spelled(_ bytes: ArraySlice<UInt8>) -> Keyword? {
        // Each keyword has its own first letter, so at most one comparison is made.
        switch bytes.first {
        case UInt8(ascii: "a"): bytes.spells("and") ? .and : nil
        case UInt8(ascii: "o"): bytes.spells("or") ? .or : nil
        case UInt8(ascii: "n"): bytes.spells("not") ? .not : nil
        case UInt8(ascii: "t"): bytes.spells("true") ? .true : nil
        case UInt8(ascii: "f"): bytes.spells("false") ? .false : nil
        default: nil
        }
    }
}

extension ArraySlice<UInt8> {
    /// Whether these bytes are exactly `word`, compared without building a text.
    func spells(_ word: StaticString) -> Bool {
        count == word.utf8CodeUnitCount && word.withUTF8Buffer { elementsEqual($0) }
    }
}

/// Operators and punctuation, spelled as written.
enum Symbol: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    case leftParen = "(", rightParen = ")", comma = ","
    /// `leads[2027-03]`, `periods = 2027-01 .. 2027-12`: periods in brackets and ranges.
    case leftBracket = "[", rightBracket = "]", through = ".."
    case assign = "="
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// The symbol spelled by `first` alone (`second` nil) or by the two bytes, read without building a text.
    static func spelled(_ first: UInt8, _ second: UInt8?) -> Symbol? {
        switch (first, second) {
        case (UInt8(ascii: "+"), nil): return .plus
        case (UInt8(ascii: "-"), nil): return .minus
        case (UInt8(ascii: "*"), nil): return .star
        case (UInt8(ascii: "/"), nil): return .slash
        case (UInt8(ascii: "^"), nil): return .caret
        case (UInt8(ascii: "("), nil): return .leftParen
        case (UInt8(ascii: ")"), nil): return .rightParen
        case (UInt8(ascii: ","), nil): return .comma
        case (UInt8(ascii: "["), nil): return .leftBracket
        case (UInt8(ascii: "]"), nil): return .rightBracket
        case (UInt8(ascii: "."), UInt8(ascii: ".")): return .through
        case (UInt8(ascii: "="), nil): return .assign
        case (UInt8(ascii: "<"), nil): return .less
        case (UInt8(ascii: ">"), nil): return .greater
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return .greaterEqual
        default: return nil
        }
    }
}

/// Words no cell may be named, because the language gives them a meaning now or will in a
/// later milestone (`periods`, `actual`, the period index `t` and `month` belong to plans over time).
///
/// `t` and `month` may be referenced in an expression of a plan with periods, but never defined.
public enum ReservedWords {
    public static let all: Set<String> = [
        "if", "and", "or", "not", "true", "false", "t", "month", "periods", "actual", "goal", "to",
    ]

    /// Reserved words an expression may still mention: the period index `t` and the month of the year.
    public static let referenceable: Set<String> = ["t", "month"]

    /// Whether `name` is one of ``all``: asked of every name a file defines and references, so most
    /// names are let go by their length and first letter before any lookup.
    public static func contains(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard (1...7).contains(utf8.count), let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "i"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "t"),
             UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: "g"):
            return all.contains(name)
        default:
            return false
        }
    }

    /// Whether `name` is one of ``referenceable`` (`t` or `month`): asked of every name a formula
    /// reads, several times as it loads, so the two are compared, not looked up.
    public static func isReferenceable(_ name: String) -> Bool {
        switch name.utf8.count {
        case 1: name == "t"
        case 5: name == "month"
        default: false
        }
    }
}
