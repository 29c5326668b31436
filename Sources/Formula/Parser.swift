/// Turns one REPL line or one model-file item into syntax, or into the first problem with it.
///
/// The grammar, loosest binding first (`{ }` repeats, `[ ]` is optional):
///
///     statement  = NAME "=" whole             a definition; NAME may not be a reserved word
///                | NAME "[" span "]" "=" whole   an override of some periods of a cell
///                | "periods" "=" span         the periods of a plan (at most 1,000)
///                | "goal" whole               a target; the expression must be one comparison
///                | "actual" NAME "[" PERIOD "]" "=" NUMBER    what really happened in one period
///                | whole
///     whole      = expression [ "to" expression ]   `25% to 40%`: a range, only as a lead
///                                             indicator's whole formula (see ``RangeSyntax``)
///     span       = PERIOD [ ".." PERIOD ]     both of one kind, the first not after the last
///     expression = or
///     or         = and { "or" and }
///     and        = not { "and" not }
///     not        = "not" not | comparison     so `not a == b` is `not (a == b)`
///     comparison = sum [ COMPARE sum ]        never chained: `a < b < c` is an error
///     sum        = product { ( "+" | "-" ) product }
///     product    = unary { ( "*" | "/" ) unary }
///     unary      = ( "-" | "+" ) unary | power            so `-2^2` is `-(2^2)`
///     power      = primary [ "^" unary ]      right-associative; the exponent may be signed: `2^-1`
///     primary    = NUMBER | "true" | "false" | NAME
///                | NAME "(" [ expression { "," expression } ] ")"     a call, even of `if`
///                | NAME "[" PERIOD "]"        a cell's value in one period
///                | "(" expression ")"
///     COMPARE    = "==" | "!=" | "<" | "<=" | ">" | ">="
///
/// NUMBER and NAME are described on ``Lexer``; a PERIOD is `2027-03`, `2027-Q1`, `2027-W05`
/// or `2027`, written without spaces (see ``Period``). A NAME may not be a reserved word (see
/// ``ReservedWords``), except that `t` may be referenced. Function names are matched
/// case-insensitively when evaluated; a cell may share a name with a function, because a call
/// is told apart by its `(`. A `not` inside arithmetic or a comparison needs parentheses:
/// `1 + (not x)`.
///
/// The parser is a Pratt parser (``Precedence`` is its one table of binding powers) that keeps
/// its nesting on an explicit stack rather than the call stack. It reports one diagnostic per
/// statement, the first problem in the text, and refuses trees deeper than ``maximumDepth``,
/// so that what downstream code recurses on is bounded.
public enum Parser {
    /// Deepest nesting accepted: parentheses, calls, unary operators and operators of mixed
    /// levels, so `((((1))))` is limited. A run of one operator level (`r1 + r2 + … + r300`)
    /// counts as one level however long it is (see ``OperatorChain``).
    public static let maximumDepth = 256

    /// Longest run of operators accepted in one expression: bounds the tree that
    /// releasing an expression walks.
    public static let maximumChainLength = 4_000

    /// Parses `name = expr`, `goal <comparison>` or a bare expression.
    ///
    /// `source` is a slice of the whole file's bytes; every range produced is an absolute offset
    /// into that file. Columns quoted inside messages count from the start of the slice's line,
    /// so a slice should start at the beginning of a line.
    public static func parseStatement(_ source: ArraySlice<UInt8>) -> Result<Statement, Diagnostic> {
        parseStatementAndShape(source).statement
    }

    /// Parses one line as ``parseStatement(_:)`` does, and tells whether its expressions are plain
    /// arithmetic, as ``Expr/isPlainArithmetic`` would answer (but exactly, however deep): no call, no
    /// `t` or `month`, no `leads[2027-03]`. The parse knows it for free; a loader would otherwise walk
    /// each tree to learn it.
    public static func parseStatementAndShape(
        _ source: ArraySlice<UInt8>
    ) -> (statement: Result<Statement, Diagnostic>, isPlainArithmetic: Bool) {
        var parser = PrattParser(source)
        do {
            let statement = try parser.statement()
            if parser.hasCall { try RangeSyntax.check(statement) }
            return (.success(statement), !parser.hasCall && !parser.readsTime)
        } catch { return (.failure(error), false) }
    }

