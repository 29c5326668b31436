/// Runs compiled formulas (``Program``) on an array of slot values: one `switch` in a loop
/// over a value stack it keeps between runs, so a run allocates nothing once the stack has
/// grown to the deepest program it has met.
///
/// The operators and functions are the evaluator's own (``Evaluator``, ``Builtins``,
/// ``FormatInference``): the machine decides only the order of work. A machine is a value
/// with scratch space; concurrent runs (Monte Carlo trials on several cores) each use their
/// own, over arrays of their own, sharing the immutable programs.
///
/// In a plan with periods, `slots` holds every slot's value in every period, slot-major
/// (slot `s` in period `p` at `s × timeline.count + p`), and a run computes one period: a cell's
/// series is the same program run once per period, an inner loop with nothing to re-walk. A
/// program of plain arithmetic (most of a plan) runs over all the periods at once instead, each
/// instruction over a column of values.
public struct Machine: Sendable {
    private var stack: [Value] = []
    private var formatStack: [DisplayFormat] = []
    private var arguments: [Double] = []
    private var reductions: [ReductionFrame] = []
    /// The stack of columns a straight-line program runs on over many periods at once.
    private var columns: [Value] = []
    /// The periods the slot arrays are laid out over; one period for a model without periods.
    public var timeline: Timeline = .single
    /// Instructions executed so far: tests count them to prove work grows linearly.
    public private(set) var steps = 0

    public init() {}

    /// The value of `program` in period `period`, with its slots read from `slots`.
    public mutating func value(of program: Program, slots: UnsafeBufferPointer<Value>, period: Int = 0) -> Value {
        program.withView { value(of: $0, slots: slots, period: period) }
    }

    /// ``value(of:slots:period:)`` of a program read in place out of its arena.
    public mutating func value(of program: ProgramView, slots: UnsafeBufferPointer<Value>, period: Int = 0) -> Value {
        value(of: program.code, stackDepth: Int(program.header.stackDepth), isStraightLine: program.header.isStraightLine,
              slots: slots, period: period)
    }

    /// Runs entries `range` of `programs` one after the other, each the index in `arena` of the
    /// program of a cell that does not vary over time: entry `i` computes period 0 from `slots` and
    /// its value fills every period of slot `cells[i]`, so a later program reads the values of the
    /// earlier ones. The arena's buffers and the machine's scratch space are taken once for the
    /// whole range.
    public mutating func runSingles(
        _ range: Range<Int>, of arena: ProgramArena, programs: UnsafeBufferPointer<Int>, cells: UnsafeBufferPointer<Int>,
        slots: UnsafeMutableBufferPointer<Value>
    ) {
        let stride = timeline.count
        if columns.count < arena.maxStackDepth {
            columns = Array(repeating: .number(0), count: arena.maxStackDepth)
        }
        var scratch: [Value] = []
        swap(&scratch, &columns)
        defer { swap(&scratch, &columns) }
        let readable = UnsafeBufferPointer(slots)
        // Counted here and added once: the machine's own count is memory the loop would write per cell.
        var straightLineSteps = 0
        arena.withStorage { code, headers in
            scratch.withUnsafeMutableBufferPointer { columns in
                for index in range {
                    let header = headers[programs[index]]
                    let program = header.code(in: code)
                    let value: Value
                    if header.isStraightLine {
                        Self.runColumns(program, slots: readable, from: 0, count: 1, stride: stride, columns: columns)
                        value = columns[0]
                        straightLineSteps &+= program.count
                    } else {
                        value = self.value(of: program, stackDepth: Int(header.stackDepth), isStraightLine: false,
                                           slots: readable, period: 0)
                    }
                    let start = cells[index] &* stride
                    // Without periods (most models) one value, stored without a loop to set up.
                    if stride == 1 {
                        slots[start] = value
                    } else {
                        for period in 0..<stride { slots[start &+ period] = value }
                    }
                }
            }
        }
        steps += straightLineSteps
    }

