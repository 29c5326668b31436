import Testing
@testable import Formula

@Suite("source ranges")
struct SourceRangeTests {
    @Test func aRangeIsTwoThirtyTwoBitOffsets() {
        // Every syntax node and token carries one; a model keeps several nodes per cell.
        #expect(MemoryLayout<SourceRange>.stride == 8)
    }

    @Test func offsetsReadBackAsWrittenAndUnionCoversBoth() {
        var range = SourceRange(start: 3, end: 9)
        range.end += 4
        #expect(range.start == 3 && range.end == 13)
        #expect(range.union(SourceRange(start: 200_000_000, end: 268_435_456)) == SourceRange(start: 3, end: 268_435_456))
    }

    @Test func anOffsetPastThirtyTwoBitsIsClampedNotATrap() {
        let range = SourceRange(start: -1, end: Int.max)
        #expect(range.start == -1)
        #expect(range.end == Int(Int32.max))
    }
}