    /// Parses a bare expression; `=` and `goal` have no special meaning here.
    public static func parseExpression(_ source: ArraySlice<UInt8>) -> Result<Expr, Diagnostic> {
        var parser = PrattParser(source)
        do {
            let expression = try parser.wholeExpression(mayBeDefinition: false)
            if parser.hasCall { try RangeSyntax.check(expression) }
            return .success(expression)
        } catch { return .failure(error) }
    }

    /// Parses a span of periods alone, `2027-07 .. 2027-12` or `2027-03`, as a command takes one.
    public static func parsePeriodSpan(_ source: ArraySlice<UInt8>) -> Result<PeriodSpan, Diagnostic> {
        var parser = PrattParser(source)
        do { return .success(try parser.wholePeriodSpan()) } catch { return .failure(error) }
    }

    public static func parseStatement(_ text: String) -> Result<Statement, Diagnostic> {
        parseStatement(Array(text.utf8)[...])
    }

    public static func parseExpression(_ text: String) -> Result<Expr, Diagnostic> {
        parseExpression(Array(text.utf8)[...])
    }
}

/// Binding power of the binary and prefix operators, loosest first.
enum Precedence: Int, Comparable {
    /// `a or b`
    case or
    /// `a and b`
    case and
    /// prefix `not`: looser than comparisons, so `not a == b` negates the comparison.
    case not
    /// `== != < <= > >=`: non-associative.
    case comparison
    /// `a + b`, `a - b`
    case sum
    /// `a * b`, `a / b`
    case product
    /// prefix `-` and `+`: looser than `^`, so `-2^2` is -4, as in mathematics.
    case unary
    /// `a ^ b`: right-associative.
    case power

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension BinaryOperator {
    var precedence: Precedence {
        switch self {
        case .or: .or
        case .and: .and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: .comparison
        case .add, .subtract: .sum
        case .multiply, .divide: .product
        case .power: .power
        }
    }

    /// The loosest operator allowed unparenthesized in the right operand. One step tighter than
    /// this operator makes it left-associative; `^` takes a signed, right-associative operand.
    var rightOperandPrecedence: Precedence {
        if self == .power { return .unary }
        return Precedence(rawValue: precedence.rawValue + 1) ?? .power
    }
}

extension Token.Kind {
    /// Whether this token, written right after the year, can be part of a period: `-`, `03`, `Q1`, `W05`.
    var continuesPeriod: Bool {
        switch self {
        case .symbol(.minus), .number, .name: true
        default: false
        }
    }

    /// The binary operator this token spells, if any; `=` is not one (it defines a cell).
    var binaryOperator: BinaryOperator? {
        switch self {
        case .symbol(.plus): .add
        case .symbol(.minus): .subtract
        case .symbol(.star): .multiply
        case .symbol(.slash): .divide
        case .symbol(.caret): .power
        case .symbol(.equal): .equal
        case .symbol(.notEqual): .notEqual
        case .symbol(.less): .less
        case .symbol(.lessEqual): .lessEqual
        case .symbol(.greater): .greater
        case .symbol(.greaterEqual): .greaterEqual
        case .keyword(.and): .and
        case .keyword(.or): .or
        default: nil
        }
    }
}

/// An expression with the depth of its tree, tracked as the tree is built so that depth is
/// never computed by recursion.
private struct Parsed {
    var expr: Expr
    /// Nesting, as bounded by ``Parser/maximumDepth``: a chain of one operator level counts once.
    var depth: Int
    /// The tree's real depth, as bounded by ``Parser/maximumChainLength``.
    var treeDepth: Int

