import Testing
@testable import ModelFile

@Suite("the lines of a file are counted before it is read")
struct LineCountTests {
    @Test(arguments: [("", 1), ("a", 1), ("a\n", 2), ("a\r\nb\rc\n", 4), ("\r\r\n\n\r", 5), ("x = 1\r\ny = 2\r\n", 3)])
    func countsEachKindOfBreak(text: String, lines: Int) {
        #expect(LinePreparer.lineCount(of: Array(text.utf8)) == lines)
    }

    /// Breaks of every kind at every offset, across the eight-byte words the count reads.
    @Test func countsAsManyLinesAsTheReadingFinds() {
        var state: UInt64 = 2027
        let choices = [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "a")]
        for length in [7, 8, 9, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return choices[Int(state >> 33) % choices.count]
            }
            var found = 0
            LinePreparer(bytes: bytes).forEachLine(in: 0..<bytes.count) { _ in found += 1 }
            // A file that ends with a break has no line after it, which the count still counts.
            let endsWithBreak = bytes.last.map { $0 != UInt8(ascii: "a") } ?? true
            #expect(LinePreparer.lineCount(of: bytes) == found + (endsWithBreak ? 1 : 0), "\(bytes)")
        }
    }
}
