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