    /// Works out the display format of each of `cells` in turn from program `cell` of `arena`
    /// (the cell's own, indexed by its id), reading and writing `formats`, so that a later cell
    /// reads the formats of the earlier ones. The arena's buffers and the machine's format stack
    /// are taken once for the whole list.
    public mutating func runFormats(
        of cells: UnsafeBufferPointer<Int>, in arena: ProgramArena, formats: UnsafeMutableBufferPointer<DisplayFormat>
    ) {
        var stack: [DisplayFormat] = []
        swap(&stack, &formatStack)
        defer { swap(&stack, &formatStack) }
        let readable = UnsafeBufferPointer(formats)
        arena.withFormatStorage { code, headers in
            for cell in cells {
                let header = headers[cell]
                precondition(header.formatCount > 0, "a copy of a program's value code computes no format")
                let depth = Int(header.formatStackDepth)
                if stack.count < depth {
                    stack = Array(repeating: .number, count: max(depth, 2 * stack.count))
                }
                let program = UnsafeBufferPointer(
                    rebasing: code[Int(header.formatStart)..<Int(header.formatStart &+ header.formatCount)])
                formats[cell] = stack.withUnsafeMutableBufferPointer { Self.runFormat(program, slots: readable, stack: $0) }
            }
        }
    }

    private mutating func value(
        of code: UnsafeBufferPointer<Instruction>, stackDepth: Int, isStraightLine: Bool, slots: UnsafeBufferPointer<Value>,
        period: Int
    ) -> Value {
        steps += code.count
        if isStraightLine {
            return straightLine(code, stackDepth: stackDepth, slots: slots, from: period, count: 1) { $0[0] }
        }
        var result = Value.number(0)
        withScratch(code, stackDepth: stackDepth) { code, stack, state in
            state.period = period
            result = Self.run(code, slots: slots, stack: stack, state: &state)
        }
        return result
    }

    /// Runs `program` for each of `periods`, writing each value to slot `target` of `slots` in
    /// that period, in period order (so a program that reads its own slot through `prev` sees the
    /// period before); returns the first and last period whose value changed.
    public mutating func evaluate(
        _ program: Program, slots: UnsafeMutableBufferPointer<Value>, into target: Int, periods: ClosedRange<Int>
    ) -> ClosedRange<Int>? {
        program.withView { evaluate($0, slots: slots, into: target, periods: periods) }
    }

    /// ``evaluate(_:slots:into:periods:)`` of a program read in place out of its arena.
    public mutating func evaluate(
        _ program: ProgramView, slots: UnsafeMutableBufferPointer<Value>, into target: Int, periods: ClosedRange<Int>
    ) -> ClosedRange<Int>? {
        let stackDepth = Int(program.header.stackDepth)
        if program.header.isStraightLine {
            return evaluateColumns(program.code, stackDepth: stackDepth, slots: slots, into: target, periods: periods)
        }
        var first: Int?
        var last = 0
        let base = target * timeline.count
        withScratch(program.code, stackDepth: stackDepth) { code, stack, state in
            let readable = UnsafeBufferPointer(slots)
            for period in periods {
                state.period = period
                let value = Self.run(code, slots: readable, stack: stack, state: &state)
                guard !Self.same(slots[base + period], value) else { continue }
                slots[base + period] = value
                if first == nil { first = period }
                last = period
            }
        }
        steps += program.code.count * periods.count
        return first.map { $0...last }
    }

    /// ``evaluate(_:slots:into:periods:)`` of a straight-line program (``ProgramHeader/isStraightLine``):
    /// each instruction runs over all of `periods` before the next, on a stack of columns (one value
    /// per period), so a plan's arithmetic pays for the `switch` once per cell, not once per period.
    /// Each period's value is computed by the same operations in the same order as a run of that
    /// period alone would.
    private mutating func evaluateColumns(
        _ code: UnsafeBufferPointer<Instruction>, stackDepth: Int, slots: UnsafeMutableBufferPointer<Value>, into target: Int,
        periods: ClosedRange<Int>
    ) -> ClosedRange<Int>? {
        let count = periods.count
        let base = target * timeline.count + periods.lowerBound
        steps += code.count * count
        return straightLine(code, stackDepth: stackDepth, slots: UnsafeBufferPointer(slots), from: periods.lowerBound,
                            count: count) { columns in
            var first: Int?
            var last = 0
            for index in 0..<count where !Self.same(slots[base + index], columns[index]) {
                slots[base + index] = columns[index]
                if first == nil { first = index }
                last = index
            }
            return first.map { (periods.lowerBound + $0)...(periods.lowerBound + last) }
        }
    }

