/// Turns an expression into a program at the end of a ``ProgramArena``'s storage: operands bound
/// to slots once, `and`, `or`, `if` and `iferror` laid out as jumps so only the operands needed
/// run, long operator chains folded left to right as the evaluator always has.
///
/// An arena keeps one compiler and lends it its storage for each compile; the compiler keeps its
/// working lists (the slots read, the jumps to patch) between compiles, so a model's cells are
/// compiled one after another with nothing allocated per cell once those lists have grown.
///
/// `bind` gives the slot of each reference, asked once per occurrence in source order; it and
/// the timeline are handed down the walk, not kept, so a compile holds no reference of its own.
/// Recurses on the tree, whose nesting the parser bounds by ``Parser/maximumDepth``;
/// operator chains are emitted in a loop.
struct Compiler: Sendable {
    /// The arena's storage, lent for one compile; the program being compiled starts at `start`.
    private var code: [Instruction] = []
    private var formatCode: [FormatInstruction] = []
    private var start = 0
    private var depth = 0
    private var deepest = 0
    private var formatDepth = 0
    private var formatDeepest = 0
    // How the program reads time (see ``Program``), tracked while emitting.
    /// `prev` calls around the code being emitted, and reductions to one value around it.
    private var previousDepth = 0
    private var singleReductionDepth = 0
    private var variesByItself = false
    private var reach = PeriodReach.samePeriod
    private var wholePlanSlots = UniqueSlots()
    private var seriesSlots = UniqueSlots()
    private var laggedCandidates: [Int] = []
    private var samePeriodSlots = UniqueSlots()
    private var laggedSlots = UniqueSlots()
    private var jumpsToEnd: [Int] = []

    /// Compiles a formula with its overrides onto the end of `code`, `formatCode` and `slots`, and
    /// gives the header that finds it there.
    mutating func compile(
        _ expr: Expr, overrides: [(periods: ClosedRange<Int>, expression: Expr)], timeline: Timeline,
        bind: (String) -> Int, code: inout [Instruction], formatCode: inout [FormatInstruction], slots: inout [Int32]
    ) -> ProgramHeader {
        reset()
        swap(&self.code, &code)
        swap(&self.formatCode, &formatCode)
        defer {
            swap(&self.code, &code)
            swap(&self.formatCode, &formatCode)
        }
        start = self.code.count
        let formatStart = self.formatCode.count
        // The last override given wins, so it is tested first.
        for override in overrides.reversed() {
            variesByItself = true
            let test = self.code.count
            self.code.append(.outsidePeriods(first: 0, last: 0, otherwise: 0))
            emit(override.expression, value: true, format: false, timeline: timeline, bind: bind)
            depth -= 1  // the next branch starts where this one did
            jumpsToEnd.append(self.code.count)
            self.code.append(.jump(0))
            self.code[test] = .outsidePeriods(
                first: Operand(override.periods.lowerBound), last: Operand(override.periods.upperBound), otherwise: here)
        }
        emit(expr, value: true, format: true, timeline: timeline, bind: bind)
        for jump in jumpsToEnd { self.code[jump] = .jump(here) }
        for slot in laggedCandidates where !samePeriodSlots.contains(slot) { _ = laggedSlots.insert(slot) }
        let slotStart = slots.count
        for slot in seriesSlots.list { slots.append(Int32(slot)) }
        for slot in laggedSlots.list { slots.append(Int32(slot)) }
        for slot in wholePlanSlots.list { slots.append(Int32(slot)) }
        return ProgramHeader(
            codeStart: Int32(start), codeCount: Int32(self.code.count - start), formatStart: Int32(formatStart),
            formatCount: Int32(self.formatCode.count - formatStart), slotStart: Int32(slotStart),
            seriesCount: Int32(seriesSlots.list.count), laggedCount: Int32(laggedSlots.list.count),
            wholePlanCount: Int32(wholePlanSlots.list.count), stackDepth: Int32(deepest),
            formatStackDepth: Int32(formatDeepest), variesByItself: variesByItself,
            isStraightLine: self.code.withUnsafeBufferPointer { $0[start...].allSatisfy(\.isStraightLine) }, reach: reach)
    }

