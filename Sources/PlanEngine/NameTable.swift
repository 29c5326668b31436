import CPrefetch

/// The names of a model, each with its ``CellID``: the id is the name's place in ``names``.
///
/// Loading a model looks up every name at least twice (defined, then read by the next formula),
/// and a dictionary keyed by `String` hashes each time with a keyed hash built to resist chosen
/// keys, most of the cost of an interning. Names are ASCII words (the lexer's), so equal names have
/// equal bytes: here a short multiplicative hash of the bytes, from a random start, picks a bucket
/// of an open-addressing table of ids, and a probe compares the name kept at that id. The table is
/// kept at most half full.
///
/// Public so that a file reader can intern the names it defines as it checks each is defined once,
/// and hand the table to the model it builds (see ``Model/init(timeline:definitions:definedNames:actuals:)``).
public struct NameTable: Sendable {
    public private(set) var names: [String] = []
    /// Each bucket holds an id plus one, or 0 when empty; their number is a power of two.
    private var buckets = [Int32](repeating: 0, count: 8)

    public init() {}

    public var count: Int { names.count }

    public func id(of name: String) -> Int? { find(name, hash: Self.hash(of: name)).id }

    /// The id of `name`, looked for first among the few names just before id `place`: a formula
    /// mostly reads the cells defined just above it, whose names a load has just read, while a probe
    /// of the table is, on a large model, a miss of the processor's caches.
    func id(of name: String, near place: Int) -> Int? {
        for id in stride(from: min(place, names.count) - 1, through: max(place - 4, 0), by: -1) where names[id] == name {
            return id
        }
        return find(name, hash: Self.hash(of: name)).id
    }

    /// The id of `name`, given the next id when it is new.
    public mutating func intern(_ name: String) -> (id: Int, isNew: Bool) {
        intern(name, hash: Self.hash(of: name))
    }

    /// The same, for a name whose ``hash(of:)`` is known already (worked out on another thread).
    public mutating func intern(_ name: String, hash: Int) -> (id: Int, isNew: Bool) {
        let (bucket, found) = find(name, hash: hash)
        if let found { return (found, false) }
        let id = names.count
        names.append(name)
        buckets[bucket] = Int32(id + 1)
        if 2 * names.count > buckets.count { rehash(buckets: 2 * buckets.count) }
        return (id, true)
    }

    /// Makes room for `count` more names, so that loading a model rehashes no table name by name.
    public mutating func reserveCapacity(_ count: Int) {
        names.reserveCapacity(names.count + count)
        var size = buckets.count
        while size < 2 * (names.count + count) { size *= 2 }
        if size > buckets.count { rehash(buckets: size) }
    }

    /// Asks the processor to fetch the bucket a name of this ``hash(of:)`` is looked for in,
    /// without waiting for it: on a large table each bucket looked up is a miss of its caches, and
    /// a reader that knows the names it will intern next asks for their buckets together.
    public func prefetch(hash: Int) {
        buckets.withUnsafeBufferPointer { leadlag_prefetch_for_write($0.baseAddress! + (hash & ($0.count - 1))) }
    }

    /// The id of `name`, whose ``hash(of:)`` is `hash`, if it has one, and the bucket it is in or
    /// would go in.
    private func find(_ name: String, hash: Int) -> (bucket: Int, id: CellID?) {
        var bucket = hash & (buckets.count - 1)
        while buckets[bucket] != 0 {
            let id = Int(buckets[bucket]) - 1
            if names[id] == name { return (bucket, id) }
            bucket = (bucket + 1) & (buckets.count - 1)
        }
        return (bucket, nil)
    }

    private mutating func rehash(buckets size: Int) {
        var table = [Int32](repeating: 0, count: size)
        for (id, name) in names.enumerated() {
            var bucket = Self.hash(of: name) & (size - 1)
            while table[bucket] != 0 { bucket = (bucket + 1) & (size - 1) }
            table[bucket] = Int32(id + 1)
        }
        buckets = table
    }

    /// FNV-1a over the name's bytes from a start drawn at random for the run, its high bits folded
    /// down (the table takes the low ones). The random start is so that no file can be written
    /// whose names all fall in a few buckets: every intern would then be a long probe, and a large
    /// file would load in quadratic time. Names that differ in their last characters (`c1`, `c2`,
    /// `c3`) still fall in buckets near each other, which a large load's caches keep. The bytes are
    /// read in place: stepping through a string's UTF-8 view costs several times more.
    public static func hash(of name: String) -> Int { hash(of: name, seed: seed) }

    /// Where every hash of this run of the program starts.
    private static let seed = UInt64.random(in: .min ... .max)

    /// ``hash(of:)`` from a given start.
    static func hash(of name: String, seed: UInt64) -> Int {
        var bytes = name
        return bytes.withUTF8 { buffer in
            var hash = seed
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