    /// Runs straight-line `program` for `count` periods from period `start` on the machine's columns
    /// and gives `read` the result column (`count` values), with no run state to set up.
    @inline(__always)
    private mutating func straightLine<Result>(
        _ code: UnsafeBufferPointer<Instruction>, stackDepth: Int, slots: UnsafeBufferPointer<Value>, from start: Int,
        count: Int, _ read: (UnsafeMutableBufferPointer<Value>) -> Result
    ) -> Result {
        if columns.count < stackDepth * count {
            columns = Array(repeating: .number(0), count: stackDepth * count)
        }
        let stride = timeline.count
        return columns.withUnsafeMutableBufferPointer { columns in
            Self.runColumns(code, slots: slots, from: start, count: count, stride: stride, columns: columns)
            return read(columns)
        }
    }

    /// Runs straight-line `code` for `count` periods from period `start`; stack entry `k` is
    /// `columns[k × count ..< (k + 1) × count]`, and the result is the first column. Inlined, so
    /// that where `count` is 1 (``runSingles(_:of:programs:cells:slots:)``) its loops fold away.
    @inline(__always)
    private static func runColumns(
        _ code: UnsafeBufferPointer<Instruction>, slots: UnsafeBufferPointer<Value>, from start: Int, count: Int,
        stride: Int, columns: UnsafeMutableBufferPointer<Value>
    ) {
        var top = 0
        for instruction in code {
            switch instruction {
            case .constant(let value):
                let column = top * count
                for index in 0..<count { columns[column + index] = value }
                top += 1
            case .load(let slot):
                let column = top * count
                let first = Int(slot) &* stride &+ start
                for index in 0..<count { columns[column + index] = slots[first + index] }
                top += 1
            case .unary(let op):
                let column = (top - 1) * count
                for index in 0..<count { columns[column + index] = Evaluator.unary(op, columns[column + index]) }
            case .binary(let op):
                top -= 1
                let left = (top - 1) * count
                let right = top * count
                for index in 0..<count {
                    columns[left + index] = arithmetic(op, columns[left + index], columns[right + index])
                }
            case .binaryConstant(let number, let op):
                let left = (top - 1) * count
                for index in 0..<count { columns[left + index] = arithmetic(op, columns[left + index], .number(number)) }
            case .binaryLoad(let slot, let op):
                let left = (top - 1) * count
                let first = Int(slot) &* stride &+ start
                for index in 0..<count { columns[left + index] = arithmetic(op, columns[left + index], slots[first + index]) }
            default:
                preconditionFailure("only a straight-line program runs in columns")
            }
        }
    }

    /// Lends a run the machine's scratch space, swapped out of `self` so the loop takes no reference counts.
    private mutating func withScratch(
        _ code: UnsafeBufferPointer<Instruction>, stackDepth: Int,
        _ body: (UnsafeBufferPointer<Instruction>, UnsafeMutableBufferPointer<Value>, inout RunState) -> Void
    ) {
        if stack.count < stackDepth {
            stack = Array(repeating: .number(0), count: stackDepth)
        }
        var stack: [Value] = []
        swap(&stack, &self.stack)
        var state = RunState(period: 0, timeline: timeline, arguments: [], reductions: [])
        swap(&state.arguments, &arguments)
        swap(&state.reductions, &reductions)
        defer {
            swap(&stack, &self.stack)
            swap(&state.arguments, &arguments)
            swap(&state.reductions, &reductions)
        }
        stack.withUnsafeMutableBufferPointer { stack in body(code, stack, &state) }
    }