    /// Compiles `expr` on its own, as a ``Program``.
    static func compile(_ expr: Expr, bind: (String) -> Int) -> Program {
        Program(expr, bind: bind)
    }

    /// Forgets the program compiled last, keeping the room its lists took.
    private mutating func reset() {
        (depth, deepest, formatDepth, formatDeepest, previousDepth, singleReductionDepth) = (0, 0, 0, 0, 0, 0)
        variesByItself = false
        reach = .samePeriod
        wholePlanSlots.removeAll()
        seriesSlots.removeAll()
        samePeriodSlots.removeAll()
        laggedSlots.removeAll()
        if !laggedCandidates.isEmpty { laggedCandidates.removeAll(keepingCapacity: true) }
        if !jumpsToEnd.isEmpty { jumpsToEnd.removeAll(keepingCapacity: true) }
    }

    /// The index in the program being compiled of the next instruction: a jump target.
    private var here: Operand { Operand(code.count - start) }

    /// The slot of cell `name`, read in the period being computed (see ``noteRead(_:)``).
    private mutating func read(_ name: String, bind: (String) -> Int) -> Int {
        let slot = bind(name)
        noteRead(slot)
        return slot
    }

    /// Records a read of `slot` in the period being computed (or, inside `prev`, an earlier one).
    private mutating func noteRead(_ slot: Int) {
        if singleReductionDepth == 0 { _ = seriesSlots.insert(slot) }
        if singleReductionDepth > 0 { _ = wholePlanSlots.insert(slot) }
        // Inside a running total prev still reads earlier periods only; a total of the plan reads them all.
        if previousDepth > 0 && singleReductionDepth == 0 {
            laggedCandidates.append(slot)
        } else {
            _ = samePeriodSlots.insert(slot)
        }
    }

    /// Records a use of something that differs between periods by itself (`t`, `prev`, a running total).
    private mutating func noteVaries() {
        if singleReductionDepth == 0 { variesByItself = true }
    }

    /// Emits the code that computes `expr`'s value (when `value`) and its format (when `format`).
    private mutating func emit(_ expr: Expr, value: Bool, format: Bool, timeline: Timeline, bind: (String) -> Int) {
        guard value || format else { return }
        switch expr {
        case .number(let number, let style, _):
            if value { push(.constant(.number(number))) }
            if format { pushFormat(.fixed(style.displayFormat)) }
        case .boolean(let flag, _):
            if value { push(.constant(.boolean(flag))) }
            if format { pushFormat(.fixed(.boolean)) }
        case .name(let name, _) where ReservedWords.isReferenceable(name):
            noteVaries()
            if value { push(name == "t" ? .periodIndex : .monthOfYear) }
            if format { pushFormat(.fixed(.number)) }
        case .name(let name, _):
            let slot = read(name, bind: bind)
            if value { push(.load(Operand(slot))) }
            if format { pushFormat(.load(Operand(slot))) }
        case .at(let name, _, let literal, _):
            let slot = bind(name)
            _ = samePeriodSlots.insert(slot)
            _ = wholePlanSlots.insert(slot)
            reach = .allPeriods
            if value { push(timeline.index(of: literal.period).map { .loadAt(Operand(slot), period: Operand($0)) } ?? .constant(.error(.value))) }
            if format { pushFormat(.load(Operand(slot))) }
        case .unary(let op, let operand, _):
            emit(operand, value: value, format: format && op != .not, timeline: timeline, bind: bind)
            if value { code.append(.unary(op)) }
            if format { op == .not ? pushFormat(.fixed(.boolean)) : formatCode.append(.arithmetic) }
        case .binary(let op, let left, let right, _):
            if OperatorChain.isHeaded(by: op, left: left) {
                let chain = OperatorChain(op, left, right)
                emitChain(
                    first: chain.first, chain.rest[0].op, chain.rest[0].operand, then: chain.rest.dropFirst(), value: value,
                    format: format, timeline: timeline, bind: bind)
            } else {
                emitChain(first: left, op, right, then: EmptyCollection(), value: value, format: format, timeline: timeline, bind: bind)
            }
        case .call(let name, let arguments, _):
            emitCall(name, arguments, value: value, format: format, timeline: timeline, bind: bind)
        }
    }