    init(expr: Expr, depth: Int, treeDepth: Int? = nil) {
        self.expr = expr
        self.depth = depth
        self.treeDepth = treeDepth ?? depth
    }
}

/// Work set aside while a nested expression is parsed: one entry per level of nesting, kept on
/// an explicit stack so that parsing uses no call-stack depth, however deep the input.
private enum Suspended {
    /// `left op …`, waiting for the right operand.
    case binary(BinaryOperator, operatorToken: Token, left: Parsed, resume: Precedence)
    /// `-…`, `+…` or `not …`, waiting for the operand.
    case unary(UnaryOperator, token: Token, resume: Precedence)
    /// `( …`, waiting for the inside and then `)`.
    case parenthesis(open: Token, resume: Precedence)
    /// `name(…, …`, waiting for an argument and then `,` or `)`; the arguments so far are
    /// on `PrattParser.callArguments`. The name is read from `nameRange` once the call is built.
    case call(nameRange: SourceRange, open: Token, deepestArgument: Int, deepestTree: Int, resume: Precedence)
}

/// The parsing state of one statement: the lexer it pulls tokens from, the token it is at
/// with one either side, and the nesting suspended so far.
///
/// A recursive Pratt parser would call itself for each operand; this one keeps the same
/// shape but pushes a ``Suspended`` where it would recurse and pops it where the call would
/// return. `minimum` is the precedence the recursive call would have been given.
private struct PrattParser {
    private var lexer: Lexer
    /// The token being read.
    private var current: Token
    /// The token after ``current``: all the grammar looks ahead, but for the scans of
    /// ``closingBracketBeforeAssign()`` and ``thousandsSeparatorHint()``, which read on a copy of the lexer.
    private var following: Token
    /// The token before ``current``; nil at the first.
    private var previous: Token?
    /// How many tokens have been passed: a lone name before a value (`leads 150`) is told by it.
    private var passed = 0
    private var suspended: [Suspended] = []
    /// The arguments parsed so far of each suspended call, innermost last.
    private var callArguments: [[Expr]] = []
    /// The loosest operator the expression being parsed now may contain unparenthesized.
    private var minimum = Precedence.or
    /// Whether any call (a range `25% to 40%` among them) was built: only then can the text hold a
    /// range, and ``RangeSyntax/check(_:)`` have anything to look at.
    private(set) var hasCall = false
    /// Whether a name of time (`t`, `month`) or one period of a cell (`leads[2027-03]`) was built.
    private(set) var readsTime = false

    init(_ source: ArraySlice<UInt8>) {
        var lexer = Lexer(source)
        current = lexer.next()
        following = lexer.next()
        self.lexer = lexer
    }

    // MARK: - Statements

    mutating func statement() throws(Diagnostic) -> Statement {
        if isName(current, "actual"), word(following) != nil {
            return try actual()
        }
        if isName(current, "periods"), following.kind == .symbol(.assign) {
            return try periodsLine()
        }
        if closingBracketBeforeAssign(), let name = word(current) {
            let nameToken = try definedName(name)
            advance()
            let span = try periodSpan()
            // The span reads no `]`, so one here is the first of the line, the one before `=`.
            guard current.kind == .symbol(.rightBracket) else { throw unclosedBracket(found: current) }
            advance()
            advance()
            return .override(name: name, nameRange: nameToken.range, periods: span,
                             expression: try wholeExpression(mayBeDefinition: false))
        }
        if following.kind == .symbol(.assign), let name = word(current) {
            let nameToken = try definedName(name)
            advance()
            return .definition(name: name, nameRange: nameToken.range, expression: try wholeExpression(mayBeDefinition: false))
        }
        if isName(current, "goal") {
            return .goal(try goal())
        }
        return .expression(try wholeExpression(mayBeDefinition: true))
    }

    /// Passes the current token, the name `name` of a cell being defined, refused when it is a reserved word.
    private mutating func definedName(_ name: String) throws(Diagnostic) -> Token {
        guard !ReservedWords.contains(name) else {
            throw Diagnostic("'\(name)' is a reserved word and cannot name a cell", at: current.range)
        }
        return advance()
    }

    /// An expression that must use up the input. `mayBeDefinition` allows the hint that a
    /// lone name followed by a value is missing its `=`.
    mutating func wholeExpression(mayBeDefinition: Bool) throws(Diagnostic) -> Expr {
        var parsed = try expression().expr
        if isName(current, "to") { parsed = try range(from: parsed) }
        guard current.kind == .end else {
            throw leftover(current, afterLoneName: mayBeDefinition && passed == 1 ? previous : nil)
        }
        return parsed
    }

    /// `low to high` (see ``RangeSyntax``), kept as a call of `to`; only a whole expression is one.
    private mutating func range(from low: Expr) throws(Diagnostic) -> Expr {
        let word = advance()
        guard current.kind != .end else {
            throw Diagnostic("expected the high end of the range after 'to', as in 25% to 40%", at: word.range)
        }
        let high = try expression().expr
        hasCall = true
        return .call(name: "to", arguments: [low, high], low.range.union(high.range))
    }

