/// Compiled programs side by side in shared storage: one array of instructions, one of format
/// instructions and one of slot lists for all of them, and a ``ProgramHeader`` per program saying
/// where its parts lie. A model keeps one program per cell; kept as values of their own, each
/// would be an allocation per array, a million times, with the compiler's working copies on top.
///
/// The compiler emits straight onto the end of the storage, with working lists kept here between
/// compiles, so compiling a cell allocates nothing once they have grown. Replacing a program (a
/// cell redefined) appends its new parts and leaves the old ones dead; once the dead entries
/// outnumber the live ones and the headers together, the storage is compacted, so a long session
/// stays within about twice what its programs need, and each compaction is paid for by the dead
/// entries appended since the one before.
///
/// ``Machine`` runs a program in place (``withProgram(_:_:)``); jump targets are relative to a
/// program's first instruction, so moving a program moves nothing inside it.
public struct ProgramArena: Sendable {
    // Read by inlinable code, so that a run from another module is specialized there, not a
    // generic call with a closure per cell; written here only.
    @usableFromInline var code: [Instruction] = []
    @usableFromInline var formatCode: [FormatInstruction] = []
    @usableFromInline var slots: [Int32] = []
    /// Each program's place in the storage, by index.
    public private(set) var headers: [ProgramHeader] = []
    /// The deepest stack any program put here needs (or needed, before it was replaced).
    public private(set) var maxStackDepth = 0
    private var compiler = Compiler()
    /// Entries of the storage no header points at any more.
    private var deadEntries = 0
    /// The pages the four arrays fill next, asked for on another core while a large model loads.
    private var codeAhead = PagesAhead(), formatCodeAhead = PagesAhead(), slotsAhead = PagesAhead()
    private var headersAhead = PagesAhead()

    public init() {}

    /// The number of programs.
    public var count: Int { headers.count }

    /// Entries of the three arrays in use, live or dead: what compaction keeps bounded.
    public var storedEntries: Int { code.count + formatCode.count + slots.count }

    /// Entries the programs point at.
    public var liveEntries: Int { storedEntries - deadEntries }

    /// Room for `programs` more programs of a few instructions each (a model's cells, most of
    /// them a product or a sum of two or three terms): loading a model then grows no array over
    /// and over, with the old and the new buffer both held at each step. Room not used is
    /// address space, not memory.
    public mutating func reserveCapacity(programs: Int) {
        headers.reserveCapacity(headers.count + programs)
        code.reserveCapacity(code.count + Self.typicalSize * programs)
        formatCode.reserveCapacity(formatCode.count + Self.typicalSize * programs)
        slots.reserveCapacity(slots.count + Self.typicalSize * programs)
    }

    /// The instructions, format instructions or slots reserved for a program.
    private static let typicalSize = 8

    /// Compiles a cell's formula with its overrides (see ``Program/init(_:overrides:timeline:bind:)``)
    /// as a new program after the others; its index.
    @discardableResult
    public mutating func append(
        _ expr: Expr, overrides: [(periods: ClosedRange<Int>, expression: Expr)] = [], timeline: Timeline = .single,
        bind: (String) -> Int
    ) -> Int {
        let header = compile(expr, overrides: overrides, timeline: timeline, bind: bind)
        set(headers.count, header)
        return headers.count - 1
    }

    /// Compiles a formula as program `index` (the programs up to it made empty where there are
    /// none yet), in place of the one there.
    public mutating func replace(
        _ index: Int, with expr: Expr, overrides: [(periods: ClosedRange<Int>, expression: Expr)] = [],
        timeline: Timeline = .single, bind: (String) -> Int
    ) {
        let header = compile(expr, overrides: overrides, timeline: timeline, bind: bind)
        set(index, header)
    }

    /// Leaves no program at `index`: one that must not run any more (a cell undefined).
    public mutating func remove(_ index: Int) {
        set(index, .empty)
    }

    /// Adds after the others a copy of program `index` of `other` that can compute its value and
    /// nothing else (no format part, no slot lists): what a plan run many times reads, laid out in
    /// the order it runs so that the run streams through the instructions; its index.
    public mutating func appendValueCode(of index: Int, in other: ProgramArena) -> Int {
        let source = other.headers[index]
        var header = source
        header.codeStart = Int32(code.count)
        header.formatStart = Int32(formatCode.count)
        header.formatCount = 0
        header.formatStackDepth = 0
        header.slotStart = Int32(slots.count)
        (header.seriesCount, header.laggedCount, header.wholePlanCount) = (0, 0, 0)
        code.append(contentsOf: other.code[Int(source.codeStart)..<Int(source.codeStart + source.codeCount)])
        set(headers.count, header)
        return headers.count - 1
    }