    /// `first op x` and then each further `opᵢ xᵢ`, left to right; a comparison or a run of
    /// `and`/`or` is boolean. The operators of a chain share a level, so `op` tells for them all.
    /// A single `a + b`, the commonest node, comes with nothing further and builds no list.
    private mutating func emitChain(
        first: Expr, _ op: BinaryOperator, _ operand: Expr, then rest: some Sequence<(op: BinaryOperator, operand: Expr)>,
        value: Bool, format: Bool, timeline: Timeline, bind: (String) -> Int
    ) {
        let isBoolean = op.isComparison || op == .and || op == .or
        let operandFormats = format && !isBoolean
        emit(first, value: value, format: operandFormats, timeline: timeline, bind: bind)
        emitStep(op, operand, value: value, operandFormats: operandFormats, timeline: timeline, bind: bind)
        for (op, operand) in rest {
            emitStep(op, operand, value: value, operandFormats: operandFormats, timeline: timeline, bind: bind)
        }
        if format && isBoolean { pushFormat(.fixed(.boolean)) }
    }

    /// Applies `op` to the value computed so far and `operand`'s (and their formats, when
    /// `operandFormats`): one step of a chain.
    private mutating func emitStep(
        _ op: BinaryOperator, _ operand: Expr, value: Bool, operandFormats: Bool, timeline: Timeline, bind: (String) -> Int
    ) {
        // A number or a cell on the right is applied in the operator's step; its format is
        // still read as written.
        if value, op.isArithmetic, case .number(let number, let style, _) = operand {
            code.append(.binaryConstant(number, op))
            if operandFormats {
                pushFormat(.fixed(style.displayFormat))
                popFormat(.binary(op), count: 1)
            }
            return
        }
        if value, op.isArithmetic, case .name(let name, _) = operand, !ReservedWords.isReferenceable(name) {
            let slot = read(name, bind: bind)
            code.append(.binaryLoad(Operand(slot), op))
            if operandFormats {
                pushFormat(.load(Operand(slot)))
                popFormat(.binary(op), count: 1)
            }
            return
        }
        let shortCircuit = value && (op == .and || op == .or) ? code.count : nil
        if shortCircuit != nil { code.append(.shortCircuit(op, end: 0)) }
        emit(operand, value: value, format: operandFormats, timeline: timeline, bind: bind)
        if value { pop(.binary(op)) }
        if let shortCircuit { code[shortCircuit] = .shortCircuit(op, end: here) }
        if operandFormats { popFormat(.binary(op), count: 1) }
    }