    /// `periods = 2027-01 .. 2027-12`, the `periods` and `=` tokens current.
    private mutating func periodsLine() throws(Diagnostic) -> Statement {
        advance()
        advance()
        let span = try periodSpan()
        let count = span.last.period.ordinal - span.first.period.ordinal + 1
        guard count <= Timeline.maximumCount else { throw Diagnostic(PeriodError.tooMany(count).description, at: span.range) }
        guard current.kind == .end else { throw leftover(current, afterLoneName: nil) }
        return .periods(span)
    }

    /// `actual leads[2027-01] = 95`, the `actual` token current: one period, a number (a sign allowed).
    private mutating func actual() throws(Diagnostic) -> Statement {
        advance()
        guard let name = word(current) else {
            throw Diagnostic("expected a cell name after 'actual', as in actual leads[2027-01] = 95", at: current.range)
        }
        guard !ReservedWords.contains(name) else {
            throw Diagnostic("'\(name)' is a reserved word and cannot name a cell", at: current.range)
        }
        let nameToken = advance()
        guard current.kind == .symbol(.leftBracket) else {
            throw Diagnostic("expected '[' and a period after \(name), as in actual \(name)[2027-01] = 95", at: current.range)
        }
        advance()
        let span = try periodSpan()
        guard span.first.period == span.last.period else {
            throw Diagnostic("an actual is recorded for one period at a time, as in actual \(name)[\(span.first.period)] = 95",
                             at: span.range)
        }
        guard current.kind == .symbol(.rightBracket) else { throw unclosedBracket(found: current) }
        advance()
        guard current.kind == .symbol(.assign) else {
            throw Diagnostic("expected '=' and the value, as in actual \(name)[\(span.first.period)] = 95", at: current.range)
        }
        advance()
        guard current.kind != .end else {
            throw Diagnostic("expected the value after '=', as in actual \(name)[\(span.first.period)] = 95", at: current.range)
        }
        let value = try wholeExpression(mayBeDefinition: false)
        guard let number = value.constantNumber, number.isFinite else {
            throw Diagnostic("an actual is a number, as in actual \(name)[\(span.first.period)] = 95", at: value.range)
        }
        return .actual(name: name, nameRange: nameToken.range, period: span.first, value: number, valueRange: value.range)
    }

    /// A span and nothing after it.
    mutating func wholePeriodSpan() throws(Diagnostic) -> PeriodSpan {
        let span = try periodSpan()
        guard current.kind == .end else { throw Diagnostic("unexpected '\(spelling(current))' after the periods", at: current.range) }
        return span
    }

    /// Whether the statement has the shape `name[…] =`, its first `]` followed by `=`: read ahead on
    /// a copy of the lexer, as far as that `]`, only for a line that starts with a name and `[`.
    private func closingBracketBeforeAssign() -> Bool {
        guard following.kind == .symbol(.leftBracket) else { return false }
        var ahead = lexer
        var token = ahead.next()
        while token.kind != .symbol(.rightBracket) {
            if token.isLast { return false }
            token = ahead.next()
        }
        return ahead.next().kind == .symbol(.assign)
    }

    // MARK: - Periods

    /// `2027-03` or `2027-07 .. 2027-12`.
    private mutating func periodSpan() throws(Diagnostic) -> PeriodSpan {
        let first = try periodLiteral()
        guard current.kind == .symbol(.through) else { return PeriodSpan(first: first, last: first) }
        advance()
        let last = try periodLiteral()
        let span = PeriodSpan(first: first, last: last)
        if first.period.kind != last.period.kind {
            throw Diagnostic(PeriodError.mixedKinds(first.period, last.period).description, at: span.range)
        }
        if first.period > last.period {
            throw Diagnostic(PeriodError.backwards(first.period, last.period).description, at: span.range)
        }
        return span
    }

    /// A period written without spaces: the lexer reads `2027-03` as a number, `-` and a number and
    /// `2027-W05` as a number, `-` and a name, so the adjacent tokens are read back as one text.
    private mutating func periodLiteral() throws(Diagnostic) -> PeriodLiteral {
        let first = current
        switch first.kind {
        case .number: break
        case .invalid: throw failure(at: first)
        case .end: throw Diagnostic("expected a period such as 2027-03", at: first.range)
        default: throw Diagnostic("expected a period such as 2027-03, not '\(spelling(first))'", at: first.range)
        }
        var end = advance().range.end
        while current.range.start == end, current.kind.continuesPeriod { end = advance().range.end }
        let range = SourceRange(start: first.range.start, end: end)
        switch Period.parse(String(decoding: source[range.start..<range.end], as: UTF8.self)) {
        case .success(let period): return PeriodLiteral(period: period, range: range)
        case .failure(let error): throw Diagnostic(error.description, at: range)
        }
    }

