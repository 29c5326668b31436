@testable import Formula
import Testing

/// Programs sharing one arena (``ProgramArena``): a program replaced never runs again, a
/// compaction moves every program whole (values and formats as compiled on its own), and a
/// program replaced over and over leaves the storage within its bound at a cost paid for by
/// what was appended.
@Suite struct ProgramArenaTests {
    static let timeline = try! Timeline(from: Period.parse("2027-01").get(), to: Period.parse("2027-06").get())
    /// Over slots `x` (a series), `rate` (a percent) and `price` (dollars): jumps, `prev`,
    /// reductions, a fixed period, comparisons, functions and literals of every format.
    static let formulas = [
        "x * 1.05 + 1", "if(x > 125, x - 100, rate)", "prev(x, 7) + t", "iferror(x / (x - 120), -1)", "total(x) * price",
        "cumulative(x)", "x[2027-03] * rate", "rate > 2% and x < 130", "max(price, x) * 3", "$5 + price * rate", "month",
        "-x", "nope(x)",
    ]
    static let slotNames = ["x", "rate", "price"]
    static let values: [Value] = (0..<6).map { .number(100 + 10 * Double($0)) } + Array(repeating: .number(0.05), count: 6)
        + Array(repeating: .number(12), count: 6)
    static let formats: [DisplayFormat] = [.number, .percent, .currency(.dollar)]

    @Test func aReplacedProgramNeverRunsAgain() throws {
        var arena = ProgramArena()
        try arena.append(Self.parse("x + 1"), timeline: Self.timeline, bind: Self.bind)
        try arena.append(Self.parse("x * 2"), timeline: Self.timeline, bind: Self.bind)
        try arena.replace(0, with: Self.parse("x - 1"), timeline: Self.timeline, bind: Self.bind)
        #expect(Self.results(arena, 0).values == (0..<6).map { .number(99 + 10 * Double($0)) })
        #expect(Self.results(arena, 1).values == (0..<6).map { .number(200 + 20 * Double($0)) })
        arena.remove(0)
        #expect(arena.headers[0] == .empty)
    }

    @Test func aCompactionMovesEveryProgramWhole() throws {
        var arena = ProgramArena()
        var held = Self.formulas
        for formula in held { try arena.append(Self.parse(formula), timeline: Self.timeline, bind: Self.bind) }
        var compactions = 0
        for step in 0..<300 {
            let index = step * 7 % held.count
            held[index] = Self.formulas[(step * 5 + 3) % Self.formulas.count]
            let before = arena.storedEntries
            try arena.replace(index, with: Self.parse(held[index]), timeline: Self.timeline, bind: Self.bind)
            if arena.storedEntries < before { compactions += 1 }
            for (index, formula) in held.enumerated() {
                let alone = try Self.results(Program(Self.parse(formula), timeline: Self.timeline, bind: Self.bind).arena, 0)
                let result = Self.results(arena, index)
                #expect(result.values == alone.values, "\(formula) after step \(step)")
                #expect(result.format == alone.format, "\(formula) after step \(step)")
            }
        }
        #expect(compactions > 5)
    }

    @Test func aProgramReplacedOverAndOverKeepsTheStorageBounded() throws {
        var arena = ProgramArena()
        for index in 0..<50 {
            try arena.append(Self.parse(Self.formulas[index % Self.formulas.count]), timeline: Self.timeline, bind: Self.bind)
        }
        var appended = 0
        var copied = 0
        for step in 0..<2_000 {
            let before = arena.storedEntries
            try arena.replace(7, with: Self.parse(step.isMultiple(of: 2) ? "max(price, x) * 3" : "x + 1"),
                              timeline: Self.timeline, bind: Self.bind)
            let added = arena.headers[7].storedEntries
            appended += added
            if arena.storedEntries < before + added { copied += arena.liveEntries }
            #expect(arena.storedEntries <= 2 * arena.liveEntries + arena.count)
        }
        // Each compaction copies the live programs once: no more, over the session, than was appended.
        #expect(copied > 0 && copied <= appended)
        #expect(Self.results(arena, 7).values == (0..<6).map { .number(101 + 10 * Double($0)) })
    }

    private static func parse(_ formula: String) throws -> Expr { try Parser.parseExpression(formula).get() }

    private static func bind(_ name: String) -> Int { slotNames.firstIndex(of: name) ?? 0 }

    /// Program `index`'s value in every period and its format.
    private static func results(_ arena: ProgramArena, _ index: Int) -> (values: [Value], format: DisplayFormat) {
        var machine = Machine()
        machine.timeline = timeline
        return arena.withProgram(index) { program in
            let values = Self.values.withUnsafeBufferPointer { slots in
                (0..<6).map { machine.value(of: program, slots: slots, period: $0) }
            }
            return (values, formats.withUnsafeBufferPointer { machine.format(of: program, slots: $0) })
        }
    }
}
