/// Programs laid end to end in one array of instructions, in the order they run: what a plan run
/// many times (a goal seek's probes, a table's points, a simulation's trials) reads cell after
/// cell. Each ``Program`` keeps its code in an allocation of its own, scattered over the heap; a
/// run over a million cells then waits on memory for every cell's first instruction, where one
/// stream is read ahead by the processor. ``Machine/value(of:in:slots:period:)`` runs one of them.
public struct ProgramSequence: Sendable {
    let code: [Instruction]
    /// Where each program starts in ``code``, and where the last one ends.
    let bounds: [Int]
    let stackDepths: [Int]
    let isStraightLine: [Bool]

    public init(_ programs: [Program]) {
        var code: [Instruction] = []
        code.reserveCapacity(programs.reduce(0) { $0 + $1.code.count })
        var bounds = [0]
        bounds.reserveCapacity(programs.count + 1)
        for program in programs {
            code += program.code
            bounds.append(code.count)
        }
        self.code = code
        self.bounds = bounds
        stackDepths = programs.map(\.stackDepth)
        isStraightLine = programs.map(\.isStraightLine)
    }
}
