/// Programs laid end to end in one array of instructions, in the order they run: what a plan run
/// many times (a goal seek's probes, a table's points, a simulation's trials) reads cell after
/// cell. Each ``Program`` keeps its code in an allocation of its own, scattered over the heap; a
/// run over a million cells then waits on memory for every cell's first instruction, where one
/// stream is read ahead by the processor. ``Machine/runSingles(_:of:cells:slots:)`` runs them.
public struct ProgramSequence: Sendable {
    private(set) var code: [Instruction] = []
    /// Where each program starts in ``code``, and where the last one ends.
    private(set) var bounds = [0]
    private(set) var stackDepths: [Int] = []
    private(set) var isStraightLine: [Bool] = []
    /// The deepest stack any of the programs needs.
    private(set) var maxStackDepth = 0

    public init() {}

    /// The number of programs.
    public var count: Int { stackDepths.count }

    /// Room for `programs` programs of about `instructions` instructions in all.
    public mutating func reserveCapacity(programs: Int, instructions: Int) {
        code.reserveCapacity(instructions)
        bounds.reserveCapacity(programs + 1)
        stackDepths.reserveCapacity(programs)
        isStraightLine.reserveCapacity(programs)
    }

    /// Adds the program at `program` (read in place, as ``Machine/value(ofProgramAt:slots:period:)``) after the others.
    public mutating func append(programAt program: UnsafePointer<Program>) {
        code.append(contentsOf: program.pointee.code)
        bounds.append(code.count)
        stackDepths.append(program.pointee.stackDepth)
        isStraightLine.append(program.pointee.isStraightLine)
        maxStackDepth = max(maxStackDepth, program.pointee.stackDepth)
    }
}
