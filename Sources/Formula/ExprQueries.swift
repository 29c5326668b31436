/// Questions asked of a parsed formula by the engine (what does it depend on?) and by
/// rename (where is each reference?). Both walk the tree with an explicit stack, so they
/// cost no call-stack depth whatever the expression.
extension Expr {
    /// The number a literal stands for, signed (`95`, `-3`, `12.5%`, `$2,400`); nil for anything else.
    public var constantNumber: Double? {
        switch self {
        case .number(let value, _, _): value
        case .unary(.negate, let operand, _): operand.constantNumber.map { -$0 }
        case .unary(.plus, let operand, _): operand.constantNumber
        default: nil
        }
    }

    /// Whether the expression is a running total, `cumulative(x)` or `ytd(x)`: a level that climbs
    /// over the periods, which its last value sums up, not the total of its running totals.
    public var isRunningTotal: Bool {
        guard case .call(let name, let arguments, _) = self, arguments.count == 1,
              let reduction = Reduction(rawValue: name.lowercased()) else { return false }
        return !reduction.isSingleValued
    }

    /// Names of cells this expression references, unique, in order of first appearance.
    /// Function names are not references: `max(leads, 10)` references only `leads`; nor are
    /// the period index `t` and `month`.
    public var referencedNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        forEachNodeInSourceOrder { node in
            if let name = node.referencedCell, seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The cell this node reads, if it is a reference (`leads`, `leads[2027-03]`).
    private var referencedCell: String? {
        switch self {
        case .name(let name, _) where !ReservedWords.isReferenceable(name): name
        case .at(let name, _, _, _): name
        default: nil
        }
    }

    /// Whether the expression is only numbers, `true`/`false`, references to cells and operators:
    /// no call, no `x[2027-03]`, no `t` or `month`. Two checks every formula of a file goes through
    /// as it loads (uses of periods, unknown functions) look for nothing else, so a formula of plain
    /// arithmetic, most of a plan, skips their walks. A long chain (`a + b + … + z`) is
    /// followed down its left operands in a loop; past a few right operands nested in right operands
    /// the answer is false, which only means the checks walk the formula.
    public var isPlainArithmetic: Bool { isPlainArithmetic(rightOperandsNested: 16) }

    private func isPlainArithmetic(rightOperandsNested budget: Int) -> Bool {
        var node = self
        while true {
            switch node {
            case .number, .boolean: return true
            case .name(let name, _): return !ReservedWords.isReferenceable(name)
            case .call, .at: return false
            case .unary(_, let operand, _): node = operand
            case .binary(_, let left, let right, _):
                guard budget > 0, right.isPlainArithmetic(rightOperandsNested: budget - 1) else { return false }
                node = left
            }
        }
    }

    /// Where the expression uses something that needs a `periods` line (`prev`, `x[2027-03]`,
    /// `t`, `month`) or names a period outside the plan: the first such place, as an error.
    /// Reductions and running totals are fine without periods (a total of one period).
    public func periodProblem(in timeline: Timeline) -> Diagnostic? {
        guard !isPlainArithmetic else { return nil }
        var problem: Diagnostic?
        forEachNodeInSourceOrder { node in
            guard problem == nil else { return }
            switch node {
            case .name(let name, let range) where !timeline.hasPeriods && ReservedWords.isReferenceable(name):
                problem = Diagnostic("'\(name)' needs a periods line (periods = 2027-01 .. 2027-12)", at: range)
            case .call(let name, _, let range) where !timeline.hasPeriods && name.lowercased() == "prev":
                problem = Diagnostic("prev needs a periods line (periods = 2027-01 .. 2027-12)",
                                     at: SourceRange(start: range.start, end: range.start + name.utf8.count))
            case .at(let name, _, let literal, _):
                if !timeline.hasPeriods {
                    problem = Diagnostic("\(name)[\(literal.period)] needs a periods line (periods = 2027-01 .. 2027-12)",
                                         at: literal.range)
                } else if timeline.index(of: literal.period) == nil {
                    problem = Diagnostic(Timeline.outside(literal.period, of: timeline), at: literal.range)
                }
            default:
                break
            }
        }
        return problem
    }

    /// Ranges of every reference to `name`, in source order, for a caller that splices a new
    /// name into the user's text (function names with the same spelling are left alone).
    public func rangesOfReferences(to name: String) -> [SourceRange] {
        var ranges: [SourceRange] = []
        forEachNodeInSourceOrder { node in
            switch node {
            case .name(let referenced, let range) where referenced == name: ranges.append(range)
            case .at(let referenced, let range, _, _) where referenced == name: ranges.append(range)
            default: break
            }
        }
        return ranges
    }

    /// Visits this node and every node below it, parents first, left operands before right ones,
    /// which is the order their text appears in.
    ///
    /// Every formula of a file is walked this way several times while it loads, so the nodes
    /// waiting their turn are kept on the call stack, spilling to an array only for a large formula.
    public func forEachNodeInSourceOrder(_ visit: (Expr) -> Void) {
        withUnsafeTemporaryAllocation(of: Expr.self, capacity: Self.pendingOnStack) { stack in
            var pending = PendingNodes(stack: stack)
            var next: Expr? = self
            while let node = next {
                visit(node)
                // The leftmost child is visited next; the others wait, the nearest on top.
                switch node {
                case .number, .boolean, .name, .at:
                    next = pending.pop()
                case .unary(_, let operand, _):
                    next = operand
                case .binary(_, let left, let right, _):
                    pending.push(right)
                    next = left
                case .call(_, let arguments, _):
                    for argument in arguments.dropFirst().reversed() { pending.push(argument) }
                    next = arguments.first ?? pending.pop()
                }
            }
        }
    }

    /// Nodes a walk keeps on the call stack before it spills to the heap.
    private static let pendingOnStack = 32
}

/// The stack of nodes a walk has yet to visit: a buffer on the call stack, then an array.
/// A node goes to the array once the buffer is full (or the array holds any), and comes back
/// from the array first, so the two together are one last-in, first-out stack. A walk pops
/// every node it pushed, so nothing is left in the buffer when it ends.
private struct PendingNodes {
    private let stack: UnsafeMutableBufferPointer<Expr>
    private var count = 0
    private var spilled: [Expr] = []

