/// Runs compiled formulas (``Program``) on an array of slot values: one `switch` in a loop
/// over a value stack it keeps between runs, so a run allocates nothing once the stack has
/// grown to the deepest program it has met.
///
/// The operators and functions are the evaluator's own (``Evaluator``, ``Builtins``,
/// ``FormatInference``): the machine decides only the order of work. A machine is a value
/// with scratch space; concurrent runs (Monte Carlo trials on several cores) each use their
/// own, over arrays of their own, sharing the immutable programs.
public struct Machine: Sendable {
    private var stack: [Value] = []
    private var formatStack: [DisplayFormat] = []
    private var arguments: [Double] = []
    /// Instructions executed so far: tests count them to prove work grows linearly.
    public private(set) var steps = 0

    public init() {}

    /// The value of `program` with its slots read from `slots`.
    public mutating func value(of program: Program, slots: UnsafeBufferPointer<Value>) -> Value {
        if stack.count < program.stackDepth {
            stack = Array(repeating: .number(0), count: program.stackDepth)
        }
        // Work on locals swapped out of `self`, so the loop takes no reference counts.
        var stack: [Value] = []
        var arguments: [Double] = []
        swap(&stack, &self.stack)
        swap(&arguments, &self.arguments)
        defer {
            swap(&stack, &self.stack)
            swap(&arguments, &self.arguments)
        }
        steps += program.code.count
        return program.code.withUnsafeBufferPointer { code in
            stack.withUnsafeMutableBufferPointer { stack in
                Self.run(code, slots: slots, stack: stack, arguments: &arguments)
            }
        }
    }

    /// The display format of `program`'s result with its slots' formats read from `slots`.
    public mutating func format(of program: Program, slots: UnsafeBufferPointer<DisplayFormat>) -> DisplayFormat {
        if formatStack.count < program.formatStackDepth {
            formatStack = Array(repeating: .number, count: program.formatStackDepth)
        }
        var stack: [DisplayFormat] = []
        swap(&stack, &formatStack)
        defer { swap(&stack, &formatStack) }
        return program.formatCode.withUnsafeBufferPointer { code in
            stack.withUnsafeMutableBufferPointer { stack in Self.runFormat(code, slots: slots, stack: stack) }
        }
    }

    private static func run(
        _ code: UnsafeBufferPointer<Instruction>, slots: UnsafeBufferPointer<Value>,
        stack: UnsafeMutableBufferPointer<Value>, arguments: inout [Double]
    ) -> Value {
        var top = 0
        var next = 0
        while next < code.count {
            let instruction = code[next]
            next += 1
            switch instruction {
            case .constant(let value):
                stack[top] = value
                top += 1
            case .load(let slot):
                stack[top] = slots[slot]
                top += 1
            case .unary(let op):
                stack[top - 1] = Evaluator.unary(op, stack[top - 1])
            case .binary(let op):
                top -= 1
                stack[top - 1] = Evaluator.binary(op, stack[top - 1], stack[top])
            case .shortCircuit(let op, let end):
                if let decided = Evaluator.shortCircuit(op, stack[top - 1]) {
                    stack[top - 1] = decided
                    next = end
                }
            case .condition(let otherwise, let end):
                let condition = stack[top - 1]
                if let isTrue = condition.truth {
                    top -= 1
                    if !isTrue { next = otherwise }
                } else {
                    next = end
                }
            case .unlessError(let end):
                if stack[top - 1].error == nil { next = end } else { top -= 1 }
            case .jump(let target):
                next = target
            case .call(let function, let count):
                top -= count
                stack[top] = call(function, UnsafeBufferPointer(rebasing: stack[top..<top + count]), &arguments)
                top += 1
            }
        }
        return stack[0]
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
                stack[top] = slots[slot]
                top += 1
            case .arithmetic:
                stack[top - 1] = FormatInference.arithmetic(stack[top - 1])
            case .binary(let op):
                top -= 1
                stack[top - 1] = FormatInference.binary(
                    op, FormatInference.arithmetic(stack[top - 1]), FormatInference.arithmetic(stack[top]))
            case .firstFormatted(let count, let asArithmetic):
                top -= count
                let formats = stack[top..<top + count].lazy.map { asArithmetic ? FormatInference.arithmetic($0) : $0 }
                stack[top] = formats.first { $0 != .number } ?? .number
                top += 1
            }
        }
        return stack[0]
    }
}