    /// `name[2027-03]`, the name current and `[` next.
    private mutating func periodValue() throws(Diagnostic) -> Parsed {
        let nameRange = advance().range
        let name = spelling(nameRange)
        advance()
        let period = try periodLiteral()
        if current.kind == .symbol(.through) {
            throw Diagnostic("a formula reads one period of a cell, as in \(name)[\(period.period)]; "
                             + "for several use total, average, first, last, peak or lowest", at: current.range)
        }
        guard current.kind == .symbol(.rightBracket) else { throw unclosedBracket(found: current) }
        let close = advance()
        _ = try reference(name, at: nameRange)
        readsTime = true
        let expr = Expr.at(name: name, nameRange: nameRange, period: period, nameRange.union(close.range))
        return Parsed(expr: expr, depth: 1)
    }

    private func unclosedBracket(found: Token) -> Diagnostic {
        if found.kind == .invalid { return failure(at: found) }
        return Diagnostic("expected ']' after the period", at: found.range)
    }

    private mutating func goal() throws(Diagnostic) -> Goal {
        let keyword = advance()
        let needsComparison = "a goal needs a comparison such as revenue >= 50k"
        guard current.kind != .end else { throw Diagnostic(needsComparison, at: keyword.range) }
        let expr = try wholeExpression(mayBeDefinition: false)
        guard case .binary(let comparison, let lhs, let rhs, _) = expr, comparison.isComparison else {
            throw Diagnostic(needsComparison, at: expr.range)
        }
        // The keyword was passed, so there is a token before the end.
        let lastToken = previous ?? keyword
        return Goal(comparison: comparison, lhs: lhs, rhs: rhs, range: keyword.range.union(lastToken.range))
    }

    // MARK: - Expressions

    /// One complete expression: alternately an operand (a prefix form), and the binary
    /// operators and closing tokens that follow it.
    private mutating func expression() throws(Diagnostic) -> Parsed {
        suspended.removeAll(keepingCapacity: true)
        callArguments.removeAll(keepingCapacity: true)
        minimum = .or
        while true {
            guard let operand = try operandOrSuspend() else { continue }
            if let complete = try continueExpression(after: operand) { return complete }
        }
    }

    /// Parses an operand that needs no nested expression, or suspends the form that does
    /// (`(`, a prefix operator, a call with arguments) and returns nil to start that expression.
    private mutating func operandOrSuspend() throws(Diagnostic) -> Parsed? {
        guard suspended.count < Parser.maximumDepth else { throw Self.tooDeep(at: current.range) }
        let token = current
        switch token.kind {
        case .number(let value, let style):
            advance()
            return Parsed(expr: .number(value, style, token.range), depth: 1)
        case .keyword(.true), .keyword(.false):
            advance()
            return Parsed(expr: .boolean(token.kind == .keyword(.true), token.range), depth: 1)
        case .name where following.kind == .symbol(.leftParen):
            advance()
            let open = advance()
            if current.kind == .symbol(.rightParen) {
                return try finishCall(nameRange: token.range, arguments: [], deepestArgument: 0, deepestTree: 0)
            }
            suspend(.call(nameRange: token.range, open: open, deepestArgument: 0, deepestTree: 0, resume: minimum),
                    then: .or)
            callArguments.append([])
            return nil
        case .name where following.kind == .symbol(.leftBracket):
            return try periodValue()
        case .name:
            advance()
            return Parsed(expr: try reference(spelling(token.range), at: token.range), depth: 1)
        case .symbol(.leftParen):
            advance()
            suspend(.parenthesis(open: token, resume: minimum), then: .or)
            return nil
        case .symbol(.minus), .symbol(.plus):
            advance()
            suspend(.unary(token.kind == .symbol(.minus) ? .negate : .plus, token: token, resume: minimum), then: .unary)
            return nil
        case .keyword(.not):
            guard minimum <= .not else { throw notNeedsParentheses(token) }
            advance()
            suspend(.unary(.not, token: token, resume: minimum), then: .not)
            return nil
        default:
            throw missingExpression(found: token)
        }
    }

