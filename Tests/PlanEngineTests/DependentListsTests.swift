import Testing
@testable import PlanEngine

@Suite("lists of dependents, packed at load and edited after")
struct DependentListsTests {
    @Test func aBulkBuildListsUsersInTheOrderTheyWereGiven() {
        let precedents: [CellID: [CellID]] = [3: [0, 1], 1: [0], 4: [0, 3]]
        let lists = DependentLists(count: 5, ids: [3, 1, 4]) { precedents[$0] ?? [] }
        #expect(lists.count == 5)
        #expect(Array(lists[0]) == [3, 1, 4])
        #expect(Array(lists[1]) == [3])
        #expect(Array(lists[2]).isEmpty)
        #expect(Array(lists[3]) == [4])
        #expect(Array(lists[4]).isEmpty)
    }

    @Test func editsChangeOnlyTheListTheyTouch() {
        var lists = DependentLists(count: 3, ids: [1, 2]) { _ in [0] }
        lists.remove(1, from: 0)
        #expect(Array(lists[0]) == [2])
        lists.append(1, to: 0)
        lists.append(0, to: 2)
        #expect(Array(lists[0]) == [2, 1])
        #expect(Array(lists[2]) == [0])
        #expect(Array(lists[1]).isEmpty)
        lists.remove(7, from: 1)
        #expect(Array(lists[1]).isEmpty)
        lists.grow(to: 5)
        #expect(lists.count == 5)
        #expect(Array(lists[4]).isEmpty)
        lists.append(3, to: 4)
        #expect(Array(lists[4]) == [3])
    }

    /// The same random edges and edits, given to the packed lists and to one plain array per id.
    @Test func agreesWithAListPerCellOverRandomEdits() {
        var random = FixedRandom(seed: 42)
        let count = 60
        let ids = (0..<40).map { ($0 * 17) % 40 }
        var edges: [CellID: [CellID]] = [:]
        for id in ids { edges[id] = (0..<random.below(5)).map { _ in random.below(count) } }
        var plain = [[CellID]](repeating: [], count: count)
        for id in ids { for reference in edges[id]! { plain[reference].append(id) } }
        var lists = DependentLists(count: count, ids: ids) { edges[$0]! }
        for _ in 0..<500 {
            let id = random.below(count)
            let user = random.below(count)
            if random.below(2) == 0 {
                plain[id].append(user)
                lists.append(user, to: id)
            } else {
                if let index = plain[id].firstIndex(of: user) { plain[id].remove(at: index) }
                lists.remove(user, from: id)
            }
        }
        #expect((0..<count).allSatisfy { Array(lists[$0]) == plain[$0] })
    }
}