    /// The display format of `program`'s result with its slots' formats read from `slots`.
    public mutating func format(of program: Program, slots: UnsafeBufferPointer<DisplayFormat>) -> DisplayFormat {
        program.withView { format(of: $0, slots: slots) }
    }

    /// ``format(of:slots:)`` of a program read in place out of its arena.
    public mutating func format(of program: ProgramView, slots: UnsafeBufferPointer<DisplayFormat>) -> DisplayFormat {
        precondition(program.header.formatCount > 0, "a copy of a program's value code computes no format")
        let depth = Int(program.header.formatStackDepth)
        if formatStack.count < depth {
            formatStack = Array(repeating: .number, count: depth)
        }
        var stack: [DisplayFormat] = []
        swap(&stack, &formatStack)
        defer { swap(&stack, &formatStack) }
        return stack.withUnsafeMutableBufferPointer { stack in Self.runFormat(program.formatCode, slots: slots, stack: stack) }
    }

    private static func run(
        _ code: UnsafeBufferPointer<Instruction>, slots: UnsafeBufferPointer<Value>,
        stack: UnsafeMutableBufferPointer<Value>, state: inout RunState
    ) -> Value {
        var top = 0
        var next = 0
        let stride = state.timeline.count
        while next < code.count {
            let instruction = code[next]
            next += 1
            switch instruction {
            case .constant(let value):
                stack[top] = value
                top += 1
            case .load(let slot):
                stack[top] = slots[Int(slot) &* stride &+ state.period]
                top += 1
            case .loadAt(let slot, let period):
                stack[top] = slots[Int(slot) &* stride &+ Int(period)]
                top += 1
            case .periodIndex:
                stack[top] = .number(Double(state.period))
                top += 1
            case .monthOfYear:
                stack[top] = .number(Double(state.timeline.months[state.period]))
                top += 1
            case .previous(let otherwise):
                if state.period == 0 { next = Int(otherwise) } else { state.period -= 1 }
            case .following(let end):
                state.period += 1
                next = Int(end)
            case .outsidePeriods(let first, let last, let otherwise):
                if state.period < Int(first) || state.period > Int(last) { next = Int(otherwise) }
            case .beginReduction(let reduction):
                let periods = reduction.periods(at: state.period, in: state.timeline)
                state.reductions.append(ReductionFrame(reduction, returningTo: state.period, last: periods.upperBound))
                state.period = periods.lowerBound
            case .reduce(let loop):
                top -= 1
                state.reductions[state.reductions.count - 1].fold(stack[top])
                let frame = state.reductions[state.reductions.count - 1]
                if state.period < frame.last {
                    state.period += 1
                    next = Int(loop)
                } else {
                    state.reductions.removeLast()
                    state.period = frame.returnPeriod
                    stack[top] = frame.result
                    top += 1
                }
            case .unary(let op):
                stack[top - 1] = Evaluator.unary(op, stack[top - 1])
            case .binary(let op):
                top -= 1
                stack[top - 1] = arithmetic(op, stack[top - 1], stack[top])
            case .binaryConstant(let number, let op):
                stack[top - 1] = arithmetic(op, stack[top - 1], .number(number))
            case .binaryLoad(let slot, let op):
                stack[top - 1] = arithmetic(op, stack[top - 1], slots[Int(slot) &* stride &+ state.period])
            case .shortCircuit(let op, let end):
                if let decided = Evaluator.shortCircuit(op, stack[top - 1]) {
                    stack[top - 1] = decided
                    next = Int(end)
                }
            case .condition(let otherwise, let end):
                let condition = stack[top - 1]
                if let isTrue = condition.truth {
                    top -= 1
                    if !isTrue { next = Int(otherwise) }
                } else {
                    next = Int(end)
                }
            case .unlessError(let end):
                if stack[top - 1].error == nil { next = Int(end) } else { top -= 1 }
            case .jump(let target):
                next = Int(target)
            case .call(let function, let arguments):
                let count = Int(arguments)
                top -= count
                stack[top] = call(Int(function), UnsafeBufferPointer(rebasing: stack[top..<top + count]), &state.arguments)
                top += 1
            }
        }
        return stack[0]
    }