    /// The Pratt loop: applies each binary operator at least as tight as `minimum`, and
    /// completes suspended forms as their nested expressions end. Returns the whole expression
    /// when nothing is suspended any more, or nil after suspending for a new operand.
    private mutating func continueExpression(after operand: consuming Parsed) throws(Diagnostic) -> Parsed? {
        var left = operand
        var lastWasComparison = false
        while true {
            if let binary = current.kind.binaryOperator, binary.precedence >= minimum {
                let operatorToken = advance()
                if binary.isComparison && lastWasComparison { throw Self.chainedComparison(at: operatorToken.range) }
                guard let right = try immediateOperand(bindingAt: binary.rightOperandPrecedence) else {
                    suspend(.binary(binary, operatorToken: operatorToken, left: left, resume: minimum),
                            then: binary.rightOperandPrecedence)
                    return nil
                }
                left = try Self.binaryNode(binary, left, right, at: operatorToken.range)
                lastWasComparison = binary.isComparison
                continue
            }
            guard let innermost = suspended.popLast() else { return left }
            lastWasComparison = false
            switch innermost {
            case .binary(let op, let operatorToken, let leftOperand, let resume):
                left = try Self.binaryNode(op, leftOperand, left, at: operatorToken.range)
                lastWasComparison = op.isComparison
                minimum = resume
            case .unary(let op, let token, let resume):
                left = try Self.node(.unary(op, left.expr, token.range.union(left.expr.range)),
                                     depth: left.depth + 1, treeDepth: left.treeDepth + 1, at: token.range)
                minimum = resume
            case .parenthesis(let open, let resume):
                guard current.kind == .symbol(.rightParen) else { throw unclosed(open, found: current, isCall: false) }
                advance()
                minimum = resume
            case .call(let nameRange, let open, let deepestArgument, let deepestTree, let resume):
                callArguments[callArguments.count - 1].append(left.expr)
                let deepest = max(deepestArgument, left.depth)
                let deepestInTree = max(deepestTree, left.treeDepth)
                if current.kind == .symbol(.comma) {
                    advance()
                    suspend(.call(nameRange: nameRange, open: open, deepestArgument: deepest,
                                  deepestTree: deepestInTree, resume: resume),
                            then: .or)
                    return nil
                }
                guard current.kind == .symbol(.rightParen) else { throw unclosed(open, found: current, isCall: true) }
                left = try finishCall(nameRange: nameRange, arguments: callArguments.removeLast(),
                                      deepestArgument: deepest, deepestTree: deepestInTree)
                minimum = resume
            }
        }
    }

    /// The right operand of a binary operator, read at once when it is a number, a boolean or a
    /// plain name and the token after it binds no tighter than `rightMinimum`: then the operator
    /// applies to it directly, exactly as it would once the operand were parsed with the operator
    /// suspended, but with nothing set aside. Nil, having read nothing, for any other operand.
    private mutating func immediateOperand(bindingAt rightMinimum: Precedence) throws(Diagnostic) -> Parsed? {
        // The depth the suspended operator would have taken counts, so a refusal stays where it was.
        guard suspended.count + 1 < Parser.maximumDepth else { return nil }
        if let next = following.kind.binaryOperator, next.precedence >= rightMinimum { return nil }
        switch current.kind {
        case .number, .keyword(.true), .keyword(.false):
            break
        case .name where following.kind != .symbol(.leftParen) && following.kind != .symbol(.leftBracket):
            break
        default:
            return nil
        }
        return try operandOrSuspend()
    }

    /// `left op right`, with its depth: a run of one chaining level (``OperatorChain``) counts as one level of nesting.
    private static func binaryNode(
        _ op: BinaryOperator, _ left: consuming Parsed, _ right: consuming Parsed, at operatorRange: SourceRange
    ) throws(Diagnostic) -> Parsed {
        let extendsChain = op.chainLevel != nil && left.expr.binaryOperator?.chainLevel == op.chainLevel
        return try node(.binary(op, left.expr, right.expr, left.expr.range.union(right.expr.range)),
                        depth: extendsChain ? max(left.depth, right.depth + 1) : max(left.depth, right.depth) + 1,
                        treeDepth: max(left.treeDepth, right.treeDepth) + 1, at: operatorRange)
    }