    /// Lends `body` program `index` read in place.
    @inlinable
    public func withProgram<Result>(_ index: Int, _ body: (ProgramView) -> Result) -> Result {
        code.withUnsafeBufferPointer { code in
            formatCode.withUnsafeBufferPointer { formatCode in
                slots.withUnsafeBufferPointer { slots in
                    body(ProgramView(header: headers[index], code: code, formatCode: formatCode, slots: slots))
                }
            }
        }
    }

    /// Lends `body` program `index` and `values` to run it on, both in place. The values are
    /// passed in rather than reached from the closure, so that a caller keeping both in one value
    /// (a model's cells) lends them side by side, with no copy of the arena to take a reference
    /// count on each of its arrays, cell after cell.
    @inlinable
    public func withProgram<Result>(
        _ index: Int, values: inout [Value], _ body: (ProgramView, UnsafeMutableBufferPointer<Value>) -> Result
    ) -> Result {
        withProgram(index) { program in values.withUnsafeMutableBufferPointer { body(program, $0) } }
    }

    /// Lends `body` every format instruction and every header at once, for formats worked out over many programs.
    @inlinable
    func withFormatStorage<Result>(
        _ body: (UnsafeBufferPointer<FormatInstruction>, UnsafeBufferPointer<ProgramHeader>) -> Result
    ) -> Result {
        formatCode.withUnsafeBufferPointer { formatCode in headers.withUnsafeBufferPointer { body(formatCode, $0) } }
    }

    /// Lends `body` every instruction and every header at once, for a run over many programs.
    @inlinable
    func withStorage<Result>(
        _ body: (UnsafeBufferPointer<Instruction>, UnsafeBufferPointer<ProgramHeader>) -> Result
    ) -> Result {
        code.withUnsafeBufferPointer { code in headers.withUnsafeBufferPointer { body(code, $0) } }
    }

    private mutating func compile(
        _ expr: Expr, overrides: [(periods: ClosedRange<Int>, expression: Expr)], timeline: Timeline,
        bind: (String) -> Int
    ) -> ProgramHeader {
        compiler.compile(
            expr, overrides: overrides, timeline: timeline, bind: bind, code: &code, formatCode: &formatCode, slots: &slots)
    }

    /// Makes `header` program `index`, the old one's storage dead, and compacts when it is time.
    private mutating func set(_ index: Int, _ header: ProgramHeader) {
        if index == headers.count {
            // The common case while a model loads: its cells come in the order of their ids.
            headers.append(header)
        } else {
            while index >= headers.count { headers.append(.empty) }
            deadEntries += headers[index].storedEntries
            headers[index] = header
        }
        maxStackDepth = max(maxStackDepth, Int(header.stackDepth))
        if deadEntries > liveEntries + headers.count { compact() }
        codeAhead.keepAhead(of: code)
        formatCodeAhead.keepAhead(of: formatCode)
        slotsAhead.keepAhead(of: slots)
        headersAhead.keepAhead(of: headers)
    }

    /// Copies every program's parts, in index order, into storage of just their size.
    private mutating func compact() {
        var newCode: [Instruction] = []
        var newFormatCode: [FormatInstruction] = []
        var newSlots: [Int32] = []
        newCode.reserveCapacity(headers.reduce(0) { $0 + Int($1.codeCount) })
        newFormatCode.reserveCapacity(headers.reduce(0) { $0 + Int($1.formatCount) })
        newSlots.reserveCapacity(headers.reduce(0) { $0 + Int($1.slotCount) })
        for index in headers.indices {
            var header = headers[index]
            Self.move(&header.codeStart, count: header.codeCount, from: code, to: &newCode)
            Self.move(&header.formatStart, count: header.formatCount, from: formatCode, to: &newFormatCode)
            Self.move(&header.slotStart, count: header.slotCount, from: slots, to: &newSlots)
            headers[index] = header
        }
        code = newCode
        formatCode = newFormatCode
        slots = newSlots
        deadEntries = 0
    }

    /// Appends `count` elements of `old` from `start` to `new`, and points `start` at them there.
    private static func move<Element>(_ start: inout Int32, count: Int32, from old: [Element], to new: inout [Element]) {
        let first = Int(start)
        start = Int32(new.count)
        new.append(contentsOf: old[first..<first + Int(count)])
    }
}
