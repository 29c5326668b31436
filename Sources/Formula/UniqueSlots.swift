/// Slots (or cell ids) in order of first insertion, each kept once: a formula's references.
///
/// Most formulas read a handful of cells, for which a linear search is cheaper than hashing
/// and allocates nothing more than the list; past ``linearLimit`` a set takes over, so a
/// `sum` over thousands of cells stays linear in their number.
public struct UniqueSlots: Sendable {
    /// The slots, in order of first insertion.
    public private(set) var list: [Int] = []
    private var seen: Set<Int> = []
    private static let linearLimit = 16

    public init() {}

    /// Adds `slot` unless it is there already; whether it was added.
    @inline(__always)
    public mutating func insert(_ slot: Int) -> Bool {
        if list.count < Self.linearLimit {
            guard !list.contains(slot) else { return false }
            list.append(slot)
            if list.count == Self.linearLimit { seen.formUnion(list) }
            return true
        }
        guard seen.insert(slot).inserted else { return false }
        list.append(slot)
        return true
    }

    /// Empties the list, keeping its room for the next one (an empty list is left alone: emptying
    /// it again would still cost a call per part). The few slots of a short list are dropped one by
    /// one, which is cheaper than the general removal a compiler pays for cell after cell.
    @inline(__always)
    public mutating func removeAll() {
        // Most of a compiler's lists stay empty from formula to formula (nothing read through
        // `prev`, nothing across the plan), and with the list the set is empty.
        if list.isEmpty { return }
        if list.count < Self.linearLimit {
            while list.popLast() != nil {}
        } else {
            list.removeAll(keepingCapacity: true)
        }
        if !seen.isEmpty { seen.removeAll(keepingCapacity: true) }
    }

    public func contains(_ slot: Int) -> Bool {
        list.count < Self.linearLimit ? list.contains(slot) : seen.contains(slot)
    }
}
