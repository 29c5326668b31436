import Testing
@testable import TextLayout

@Suite("Word wrap: prose broken at spaces")
struct WordWrapTests {
    @Test("lines break at spaces and continue with the indent; a long word stands whole")
    func wraps() {
        #expect(WordWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(WordWrap.lines("one two three", width: 9, indent: "  ") == ["one two", "  three"])
        #expect(WordWrap.lines("a extraordinarily b", width: 5) == ["a", "extraordinarily", "b"])
        #expect(WordWrap.lines("as is", width: nil) == ["as is"])
        #expect(WordWrap.lines("", width: 5) == [""])
    }
}