    init(stack: UnsafeMutableBufferPointer<Expr>) {
        self.stack = stack
    }

    mutating func push(_ node: Expr) {
        if spilled.isEmpty && count < stack.count {
            (stack.baseAddress! + count).initialize(to: node)
            count += 1
        } else {
            spilled.append(node)
        }
    }

    mutating func pop() -> Expr? {
        if let node = spilled.popLast() { return node }
        guard count > 0 else { return nil }
        count -= 1
        return (stack.baseAddress! + count).move()
    }

}

extension Expr {
    /// Calls of functions that do not exist (they evaluate to `#NAME?`), each with the range of
    /// its name, in source order, for a warning that points at the typo.
    public var unknownFunctionCalls: [(name: String, range: SourceRange)] {
        guard !isPlainArithmetic else { return [] }
        var calls: [(name: String, range: SourceRange)] = []
        forEachNodeInSourceOrder { node in
            if case .call(let name, _, let range) = node, Builtins.function(named: name) == nil {
                calls.append((name, SourceRange(start: range.start, end: range.start + name.utf8.count)))
            }
        }
        return calls
    }
}

extension Builtins {
    /// `unknown function 'sqr' (did you mean sqrt?)`.
    public static func unknownFunctionMessage(_ name: String) -> String {
        "unknown function '\(name)'" + NameSuggestion.hint(for: name.lowercased(), among: functionNames)
    }
}

extension Statement {
    /// The first use of periods the plan does not allow anywhere in the statement (see ``Expr/periodProblem(in:)``),
    /// including an override's periods.
    public func periodProblem(in timeline: Timeline) -> Diagnostic? {
        switch self {
        case .definition(_, _, let expression), .expression(let expression):
            return expression.periodProblem(in: timeline)
        case .goal(let goal):
            return goal.lhs.periodProblem(in: timeline) ?? goal.rhs.periodProblem(in: timeline)
        case .periods:
            return nil
        case .override(let name, _, let span, let expression):
            guard timeline.hasPeriods else {
                return Diagnostic("\(name)[\(span.text)] needs a periods line (periods = 2027-01 .. 2027-12)", at: span.range)
            }
            if let outside = [span.first, span.last].first(where: { timeline.index(of: $0.period) == nil }) {
                return Diagnostic(Timeline.outside(outside.period, of: timeline), at: outside.range)
            }
            return expression.periodProblem(in: timeline)
        case .actual(let name, _, let period, _, _):
            guard timeline.hasPeriods else {
                return Diagnostic("actual \(name)[\(period.period)] needs a periods line (periods = 2027-01 .. 2027-12)",
                                  at: period.range)
            }
            guard timeline.index(of: period.period) != nil else {
                return Diagnostic(Timeline.outside(period.period, of: timeline), at: period.range)
            }
            return nil
        }
    }
}
