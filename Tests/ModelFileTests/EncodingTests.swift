import Testing
import ModelFile

/// A file that is not UTF-8 cannot be saved back as written, so it does not load: the
/// message points at the first bad byte of each such line.
@Suite("a model file that is not UTF-8 is refused where the bad byte is")
struct EncodingTests {
    func messages(_ bytes: [UInt8]) -> [String] {
        guard case .failure(let failure) = Workbook.parse(bytes: bytes, path: "latin1.model") else { return [] }
        return failure.messages
    }

    @Test func aLatin1CommentIsRefusedAtItsByte() {
        // "# café" in Latin-1: é is the single byte 0xE9.
        let bytes = Array("leads = 120\n# caf".utf8) + [0xE9] + Array("\nwins = leads\n".utf8)
        #expect(messages(bytes) == [
            "latin1.model:2:6: error: byte 0xE9 is not UTF-8 text: save the file as UTF-8\n# caf\u{FFFD}\n     ^"
        ])
    }

    @Test func everyLineWithABadByteIsReported() {
        let bytes = Array("a = 1 # ".utf8) + [0x93] + Array("\nb = 2\n".utf8) + [0x80] + Array("c = 3\n".utf8)
        let problems = messages(bytes)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("latin1.model:1:9: error: byte 0x93") == true)
        #expect(problems.last?.hasPrefix("latin1.model:3:1: error: byte 0x80") == true)
    }

    @Test func utf8TextWithNulsAndAByteOrderMarkStillLoadsAndSavesAsWritten() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# caf\u{E9} \0 \u{2192}\nleads = 120\n".utf8)
        guard case .success(let workbook) = Workbook.parse(bytes: bytes, path: "ok.model") else {
            Issue.record("a UTF-8 file was refused")
            return
        }
        #expect(Array(workbook.render().utf8) == bytes)
    }
}
