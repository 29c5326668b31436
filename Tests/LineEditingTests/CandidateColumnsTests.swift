import Testing
import LineEditing

struct CandidateColumnsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let candidates: [String]
        let width: Int
        let lines: [String]
        var testDescription: String { "\(candidates.count) candidates in \(width) columns" }
    }

    @Test(arguments: [
        Case(candidates: [], width: 80, lines: []),
        Case(candidates: ["leads"], width: 80, lines: ["leads"]),
        // Everything fits on one line: columns padded to the widest plus the gap, none after the last.
        Case(candidates: ["leads", "leakage", "lease"], width: 80, lines: ["leads    leakage  lease"]),
        // Three columns as wide as the widest candidate, with two gaps, take exactly 25.
        Case(candidates: ["leads", "leakage", "lease"], width: 25, lines: ["leads    leakage  lease"]),
        // One column short: the candidates run down the columns, then across.
        Case(candidates: ["leads", "leakage", "lease"], width: 24, lines: ["leads    lease", "leakage"]),
        Case(candidates: ["a", "b", "c", "d", "e"], width: 7, lines: ["a  c  e", "b  d"]),
        // Rows are filled evenly, so no column is left empty.
        Case(candidates: ["a", "b", "c", "d"], width: 10, lines: ["a  b  c  d"]),
        Case(candidates: ["a", "b", "c", "d", "e", "f", "g"], width: 10, lines: ["a  c  e  g", "b  d  f"]),
        // Too narrow for even one candidate: one per line.
        Case(candidates: ["opportunities", "revenue"], width: 5, lines: ["opportunities", "revenue"]),
        Case(candidates: ["x", "y"], width: 0, lines: ["x", "y"]),
        // Widths count characters, not bytes.
        Case(candidates: ["héllo", "wörld", "ab"], width: 12, lines: ["héllo  ab", "wörld"]),
    ])
    func layout(_ example: Case) {
        #expect(CandidateColumns.layout(example.candidates, width: example.width) == example.lines)
    }

    @Test(arguments: [20, 40, 60, 100])
    func everyLineFitsAndEveryCandidateAppearsOnce(width: Int) {
        let candidates = (1...37).map { "cell\($0)" }
        let lines = CandidateColumns.layout(candidates, width: width)
        #expect(lines.allSatisfy { $0.count <= width })
        let listed = lines.flatMap { $0.split(separator: " ").map(String.init) }
        #expect(listed.sorted() == candidates.sorted())
    }
}
