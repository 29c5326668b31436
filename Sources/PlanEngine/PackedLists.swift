/// For each ``CellID``, a short list of ids (the cells a formula references), all of them end to
/// end in one array with a range per id.
///
/// A list of its own per cell was an allocation per cell, a million at a million cells, plus an
/// array header each. Here setting a list appends it after the others and leaves the old entries
/// dead; once the dead outnumber the live and the ranges together, the storage is compacted, so it
/// stays within about twice what the lists need, each compaction paid for by the entries appended
/// since the one before. Ids are kept in 32 bits, as programs keep their slots.
struct PackedLists: Sendable {
    private var storage: [Int32] = []
    private var ranges: [PackedRange] = []
    private var deadEntries = 0

    init() {}

    /// The number of ids there are lists for.
    var count: Int { ranges.count }

    /// Entries of the storage in use, live or dead: what compaction keeps bounded.
    var storedEntries: Int { storage.count }

    /// The list of `id`; empty for an id past the last list set.
    subscript(id: CellID) -> PackedList {
        guard id < ranges.count else { return PackedList([]) }
        let range = ranges[id]
        return PackedList(storage[Int(range.start)..<Int(range.start + range.count)])
    }

    /// Lends `body` every list read in place: a pass over all of them (a model's load) takes no
    /// reference count per list, which an ``PackedList`` does.
    func withLists<Result>(_ body: (UnsafePackedLists) -> Result) -> Result {
        storage.withUnsafeBufferPointer { storage in
            ranges.withUnsafeBufferPointer { body(UnsafePackedLists(storage: storage, ranges: $0)) }
        }
    }

    /// Makes room for `lists` more lists of `entries` ids in all.
    mutating func reserveCapacity(lists: Int, entries: Int) {
        ranges.reserveCapacity(ranges.count + lists)
        storage.reserveCapacity(storage.count + entries)
    }

    /// Adds empty lists up to `count` ids.
    mutating func grow(to count: Int) {
        guard ranges.count < count else { return }
        ranges.append(contentsOf: repeatElement(PackedRange(start: 0, count: 0), count: count - ranges.count))
    }

    /// Makes `list` the list of `id` (lists up to it made empty where there are none yet).
    mutating func set(_ id: CellID, to list: some Collection<CellID>) {
        let range = PackedRange(start: list.isEmpty ? 0 : Int32(storage.count), count: Int32(list.count))
        for element in list { storage.append(Int32(element)) }
        // A model's cells are set in id order as they are defined: the next list is one more range.
        if id == ranges.count {
            ranges.append(range)
            return
        }
        grow(to: id + 1)
        deadEntries += Int(ranges[id].count)
        ranges[id] = range
        if deadEntries > storage.count - deadEntries + ranges.count { compact() }
    }

    /// Copies every live list, in id order, into storage of just their size.
    private mutating func compact() {
        var compacted: [Int32] = []
        compacted.reserveCapacity(storage.count - deadEntries)
        for id in ranges.indices {
            let range = ranges[id]
            ranges[id].start = Int32(compacted.count)
            compacted.append(contentsOf: storage[Int(range.start)..<Int(range.start + range.count)])
        }
        storage = compacted
        deadEntries = 0
    }
}

/// Where one id's list lies in a packed array of lists (``PackedLists``, ``DependentLists``).
struct PackedRange: Sendable {
    var start: Int32
    var count: Int32
}

/// One list of ``PackedLists``, its 32-bit entries read as ids.
struct PackedList: RandomAccessCollection, Equatable {
    private let base: ArraySlice<Int32>

    fileprivate init(_ base: ArraySlice<Int32>) {
        self.base = base
    }

    var startIndex: Int { 0 }
    var endIndex: Int { base.count }
    subscript(position: Int) -> CellID { CellID(base[base.startIndex + position]) }

    static func == (lhs: PackedList, rhs: PackedList) -> Bool { lhs.base == rhs.base }
}

/// The lists of a ``PackedLists`` read in place for the length of a call (``PackedLists/withLists(_:)``);
/// it must not outlive the call that lent it.
struct UnsafePackedLists {
    let storage: UnsafeBufferPointer<Int32>
    let ranges: UnsafeBufferPointer<PackedRange>

    /// The number of ids there are lists for.
    var count: Int { ranges.count }

    /// The list of `id` (which must have one).
    subscript(id: CellID) -> LazyMapSequence<UnsafeBufferPointer<Int32>, CellID> {
        let range = ranges[id]
        return UnsafeBufferPointer(rebasing: storage[Int(range.start)..<Int(range.start + range.count)]).lazy.map { CellID($0) }
    }
}