    /// Sets `form` aside and starts its nested expression, which may contain operators of
    /// `nestedMinimum` and tighter.
    private mutating func suspend(_ form: Suspended, then nestedMinimum: Precedence) {
        suspended.append(form)
        minimum = nestedMinimum
    }

    /// Builds a call of the name at `nameRange` whose `)` is the current token.
    private mutating func finishCall(nameRange: SourceRange, arguments: [Expr],
                                     deepestArgument: Int, deepestTree: Int) throws(Diagnostic) -> Parsed {
        let close = advance()
        hasCall = true
        return try Self.node(.call(name: spelling(nameRange), arguments: arguments, nameRange.union(close.range)),
                             depth: deepestArgument + 1, treeDepth: deepestTree + 1, at: nameRange)
    }

    private mutating func reference(_ name: String, at range: SourceRange) throws(Diagnostic) -> Expr {
        guard ReservedWords.contains(name) else { return .name(name, range) }
        if ReservedWords.isReferenceable(name) {
            readsTime = true
            return .name(name, range)
        }
        if name == "if" { throw Diagnostic("expected '(' after 'if', as in if(condition, then, else)", at: range) }
        throw Diagnostic("'\(name)' is a reserved word and cannot name a cell", at: range)
    }

    /// A new node, refused when it would make the tree deeper than ``Parser/maximumDepth``.
    private static func node(
        _ expr: consuming Expr, depth: Int, treeDepth: Int? = nil, at range: SourceRange
    ) throws(Diagnostic) -> Parsed {
        guard depth <= Parser.maximumDepth else { throw tooDeep(at: range) }
        let parsed = Parsed(expr: expr, depth: depth, treeDepth: treeDepth)
        guard parsed.treeDepth <= Parser.maximumChainLength else {
            throw Diagnostic("expression is too long (more than \(Parser.maximumChainLength) operators in a row)", at: range)
        }
        return parsed
    }

    // MARK: - Errors

    private static func tooDeep(at range: SourceRange) -> Diagnostic {
        Diagnostic("expression is nested too deeply (more than \(Parser.maximumDepth) levels)", at: range)
    }

    private static func nestedRange(at range: SourceRange) -> Diagnostic {
        Diagnostic("a range 'low to high' must be the whole formula of a lead indicator, as in win_rate = 25% to 40%",
                   at: range)
    }

    private static func chainedComparison(at range: SourceRange) -> Diagnostic {
        Diagnostic("comparisons cannot be chained: join them with 'and', as in a < b and b < c", at: range)
    }

    /// `not` binds looser than arithmetic and comparisons, so it cannot be their operand unparenthesized.
    private func notNeedsParentheses(_ token: Token) -> Diagnostic {
        let after = previous.map { " after '\(spelling($0))'" } ?? ""
        return Diagnostic("put 'not …' in parentheses\(after)", at: token.range)
    }

    /// A token where an expression should start.
    private func missingExpression(found token: Token) -> Diagnostic {
        if token.kind == .invalid { return failure(at: token) }
        if let previous { return Diagnostic("expected an expression after '\(spelling(previous))'", at: token.range) }
        switch token.kind {
        case .end:
            return Diagnostic("expected an expression", at: token.range)
        case let kind where kind.binaryOperator != nil:
            return Diagnostic("expected an expression before '\(spelling(token))'", at: token.range)
        default:
            return Diagnostic("unexpected '\(spelling(token))'", at: token.range)
        }
    }

    /// A token where a parenthesis or call should have been closed.
    private func unclosed(_ open: Token, found: Token, isCall: Bool) -> Diagnostic {
        if found.kind == .invalid { return failure(at: found) }
        let column = column(of: open.range.start)
        if found.kind == .end { return Diagnostic("missing ')' to close '(' at column \(column)", at: found.range) }
        if let hint = misplacedSymbolHint(found) { return Diagnostic(hint, at: found.range) }
        if isName(found, "to") { return Self.nestedRange(at: found.range) }
        let message = isCall ? "expected ',' or ')' after a function argument" : "expected ')' to close '(' at column \(column)"
        return Diagnostic(message, at: found.range)
    }

