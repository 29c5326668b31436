/// Where one program of a ``ProgramArena`` lies in the arena's storage, and what the engine asks
/// of it without running it: a few numbers of fixed size, so that a model's million programs are
/// a million headers in one array and their instructions in three others, not a million
/// allocations of their own.
///
/// Ranges are offsets and counts into the arena's arrays (see ``Operand`` for why 32 bits are
/// enough). The slot lists lie one after the other from `slotStart`: the series slots, the lagged
/// ones, the whole-plan ones (each as ``Program`` describes it).
public struct ProgramHeader: Sendable, Equatable {
    @usableFromInline var codeStart: Int32 = 0
    @usableFromInline var codeCount: Int32 = 0
    @usableFromInline var formatStart: Int32 = 0
    @usableFromInline var formatCount: Int32 = 0
    @usableFromInline var slotStart: Int32 = 0
    @usableFromInline var seriesCount: Int32 = 0
    @usableFromInline var laggedCount: Int32 = 0
    @usableFromInline var wholePlanCount: Int32 = 0
    /// The most values the code keeps on its stack at once.
    var stackDepth: Int32 = 0
    var formatStackDepth: Int32 = 0
    /// Whether the result differs between periods whatever the slots hold (see ``Program/variesByItself``).
    public internal(set) var variesByItself = false
    /// Whether the code is only constants, loads and operators, with no jump and no change of
    /// period: such a program can run one instruction over many periods at once (``Machine``).
    var isStraightLine = true
    /// Which periods of the result a change of a slot in one period can reach.
    public internal(set) var reach = PeriodReach.samePeriod

    /// What an arena holds for an index with no program (a name referenced but not defined): never run.
    static let empty = ProgramHeader()

    /// The number of entries of the arena's storage the program takes: what compaction counts.
    var storedEntries: Int { Int(codeCount) + Int(formatCount) + Int(slotCount) }

    @usableFromInline var slotCount: Int32 { seriesCount + laggedCount + wholePlanCount }

    /// Whether the program reads some cell only in earlier periods (its lagged slots are not empty).
    public var readsEarlierPeriods: Bool { laggedCount > 0 }

    /// Whether the program reads some cell in another period or across the whole plan: it has
    /// lagged or whole-plan slots.
    public var readsOtherPeriods: Bool { laggedCount > 0 || wholePlanCount > 0 }

    /// The program's instructions out of the arena's.
    @inlinable
    func code(in storage: UnsafeBufferPointer<Instruction>) -> UnsafeBufferPointer<Instruction> {
        UnsafeBufferPointer(rebasing: storage[Int(codeStart)..<Int(codeStart &+ codeCount)])
    }
}

/// One program of an arena read in place for the length of a call (``ProgramArena/withProgram(_:_:)``):
/// its header and buffers over its parts of the arena's storage. A run through it takes no
/// reference count on anything, which over a million cells is most of the cost of a lookup.
/// It must not outlive the call that lent it.
public struct ProgramView {
    @usableFromInline let header: ProgramHeader
    /// The program's instructions; jump targets are indexes into this buffer.
    @usableFromInline let code: UnsafeBufferPointer<Instruction>
    @usableFromInline let formatCode: UnsafeBufferPointer<FormatInstruction>
    @usableFromInline let slots: UnsafeBufferPointer<Int32>

    @inlinable
    init(
        header: ProgramHeader, code: UnsafeBufferPointer<Instruction>, formatCode: UnsafeBufferPointer<FormatInstruction>,
        slots: UnsafeBufferPointer<Int32>
    ) {
        self.header = header
        self.code = header.code(in: code)
        self.formatCode = UnsafeBufferPointer(
            rebasing: formatCode[Int(header.formatStart)..<Int(header.formatStart + header.formatCount)])
        self.slots = UnsafeBufferPointer(rebasing: slots[Int(header.slotStart)..<Int(header.slotStart + header.slotCount)])
    }

    @inlinable public var variesByItself: Bool { header.variesByItself }
    @inlinable public var reach: PeriodReach { header.reach }
    /// See ``Program/seriesSlots``.
    @inlinable public var seriesSlots: SlotList { list(from: 0, count: header.seriesCount) }
    /// See ``Program/laggedSlots``.
    @inlinable public var laggedSlots: SlotList { list(from: header.seriesCount, count: header.laggedCount) }
    /// See ``Program/wholePlanSlots``.
    @inlinable public var wholePlanSlots: SlotList {
        list(from: header.seriesCount + header.laggedCount, count: header.wholePlanCount)
    }

    @inlinable
    func list(from start: Int32, count: Int32) -> SlotList {
        SlotList(UnsafeBufferPointer(rebasing: slots[Int(start)..<Int(start + count)]))
    }
}

/// A slot list of a program read in place (``ProgramView``), its 32-bit entries read as `Int`:
/// slots are stored in 32 bits like the instructions' operands, and used as indexes.
public struct SlotList: RandomAccessCollection {
    @usableFromInline let base: UnsafeBufferPointer<Int32>

    @inlinable
    init(_ base: UnsafeBufferPointer<Int32>) {
        self.base = base
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { base.count }
    @inlinable public subscript(position: Int) -> Int { Int(base[position]) }
}