    /// `left op right` exactly as the ``Evaluator`` gives it, with the sums and
    /// products of two numbers (most of what a plan computes, once per cell per period) worked out
    /// here rather than through the general operator's two switches and a call.
    @inline(__always)
    private static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        guard case .number(let x) = left, case .number(let y) = right else { return Evaluator.binary(op, left, right) }
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        default: return Evaluator.binary(op, x, y)
        }
        return result.isFinite ? .number(result) : .error(.number)
    }

    /// Whether a period's new value is the one it holds (`==` of values, with the common case of
    /// two numbers compared directly).
    @inline(__always)
    private static func same(_ old: Value, _ new: Value) -> Bool {
        if case .number(let x) = old, case .number(let y) = new { return x == y }
        return old == new
    }

    /// A strict function on its arguments: the first error among them, or its result on their numbers.
    private static func call(_ function: Int, _ values: UnsafeBufferPointer<Value>, _ numbers: inout [Double]) -> Value {
        guard case .strict(let body) = Builtins.rows[function].body else { return .error(.value) }
        numbers.removeAll(keepingCapacity: true)
        for value in values {
            guard let number = value.numeric else { return value }
            numbers.append(number)
        }
        return Evaluator.finite(body(numbers))
    }

    private static func runFormat(
        _ code: UnsafeBufferPointer<FormatInstruction>, slots: UnsafeBufferPointer<DisplayFormat>,
        stack: UnsafeMutableBufferPointer<DisplayFormat>
    ) -> DisplayFormat {
        var top = 0
        for instruction in code {
            switch instruction {
            case .fixed(let format):
                stack[top] = format
                top += 1
            case .load(let slot):
                stack[top] = slots[Int(slot)]
                top += 1
            case .arithmetic:
                stack[top - 1] = FormatInference.arithmetic(stack[top - 1])
            case .binary(let op):
                top -= 1
                stack[top - 1] = FormatInference.binary(
                    op, FormatInference.arithmetic(stack[top - 1]), FormatInference.arithmetic(stack[top]))
            case .firstFormatted(let formatted, let asArithmetic):
                let count = Int(formatted)
                top -= count
                let formats = stack[top..<top + count].lazy.map { asArithmetic ? FormatInference.arithmetic($0) : $0 }
                stack[top] = formats.first { $0 != .number } ?? .number
                top += 1
            }
        }
        return stack[0]
    }
}

/// What a run carries besides its value stack: the period being computed and the reductions
/// under way (each with the period to come back to).
private struct RunState {
    var period: Int
    let timeline: Timeline
    var arguments: [Double]
    var reductions: [ReductionFrame]
}

/// One reduction under way: what it has folded so far.
private struct ReductionFrame {
    let reduction: Reduction
    let returnPeriod: Int
    /// The last period folded.
    let last: Int
    private var sum = 0.0
    private var count = 0
    private var extreme: Double
    private var error: Value?

    init(_ reduction: Reduction, returningTo period: Int, last: Int) {
        self.reduction = reduction
        returnPeriod = period
        self.last = last
        extreme = reduction == .lowest ? .infinity : -.infinity
    }

    mutating func fold(_ value: Value) {
        guard error == nil else { return }
        guard let number = value.numeric else {
            error = value
            return
        }
        sum += number
        count += 1
        extreme = reduction == .lowest ? min(extreme, number) : max(extreme, number)
    }

    var result: Value {
        if let error { return error }
        switch reduction {
        case .average: return Evaluator.finite(.number(sum / Double(count)))
        case .peak, .lowest: return Evaluator.finite(.number(extreme))
        case .total, .first, .last, .cumulative, .ytd: return Evaluator.finite(.number(sum))
        }
    }
}