    private mutating func emitCall(
        _ name: String, _ arguments: [Expr], value: Bool, format: Bool, timeline: Timeline, bind: (String) -> Int
    ) {
        guard let index = Builtins.index(named: name) else {
            if value { push(.constant(.error(.name))) }
            if format { pushFormat(.fixed(.number)) }
            return
        }
        let function = Builtins.rows[index]
        let formatted: Range<Int>
        switch function.format {
        case .number: formatted = 0..<0
        case .firstFormattedArgument: formatted = arguments.indices
        case .firstFormattedBranch(let first): formatted = min(first, arguments.count)..<min(first + 2, arguments.count)
        }
        let computesValue = value && function.arity.contains(arguments.count)
        if value && !computesValue { push(.constant(.error(.value))) }
        switch function.body {
        case .strict:
            for (position, argument) in arguments.enumerated() {
                emit(argument, value: computesValue, format: format && formatted.contains(position), timeline: timeline, bind: bind)
            }
            if computesValue { pop(.call(function: Operand(index), count: Operand(arguments.count)), count: arguments.count - 1) }
        case .conditional where computesValue:
            emit(arguments[0], value: true, format: format && formatted.contains(0), timeline: timeline, bind: bind)
            let condition = code.count
            pop(.condition(otherwise: 0, end: 0))
            emit(arguments[1], value: true, format: format && formatted.contains(1), timeline: timeline, bind: bind)
            let jump = code.count
            code.append(.jump(0))
            depth -= 1  // the second branch starts where the first did
            emit(arguments[2], value: true, format: format && formatted.contains(2), timeline: timeline, bind: bind)
            code[condition] = .condition(otherwise: Operand(jump + 1 - start), end: here)
            code[jump] = .jump(here)
        case .fallback where computesValue:
            emit(arguments[0], value: true, format: format && formatted.contains(0), timeline: timeline, bind: bind)
            let test = code.count
            pop(.unlessError(end: 0))
            emit(arguments[1], value: true, format: format && formatted.contains(1), timeline: timeline, bind: bind)
            code[test] = .unlessError(end: here)
        case .previous where computesValue:
            noteVaries()
            reach = max(reach, .laterPeriods)
            let enter = code.count
            code.append(.previous(otherwise: 0))
            previousDepth += 1
            emit(arguments[0], value: true, format: format && formatted.contains(0), timeline: timeline, bind: bind)
            previousDepth -= 1
            let leave = code.count
            code.append(.following(end: 0))
            depth -= 1  // the default starts where x did
            if arguments.count > 1 {
                emit(arguments[1], value: true, format: format && formatted.contains(1), timeline: timeline, bind: bind)
            } else {
                push(.constant(.number(0)))
            }
            code[enter] = .previous(otherwise: Operand(leave + 1 - start))
            code[leave] = .following(end: here)
        case .reduction(let reduction) where computesValue:
            reach = max(reach, reduction.isSingleValued ? .allPeriods : .laterPeriods)
            if !reduction.isSingleValued { noteVaries() }
            code.append(.beginReduction(reduction))
            let loop = here
            if reduction.isSingleValued { singleReductionDepth += 1 }
            emit(arguments[0], value: true, format: format && formatted.contains(0), timeline: timeline, bind: bind)
            if reduction.isSingleValued { singleReductionDepth -= 1 }
            code.append(.reduce(loop: loop))
        case .conditional, .fallback, .previous, .reduction:
            for (position, argument) in arguments.enumerated() where format && formatted.contains(position) {
                emit(argument, value: false, format: true, timeline: timeline, bind: bind)
            }
        }
        if format {
            let asArithmetic = if case .firstFormattedArgument = function.format { true } else { false }
            if formatted.isEmpty {
                pushFormat(.fixed(.number))
            } else {
                popFormat(.firstFormatted(count: Operand(formatted.count), asArithmetic: asArithmetic), count: formatted.count - 1)
            }
        }
    }

    private mutating func push(_ instruction: Instruction) {
        code.append(instruction)
        depth += 1
        deepest = max(deepest, depth)
    }

    /// Appends an instruction that leaves `count` fewer values on the stack.
    private mutating func pop(_ instruction: Instruction, count: Int = 1) {
        code.append(instruction)
        depth -= count
    }

    private mutating func pushFormat(_ instruction: FormatInstruction) {
        formatCode.append(instruction)
        formatDepth += 1
        formatDeepest = max(formatDeepest, formatDepth)
    }

    private mutating func popFormat(_ instruction: FormatInstruction, count: Int) {
        formatCode.append(instruction)
        formatDepth -= count
    }
}

extension NumberStyle {
    var displayFormat: DisplayFormat {
        switch self {
        case .plain: .number
        case .percent: .percent
        case .currency(let symbol): .currency(symbol)
        }
    }
}
