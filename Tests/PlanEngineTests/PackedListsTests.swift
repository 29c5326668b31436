import Testing
@testable import PlanEngine

@Suite("reference lists packed end to end")
struct PackedListsTests {
    @Test func listsReadBackAsSetAndPastTheLastAreEmpty() {
        var lists = PackedLists()
        lists.set(2, to: [5, 1])
        lists.set(0, to: [3])
        #expect(lists.count == 3)
        #expect(Array(lists[0]) == [3])
        #expect(Array(lists[1]).isEmpty)
        #expect(Array(lists[2]) == [5, 1])
        #expect(Array(lists[7]).isEmpty)
        lists.set(2, to: EmptyCollection())
        #expect(Array(lists[2]).isEmpty)
        lists.grow(to: 6)
        #expect(lists.count == 6)
        #expect(lists[0] == lists[0] && lists[0] != lists[2])
    }

    /// The same random lists set over and over, given to the packed lists and to one plain array per
    /// id: compaction keeps every list, and the storage stays within about twice the live entries.
    @Test func agreesWithAListPerCellOverRandomEdits() {
        var random = FixedRandom(seed: 7)
        let count = 50
        var plain = [[CellID]](repeating: [], count: count)
        var lists = PackedLists()
        for _ in 0..<2_000 {
            let id = random.below(count)
            let list = (0..<random.below(6)).map { _ in random.below(1_000) }
            plain[id] = list
            lists.set(id, to: list)
            let live = plain.reduce(0) { $0 + $1.count }
            #expect(lists.storedEntries <= 2 * live + count + 5)
        }
        #expect((0..<count).allSatisfy { Array(lists[$0]) == plain[$0] })
    }
}
