/// For each ``CellID``, the cells that reference it, in the order they were connected.
///
/// A model loads all its edges at once, so its lists are packed end to end in one array with a
/// range per id: no list of its own per referenced cell, which at a million cells was a million
/// small allocations. An edit gives the ids whose users change a list of their own, copied from
/// the packed range on first change; the others stay packed.
struct DependentLists: Sendable {
    /// All the lists of the last bulk build, end to end.
    private var packed: [CellID] = []
    /// Where each id's list starts in ``packed`` and how long it is; a count of
    /// ``ownList`` means the list is in ``lists`` instead.
    private var ranges: [PackedRange] = []
    /// The lists of ids changed since the bulk build, by id: nothing at all for the others.
    private var lists: [CellID: [CellID]] = [:]

    private static let ownList: Int32 = -1

    init() {}

    /// The lists for `count` ids, where `precedents(id)` gives the ids cell `id` references: each of
    /// those gets `id` in its list, in the order of `ids`.
    /// Counted, then filled, in place: a million cells are two passes over their references.
    init<References: Sequence<CellID>>(count: Int, ids: [CellID], precedents: (CellID) -> References) {
        ranges = [PackedRange](repeating: PackedRange(start: 0, count: 0), count: count)
        let total = ranges.withUnsafeMutableBufferPointer { ranges in
            for id in ids {
                for reference in precedents(id) { ranges[reference].count += 1 }
            }
            var start: Int32 = 0
            for index in ranges.indices {
                let number = ranges[index].count
                ranges[index] = PackedRange(start: start, count: 0)
                start += number
            }
            return Int(start)
        }
        packed = [CellID](repeating: 0, count: total)
        packed.withUnsafeMutableBufferPointer { packed in
            ranges.withUnsafeMutableBufferPointer { ranges in
                for id in ids {
                    for reference in precedents(id) {
                        packed[Int(ranges[reference].start + ranges[reference].count)] = id
                        ranges[reference].count += 1
                    }
                }
            }
        }
    }

    /// The number of ids there are lists for.
    var count: Int { ranges.count }

    subscript(id: CellID) -> ArraySlice<CellID> {
        let range = ranges[id]
        if range.count == Self.ownList { return lists[id, default: []][...] }
        return packed[Int(range.start)..<Int(range.start + range.count)]
    }

    /// Adds empty lists up to `count` ids.
    mutating func grow(to count: Int) {
        guard ranges.count < count else { return }
        ranges.append(contentsOf: repeatElement(PackedRange(start: 0, count: 0), count: count - ranges.count))
    }

    /// Adds `user` at the end of `id`'s list.
    mutating func append(_ user: CellID, to id: CellID) {
        giveOwnList(id)
        lists[id, default: []].append(user)
    }

    /// Takes the first `user` out of `id`'s list, if it is there.
    mutating func remove(_ user: CellID, from id: CellID) {
        guard self[id].contains(user) else { return }
        giveOwnList(id)
        if let index = lists[id]?.firstIndex(of: user) { lists[id]?.remove(at: index) }
    }

    /// Gives `id` a list of its own, a copy of its packed range, unless it has one.
    private mutating func giveOwnList(_ id: CellID) {
        guard ranges[id].count != Self.ownList else { return }
        lists[id] = Array(self[id])
        ranges[id].count = Self.ownList
    }
}
