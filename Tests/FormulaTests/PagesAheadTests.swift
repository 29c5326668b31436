@testable import Formula
import Glibc
import Testing

/// Pages asked for ahead of a growing array (``PagesAhead``): those a window or two past its last
/// element are in memory before it reaches them, those further on are not, and what the array
/// holds is never changed. The kernel is asked which pages are in memory (`mincore`). Skipped on a
/// kernel that cannot map pages ahead (before Linux 5.14), where the pages are only faulted in.
@Suite(.enabled(if: kernelMapsAhead)) struct PagesAheadTests {
    static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// How many of the pages of `length` bytes from `offset` past the start of `array`'s storage
    /// are in memory, of how many.
    static func resident(_ array: [UInt8], from offset: Int, length: Int) -> (inMemory: Int, of: Int) {
        array.withUnsafeBufferPointer { buffer in
            let address = UInt(bitPattern: buffer.baseAddress!) + UInt(offset)
            let start = address & ~UInt(page - 1)
            let pages = (Int(address - start) + length + page - 1) / page
            var flags = [UInt8](repeating: 0, count: pages)
            let result = mincore(UnsafeMutableRawPointer(bitPattern: start), pages * page, &flags)
            precondition(result == 0, "mincore failed")
            return (flags.filter { $0 & 1 == 1 }.count, pages)
        }
    }

    static func allInMemory(_ array: [UInt8], from offset: Int, length: Int) -> Bool {
        let (inMemory, pages) = resident(array, from: offset, length: length)
        return inMemory == pages
    }

    @Test func thePagesAWindowAheadAreInMemoryAndTheRestAreNot() {
        var array: [UInt8] = []
        array.reserveCapacity(64 << 20)
        array.append(contentsOf: (0..<1000).map { UInt8($0 % 251) })
        // Fresh room from the kernel: nothing past the elements written is in memory yet.
        #expect(Self.resident(array, from: 2 * PagesAhead.window, length: PagesAhead.window).inMemory == 0)
        var ahead = PagesAhead()
        ahead.keepAhead(of: array)
        PagesAhead.finishRequests()
        #expect(Self.allInMemory(array, from: 1000, length: 2 * PagesAhead.window - 1000 - Self.page))
        #expect(Self.resident(array, from: 2 * PagesAhead.window + Self.page, length: PagesAhead.window).inMemory == 0)
        #expect(array.prefix(1000).elementsEqual((0..<1000).map { UInt8($0 % 251) }))
        // The array grows past the first window: the next is asked for, and what it held stays.
        array.append(contentsOf: repeatElement(7, count: 2 * PagesAhead.window))
        ahead.keepAhead(of: array)
        PagesAhead.finishRequests()
        let end = array.count
        #expect(Self.allInMemory(array, from: end, length: PagesAhead.window))
        #expect(Self.resident(array, from: end + 3 * PagesAhead.window, length: PagesAhead.window).inMemory == 0)
        #expect(array.prefix(1000).elementsEqual((0..<1000).map { UInt8($0 % 251) }))
        #expect(array.dropFirst(1000).allSatisfy { $0 == 7 })
    }

    @Test func aLargeArrayMadeWithItsPagesAskedForHoldsWhatItWasGiven() {
        let count = 3 * PagesAhead.smallestRoom / MemoryLayout<Int>.stride + 5
        let array = PagesAhead.array(repeating: -3, count: count)
        #expect(array.count == count)
        #expect(array.allSatisfy { $0 == -3 })
        #expect(PagesAhead.array(repeating: "room", count: 3) == ["room", "room", "room"])
    }

    @Test func anArrayWithLittleRoomIsLeftAlone() {
        var array: [UInt8] = []
        array.reserveCapacity(PagesAhead.smallestRoom / 2)
        array.append(1)
        // Room this small may come from memory used before, some of it still in memory: what counts
        // is that no more of it is after the request.
        let room = (from: 2 * Self.page, length: PagesAhead.smallestRoom / 2 - 3 * Self.page)
        let before = Self.resident(array, from: room.from, length: room.length).inMemory
        var ahead = PagesAhead()
        ahead.keepAhead(of: array)
        PagesAhead.finishRequests()
        #expect(Self.resident(array, from: room.from, length: room.length).inMemory == before)
        #expect(array == [1])
    }
}

/// Whether this kernel maps pages ahead when asked (`MADV_POPULATE_WRITE`, Linux 5.14 on).
private let kernelMapsAhead: Bool = {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard let scratch = mmap(nil, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
          scratch != MAP_FAILED else { return false }
    defer { munmap(scratch, page) }
    return madvise(scratch, page, 23 /* MADV_POPULATE_WRITE */) == 0
}()