    /// A token left over after a complete expression.
    private func leftover(_ token: Token, afterLoneName loneName: Token?) -> Diagnostic {
        if token.kind == .invalid { return failure(at: token) }
        if let hint = misplacedSymbolHint(token) { return Diagnostic(hint, at: token.range) }
        if token.kind == .symbol(.rightParen) { return Diagnostic("unexpected ')'", at: token.range) }
        if isName(token, "to") { return Self.nestedRange(at: token.range) }
        if let loneName { return Diagnostic("expected '=' after '\(spelling(loneName))'", at: token.range) }
        return Diagnostic("missing operator before '\(spelling(token))'", at: token.range)
    }

    /// Advice for `=` and `,` where they cannot go, with the current token being that symbol.
    private func misplacedSymbolHint(_ token: Token) -> String? {
        switch token.kind {
        case .symbol(.assign):
            return "unexpected '='; to compare two values use '=='"
        case .symbol(.comma):
            return decimalCommaHint() ?? thousandsSeparatorHint()
                ?? "unexpected ','; commas only separate a function's arguments"
        default:
            return nil
        }
    }

    /// `1,5` written with a decimal comma, as much of Europe writes numbers: a group after the
    /// comma that is not three digits cannot be thousands, so say to use a point.
    private func decimalCommaHint() -> String? {
        guard let whole = previous, !current.isLast else { return nil }
        let fraction = following
        guard case .number(_, let wholeStyle) = whole.kind, wholeStyle != .percent,
              case .number(_, let fractionStyle) = fraction.kind, fractionStyle == .plain || fractionStyle == .percent,
              whole.range.end == current.range.start, current.range.end == fraction.range.start,
              spelling(whole).allSatisfy({ $0.isNumber || $0.isCurrencySymbol }) else { return nil }
        let fractionText = spelling(fraction)
        let digits = fractionText.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count != 3 else { return nil }
        return "use '.' for decimals: write \(spelling(whole)).\(fractionText)"
    }

    /// `$2,400` reads as `$2` and `400`: say what to write instead when that is what happened.
    private func thousandsSeparatorHint() -> String? {
        guard let first = previous, !current.isLast else { return nil }
        guard case .number = first.kind, first.range.end == current.range.start,
              spelling(first).allSatisfy({ $0.isNumber || $0.isCurrencySymbol || $0 == "_" }) else { return nil }
        var written = spelling(first)
        // The comma and the group after it, then each further pair, read on a copy of the lexer.
        var ahead = lexer
        var (before, comma, group) = (first, current, following)
        var groups = 0
        while comma.kind == .symbol(.comma) {
            guard case .number(_, .plain) = group.kind, before.range.end == comma.range.start,
                  comma.range.end == group.range.start else { break }
            written += spelling(group)
            groups += 1
            (before, comma, group) = (group, ahead.next(), ahead.next())
        }
        guard groups > 0 else { return nil }
        return "thousands separators are not allowed in numbers: write \(written)"
    }

    // MARK: - Tokens

    /// The text being parsed, held once, by the lexer.
    private var source: ArraySlice<UInt8> { lexer.source }

    /// Moves past the current token; the final `.end` (or `.invalid`) token is never passed.
    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        guard !token.isLast else { return token }
        previous = token
        current = following
        following = lexer.next()
        passed += 1
        return token
    }

    private func spelling(_ token: Token) -> String {
        spelling(token.range)
    }

    private func spelling(_ range: SourceRange) -> String {
        String(decoding: source[range.start..<range.end], as: UTF8.self)
    }

    /// Whether `token` is a name spelled `word`, compared on its bytes.
    private func isName(_ token: Token, _ word: StaticString) -> Bool {
        token.kind == .name && source[token.range.start..<token.range.end].spells(word)
    }

    /// The word a name or keyword token spells, so `and = 1` can be refused by name.
    private func word(_ token: Token) -> String? {
        switch token.kind {
        case .name, .keyword: spelling(token)
        default: nil
        }
    }

    /// What the lexer found wrong at `token`, an `.invalid` token: the first problem in the line.
    private func failure(at token: Token) -> Diagnostic {
        // The parser's own lexer read that token, and kept its message as it did.
        lexer.failure!
    }

    /// 1-based column of `offset` within its line of the slice, counted in characters.
    private func column(of offset: Int) -> Int {
        var lineStart = offset
        while lineStart > source.startIndex && source[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        return String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1
    }
}

private extension Character {
    var isCurrencySymbol: Bool { CurrencySymbol(rawValue: String(self)) != nil }
}
