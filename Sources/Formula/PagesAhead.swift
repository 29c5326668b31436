import CPrefetch
import Dispatch

/// Maps the pages just past the end of a large array, which grows element by element into room
/// reserved for it, ready for writing on another core before the array reaches them.
///
/// The first write to a fresh page of memory faults, and the kernel finds and zeroes a page for it.
/// Loading a model of a million cells writes several hundred megabytes so, and on the thread that
/// builds the model those faults are about a third of its time, while the second core is idle.
/// The pages an array will fill next are known: those of its reserved room past its last element.
/// This asks the kernel for them (``leadlag_populate_for_write``) a window ahead of the writer,
/// from a thread of its own, so the writer finds them mapped. It never touches what the pages hold,
/// so it is harmless however late it comes, even after the array has moved or been freed.
///
/// An array with little room is left alone: for it a few faults cost less than a request.
public struct PagesAhead: Sendable {
    /// How far ahead of the last element pages are asked for: between one and two windows.
    static let window = 1 << 20
    /// Room below which an array is left alone.
    static let smallestRoom = 8 << 20
    /// Where the array's elements were when last looked at: a new place is a new buffer.
    private var base: UInt = 0
    /// How many bytes from `base` have been asked for.
    private var requested = 0
    /// Below this many bytes in use, nothing is to be asked for yet.
    private var quietUntil = 0

    private static let thread = DispatchQueue(label: "leadlag.pages-ahead", qos: .userInitiated)

    public init() {}

    /// An array of `count` copies of `element`. A large one is filled from its start while its pages
    /// are asked for from its end back, a window at a time: the filling and the mapping each find
    /// the other's pages ready, and meet between.
    public static func array<Element>(repeating element: Element, count: Int) -> [Element] {
        guard count * MemoryLayout<Element>.stride >= smallestRoom else { return Array(repeating: element, count: count) }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let start = UInt(bitPattern: buffer.baseAddress)
            var end = count * MemoryLayout<Element>.stride
            while end > 0 {
                let from = max(0, end - window)
                let (address, length) = (start + UInt(from), end - from)
                thread.async { leadlag_populate_for_write(address, length) }
                end = from
            }
            buffer.initialize(repeating: element)
            initialized = count
        }
    }

    /// Waits until every request made so far has been carried out.
    static func finishRequests() {
        thread.sync {}
    }

    /// Asks for the pages a window or two past the end of `array`, when its end has come near
    /// those asked for before: to be called after appending to it. Most calls only compare.
    @inline(__always)
    public mutating func keepAhead<Element>(of array: [Element]) {
        let used = array.count &* MemoryLayout<Element>.stride
        if used < quietUntil { return }
        askAhead(of: array, used: used)
    }

    private mutating func askAhead<Element>(of array: [Element], used: Int) {
        let room = array.capacity * MemoryLayout<Element>.stride
        let start = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if start != base { (base, requested) = (start, used) }
        guard room >= Self.smallestRoom, start != 0 else {
            // Until the array outgrows its room, and so moves.
            quietUntil = room + 1
            return
        }
        let end = min(room, used + 2 * Self.window)
        if end > requested {
            let (address, length) = (start + UInt(requested), end - requested)
            Self.thread.async { leadlag_populate_for_write(address, length) }
            requested = end
        }
        quietUntil = end == room ? room + 1 : end - Self.window
    }
}
