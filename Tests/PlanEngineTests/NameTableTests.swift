import Testing
@testable import PlanEngine

@Suite("names interned to ids")
struct NameTableTests {
    @Test func aNameKeepsTheIdItGotFirst() {
        var table = NameTable()
        #expect(table.intern("leads") == (0, true))
        #expect(table.intern("conversion") == (1, true))
        #expect(table.intern("leads") == (0, false))
        #expect(table.id(of: "conversion") == 1)
        #expect(table.id(of: "Leads") == nil)
        #expect(table.id(of: "") == nil)
        #expect(table.names == ["leads", "conversion"])
    }

    /// A name interned by its hash worked out ahead gets the id it would get without; asking for
    /// the bucket of any hash, negative ones too, reads within the table.
    @Test func aHashWorkedOutAheadInternsTheSame() {
        var byHash = NameTable()
        var plain = NameTable()
        for name in ["leads", "conversion", "leads", "c0", "c1", "c0"] {
            byHash.prefetch(hash: NameTable.hash(of: name))
            #expect(byHash.intern(name, hash: NameTable.hash(of: name)) == plain.intern(name))
        }
        for hash in [Int.min, -1, 0, Int.max] { byHash.prefetch(hash: hash) }
        #expect(byHash.names == ["leads", "conversion", "c0", "c1"])
        #expect(NameTable.hash(of: "leads") != NameTable.hash(of: "Leads"))
    }

    /// Names chosen to fall in one bucket of 1,024 for one start of the hash spread over the
    /// buckets for another: a file cannot choose its names' buckets without the run's start.
    @Test func namesCollidingForOneStartSpreadForAnother() {
        var colliding: [String] = []
        var candidate = 0
        while colliding.count < 64 {
            let name = "n\(candidate)"
            if NameTable.hash(of: name, seed: 0) & 1023 == 0 { colliding.append(name) }
            candidate += 1
        }
        let buckets = Set(colliding.map { NameTable.hash(of: $0, seed: 0x9E37_79B9_7F4A_7C15) & 1023 })
        #expect(buckets.count > 48)
        #expect(NameTable.hash(of: "leads") == NameTable.hash(of: "leads"))
    }

    /// A name is looked for first among the few just before a place, and found wherever it is.
    @Test func aNameIsFoundNearAPlaceOrElsewhere() {
        var table = NameTable()
        for name in ["a", "b", "c", "d", "e", "f"] { _ = table.intern(name) }
        #expect(table.id(of: "e", near: 5) == 4)
        #expect(table.id(of: "b", near: 5) == 1)
        #expect(table.id(of: "a", near: 5) == 0)
        #expect(table.id(of: "f", near: 2) == 5)
        #expect(table.id(of: "c", near: 100) == 2)
        #expect(table.id(of: "a", near: 0) == 0)
        #expect(table.id(of: "z", near: 3) == nil)
        #expect(NameTable().id(of: "a", near: 2) == nil)
    }

    /// The same random names, some of them again, interned here and in a dictionary: the ids agree,
    /// through the table's growth and a reservation made partway.
    @Test func agreesWithADictionaryOverManyNames() {
        var random = FixedRandom(seed: 11)
        let letters = Array("abcxyz_0123456789")
        var table = NameTable()
        var plain: [String: CellID] = [:]
        for step in 0..<5_000 {
            if step == 1_000 { table.reserveCapacity(3_000) }
            // Short names collide in their buckets often; a few are longer than a word.
            let name = "c" + String((0..<(1 + random.below(step % 7 == 0 ? 30 : 4))).map { _ in letters[random.below(letters.count)] })
            let known = plain[name]
            let expected = known ?? plain.count
            plain[name] = expected
            let (id, isNew) = table.intern(name)
            #expect(id == expected)
            #expect(isNew == (known == nil))
        }
        #expect(table.count == plain.count)
        #expect(plain.allSatisfy { table.id(of: $0.key) == $0.value && table.names[$0.value] == $0.key })
    }
}
