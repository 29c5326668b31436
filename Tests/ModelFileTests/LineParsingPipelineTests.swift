import Formula
import PlanEngine
import Testing
@testable import ModelFile

@Suite("a large file read on two threads reads as it does line by line")
struct LineParsingPipelineTests {
    /// About 2,500 lines of every kind, with problems scattered through it: lines defined twice
    /// far apart, a scenario section of hundreds of lines, CRLF and lone-CR breaks, bad UTF-8,
    /// parse errors, and no break after the last line.
    static let mixedFile: [UInt8] = {
        var bytes = Array("periods = 2027-01 .. 2027-12\r\n# a plan of many lines\n\n".utf8)
        func line(_ text: String, _ terminator: String = "\n") { bytes += Array((text + terminator).utf8) }
        for index in 0..<2000 {
            switch index % 100 {
            case 0 where index == 1500: line("periods = 2027-01 .. 2027-06")          // a second periods line
            case 7: line("c\(index) = c\(index - 1) *", "\r\n")                    // parse error
            case 13: line("c\(max(1, index - 312)) = 1")                            // defined twice, far above
            case 21: line("c\(index) = 2"); bytes += [0xC3, 0x28, 0x0A]             // bad UTF-8 on a line of its own
            case 33: line("  c\(index) =   sum(c\(index - 1), 2)   # indented", "\r")
            case 44: line("c\(index - 1)[2027-03] = 5")                             // an override
            case 45: line("nothing\(index)[2027-03] = 5")                           // an override of no cell
            case 55: line("actual c\(index - 1)[2027-02] = 9", "\r\n")
            case 56: line("actual c\(index - 2)[2027-02] = 10")                     // recorded twice
            case 66: line("goal c\(index - 1) >= \(index)")
            case 77: line("c\(index - 1) + 1")                                      // a bare expression
            case 88: line("c\(index) = month * 2")
            default: line("c\(index) = c\(index - 1) * 1.0001 + 1")
            }
        }
        line("c-1 = 0")
        line("[scenario wide]   # runs over many blocks")
        for index in 0..<500 {
            switch index % 97 {
            case 5: line("c\(index - 5) = 3")                                       // overridden twice
            case 11: line("goal c\(index) >= 1")                                    // goal in a scenario
            case 12: line("actual c\(index)[2027-01] = 1")                          // actual in a scenario
            default: line("c\(index) = c\(index) * 2 + \(index)", index % 3 == 0 ? "\r\n" : "\n")
            }
        }
        line("periods = 2027-01 .. 2027-06")                                        // periods in a scenario
        line("[scenario wide]")                                                     // a section defined twice
        bytes += Array("c0 = 4".utf8)                                               // defined twice in the section
        return bytes
    }()

    static func read(_ bytes: [UInt8], blockBytes: Int) -> ModelReader {
        var reader = ModelReader(bytes: bytes, blockBytes: blockBytes)
        reader.read()
        return reader
    }

    @Test(arguments: [1, 37, 512, 4096])
    func mixedFileReadsTheSameInBlocks(blockBytes: Int) {
        let lineByLine = Self.read(Self.mixedFile, blockBytes: Self.mixedFile.count)
        let inBlocks = Self.read(Self.mixedFile, blockBytes: blockBytes)
        // The line-by-line reading found what was put in the file.
        #expect(lineByLine.diagnostics.count == 20 * 6 + 2 + 6 * 3 + 3)
        #expect(lineByLine.contents.document.entries.count == 3 + 2000 + 20 + 1 + 1 + 500 + 3)
        #expect(lineByLine.contents.scenarios.map(\.name) == ["wide"])
        #expect(lineByLine.contents.scenarios.map(\.overrides.count) == [500 - 6 * 3])
        #expect(lineByLine.contents.goals.count == 20)
        #expect(lineByLine.contents.actuals.count == 20)
        #expect(lineByLine.contents.document.render() == String(decoding: Self.mixedFile, as: UTF8.self))
        // And the reading in blocks found exactly the same, in the same order.
        #expect(inBlocks.diagnostics == lineByLine.diagnostics)
        #expect(inBlocks.contents.document == lineByLine.contents.document)
        #expect(inBlocks.contents.definitions == lineByLine.contents.definitions)
        #expect(inBlocks.contents.definitionNameRanges == lineByLine.contents.definitionNameRanges)
        #expect(inBlocks.contents.goals == lineByLine.contents.goals)
        #expect(inBlocks.contents.scenarios == lineByLine.contents.scenarios)
        #expect(inBlocks.contents.actuals == lineByLine.contents.actuals)
        #expect(inBlocks.contents.timeline == lineByLine.contents.timeline)
        #expect(inBlocks.contents.formulasBeyondArithmetic == lineByLine.contents.formulasBeyondArithmetic)
        // The cells' names interned as read: each base cell once, in the order of its definitions.
        #expect(inBlocks.contents.cellNames.names == lineByLine.contents.cellNames.names)
        #expect(lineByLine.contents.cellNames.names == lineByLine.contents.definitions.filter { !$0.coversPeriods }.map(\.name))
    }

    @Test func byteOrderMarkAndOldMacBreaksReadTheSameInBlocks() {
        let bytes = ModelReader.byteOrderMark + Array((0..<3000).map { "x\($0) = \($0)\r" }.joined().utf8)
        let lineByLine = Self.read(bytes, blockBytes: bytes.count)
        let inBlocks = Self.read(bytes, blockBytes: 100)
        #expect(lineByLine.contents.document.byteOrderMark)
        #expect(lineByLine.contents.definitions.count == 3000)
        #expect(inBlocks.contents.document == lineByLine.contents.document)
        #expect(inBlocks.contents.definitions == lineByLine.contents.definitions)
        #expect(inBlocks.diagnostics.isEmpty)
    }

    /// Large enough for the reading on two threads at the default block size.
    @Test func largeChainLoadsWithItsValuesAndText() throws {
        let count = 20_000
        let text = "c0 = 1\n" + (1..<count).map { "c\($0) = c\($0 - 1) + 1\n" }.joined()
        #expect(text.utf8.count > 2 * 64 * 1024)
        let workbook = try Workbook.parse(text, path: "chain.model").get()
        #expect(workbook.model.value(of: "c\(count - 1)") == .number(Double(count)))
        #expect(workbook.model.value(of: "c12345") == .number(12346))
        #expect(workbook.render() == text)
    }
}

