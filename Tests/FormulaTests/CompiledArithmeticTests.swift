@testable import Formula
import Testing

/// A number literal or a cell on the right of an arithmetic operator is compiled into the
/// operator's step (`binaryConstant`, `binaryLoad`): the program must give what the same formula
/// gives with that operand pushed on its own (a cell read as `(+k)`, a number read from cell `k`)
/// and the operator's own step, for errors and booleans too, straight-line or with jumps.
@Suite struct CompiledArithmeticTests {
    /// (formula whose right operands are fused, the same with each of them computed on its own)
    static let pairs: [(String, String)] = [
        ("x * 1.05", "x * (+1.05)"), ("x + 1", "x + (+1)"), ("x - 2.5", "x - (+2.5)"), ("x / 0", "x / (+0)"),
        ("x ^ 0.5", "x ^ (+0.5)"), ("x ^ 3 * 3 - 3", "x ^ (+3) * (+3) - (+3)"), ("1 + x * 0.15", "1 + x * (+0.15)"),
        ("x * k", "x * (+k)"), ("x - k", "x - (+k)"), ("x / k", "x / (+k)"), ("x ^ k", "x ^ (+k)"),
        ("(x + k) * (x - k) / 2", "(x + (+k)) * (x - (+k)) / (+2)"), ("x + k >= 3", "x + (+k) >= 3"),
        ("-x * k", "-x * (+k)"), ("if(x > 0, x * k, x + 2)", "if(x > 0, x * (+k), x + (+2))"),
        ("iferror(x / k, -1) - 7", "iferror(x / (+k), -1) - (+7)"),
    ]
    static let values: [Value] = [.number(2), .number(-4), .number(0), .number(1e308), .error(.divisionByZero), .boolean(true)]

    @Test(arguments: 0..<pairs.count)
    func givesWhatTheOperandOnItsOwnGives(pair: Int) throws {
        try expectSame(Self.pairs[pair], over: Self.values, by: value(of:x:k:))
    }

    /// (formula whose right operands are fused, with literals of every style, the same with each computed on its own)
    static let formatPairs: [(String, String)] = pairs + [
        ("x * 15%", "x * (+15%)"), ("x + $5", "x + (+$5)"), ("x / €2", "x / (+€2)"), ("x - 5% * k", "x - (+5%) * (+k)"),
        ("£5 * x ^ 2", "£5 * x ^ (+2)"), ("x * 15% > k", "x * (+15%) > k"),
    ]
    static let formats: [DisplayFormat] = [.number, .percent, .currency(.dollar), .currency(.euro), .boolean]

    /// The format is read from the operand as written, fused or not.
    @Test(arguments: 0..<formatPairs.count)
    func givesTheFormatTheOperandOnItsOwnGives(pair: Int) throws {
        try expectSame(Self.formatPairs[pair], over: Self.formats, by: format(of:x:k:))
    }

    /// A model keeps a program per cell and a goal seek streams them all on every probe: an
    /// instruction stays 16 bytes.
    @Test func anInstructionStaysSixteenBytes() {
        #expect(MemoryLayout<Instruction>.stride == 16)
    }

    /// Expects the two formulas of `pair` to give the same result for every `x` and `k` of `inputs`.
    private func expectSame<Input, Result: Equatable>(
        _ pair: (fused: String, separate: String), over inputs: [Input], by result: (String, Input, Input) throws -> Result
    ) throws {
        for x in inputs {
            for k in inputs {
                #expect(try result(pair.fused, x, k) == result(pair.separate, x, k), "\(pair.fused) at x = \(x), k = \(k)")
            }
        }
    }

    private func value(of formula: String, x: Value, k: Value) throws -> Value {
        let program = try program(formula)
        var machine = Machine()
        return [x, k].withUnsafeBufferPointer { machine.value(of: program, slots: $0) }
    }

    private func format(of formula: String, x: DisplayFormat, k: DisplayFormat) throws -> DisplayFormat {
        let program = try program(formula)
        var machine = Machine()
        return [x, k].withUnsafeBufferPointer { machine.format(of: program, slots: $0) }
    }

    /// `formula` over slot 0 for `x` and slot 1 for `k`.
    private func program(_ formula: String) throws -> Program {
        Program(try Parser.parseExpression(formula).get()) { $0 == "x" ? 0 : 1 }
    }
}
