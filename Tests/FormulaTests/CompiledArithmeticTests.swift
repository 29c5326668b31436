@testable import Formula
import Testing

/// A number literal on the right of an operator is compiled into the operator's step
/// (`binaryConstant`): the program must give what the same formula gives with that number read
/// from a cell (a load and the operator's own step), errors and booleans on the left included,
/// straight-line or with jumps.
@Suite struct CompiledArithmeticTests {
    /// (formula with literals, the same with each literal on the right of an operator read from `k`, k)
    static let pairs: [(String, String, Double)] = [
        ("x * 1.05", "x * k", 1.05), ("x + 1", "x + k", 1), ("x - 2.5", "x - k", 2.5), ("x / 4", "x / k", 4),
        ("x / 0", "x / k", 0), ("x ^ 0.5", "x ^ k", 0.5), ("x ^ 3 * 3 - 3", "x ^ k * k - k", 3),
        ("1 + x * 0.15", "1 + x * k", 0.15), ("(x + 2) * (x - 2) / 2", "(x + k) * (x - k) / k", 2),
        ("x + 1 >= 3", "x + k >= 3", 1), ("-x * 2", "-x * k", 2), ("if(x > 0, x * 2, x + 2)", "if(x > 0, x * k, x + k)", 2),
        ("iferror(x / 0, -1) - 7", "iferror(x / 0, -1) - k", 7),
    ]
    static let inputs: [Value] = [.number(2), .number(-4), .number(0), .number(1e308), .error(.divisionByZero), .boolean(true)]

    @Test(arguments: 0..<pairs.count)
    func givesWhatTheSameNumberReadFromACellGives(pair: Int) throws {
        let (literal, read, k) = Self.pairs[pair]
        for input in Self.inputs {
            #expect(try value(of: literal, x: input, k: k) == value(of: read, x: input, k: k), "\(literal) at x = \(input)")
        }
    }

    /// A model keeps a program per cell and a goal seek streams them all on every probe: an
    /// instruction stays 16 bytes.
    @Test func anInstructionStaysSixteenBytes() {
        #expect(MemoryLayout<Instruction>.stride == 16)
    }

    private func value(of formula: String, x: Value, k: Double) throws -> Value {
        let program = Program(try Parser.parseExpression(formula).get()) { $0 == "x" ? 0 : 1 }
        var machine = Machine()
        return [x, .number(k)].withUnsafeBufferPointer { machine.value(of: program, slots: $0) }
    }
}
