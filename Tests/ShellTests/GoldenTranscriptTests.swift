import Foundation
import ModelFile
import Testing
@testable import Shell

/// Runs each `Tests/Scripts/NAME.leadlag` through a session and compares the transcript with
/// `NAME.expected`: every input line echoed after `> `, followed by what it printed (output
/// and errors in the order written). Lines run on after an error, as piped input does, so one
/// transcript can show an error and what follows it. A `NAME.model` beside the script is the
/// model the session starts on (a plan with periods, which a typed line cannot declare).
///
/// After a deliberate change of output, `LEADLAG_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites the expected files; review the diff before keeping it.
@Suite("Golden REPL transcripts")
struct GoldenTranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scripts")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".leadlag") }.sorted()
    }()

    static func transcript(of script: String, named name: String) throws -> String {
        let modelName = String(name.dropLast(".leadlag".count)) + ".model"
        let modelURL = folder.appendingPathComponent(modelName)
        let session = FileManager.default.fileExists(atPath: modelURL.path)
            ? Session(workbook: try Workbook.parse(String(contentsOf: modelURL, encoding: .utf8), path: modelName).get())
            : Session()
        var lines: [String] = []
        var inputLines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if inputLines.last == "" { inputLines.removeLast() }
        for (index, line) in inputLines.enumerated() {
            lines.append(line.isEmpty ? "" : "> " + line)
            lines += session.handle(line, at: InputLocation(path: name, line: index + 1)).lines.map(\.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the scripts folder is found and holds transcripts")
    func folderIsFound() {
        #expect(Self.scripts.count >= 3, "no scripts in \(Self.folder.path)")
    }

    @Test("transcript", arguments: scripts)
    func transcript(name: String) throws {
        let script = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expectedURL = Self.folder.appendingPathComponent(String(name.dropLast(".leadlag".count)) + ".expected")
        let actual = try Self.transcript(of: script, named: name)
        if ProcessInfo.processInfo.environment["LEADLAG_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "transcript of \(name) differs from \(expectedURL.lastPathComponent)")
    }
}
