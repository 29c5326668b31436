@testable import Formula
import Testing

/// A compiler reuses its slot lists cell after cell (``UniqueSlots/removeAll()``): emptied, a
/// list short or past the linear limit starts over with nothing remembered from before, and
/// still keeps each slot once, in order of first insertion.
@Suite struct UniqueSlotsTests {
    @Test(arguments: [0, 1, 3, 15, 16, 17, 40])
    func anEmptiedListStartsOver(earlier: Int) {
        var slots = UniqueSlots()
        for slot in 0..<earlier { _ = slots.insert(slot) }
        slots.removeAll()
        #expect(slots.list.isEmpty)
        #expect(!slots.contains(0))
        let inserted = [5, 0, 5, 1, 0, 2].map { slots.insert($0) }
        #expect(inserted == [true, true, false, true, false, true])
        #expect(slots.list == [5, 0, 1, 2])
        for slot in 100..<130 { _ = slots.insert(slot) }
        let insertedAgain = slots.insert(120)
        #expect(!insertedAgain)
        #expect(slots.list == [5, 0, 1, 2] + Array(100..<130))
    }
}
