import Foundation
import PlanEngine
import Testing
@testable import ModelFile

/// What saving must never do to someone's work: overwrite a file changed meanwhile,
/// replace a write-protected one without being told to, or call a model unsaved
/// when it holds what the file holds.
@Suite("saving never loses someone's work")
struct FileSafetyTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "leadlag-safety-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    private func loaded(_ text: String, name: String = "plan.model") throws -> (Workbook, String) {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (try Workbook.load(path: path).get(), path)
    }

    @Test func aFileChangedSinceLoadingIsNotOverwrittenUnlessAskedTo() throws {
        var (workbook, path) = try loaded("a = 1\n")
        try workbook.define(Definition(name: "a", formula: "2"))
        try "a = 1\nb = 5  # a teammate's line\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: WorkbookError.changedOnDisk(path: path)) { try workbook.save() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 1\nb = 5  # a teammate's line\n")
        #expect(workbook.hasUnsavedChanges)
        try workbook.save(overwriting: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 2\n")
        // What was just written is the new reference: the next save needs no force.
        try workbook.define(Definition(name: "a", formula: "3"))
        try workbook.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 3\n")
    }

    @Test func aFileRewrittenWithTheSameTextOrDeletedCountsAsUnchanged() throws {
        var (workbook, path) = try loaded("a = 1\n")
        try workbook.define(Definition(name: "a", formula: "2"))
        try "a = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        try workbook.save()
        try FileManager.default.removeItem(atPath: path)
        try workbook.define(Definition(name: "a", formula: "3"))
        try workbook.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 3\n")
    }

    @Test func aWriteProtectedFileIsReplacedOnlyWhenAskedToAndStaysProtected() throws {
        var (workbook, path) = try loaded("a = 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try workbook.define(Definition(name: "a", formula: "2"))
        #expect(throws: WorkbookError.writeProtected(path: path)) { try workbook.save() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 1\n")
        try workbook.save(overwriting: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 2\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
    }

    @Test func unsavedMeansDifferentFromTheFile() throws {
        var (workbook, _) = try loaded("a = 1  # kept\n")
        #expect(!workbook.hasUnsavedChanges)
        try workbook.define(Definition(name: "a", formula: "2"))
        #expect(workbook.hasUnsavedChanges)
        try workbook.define(Definition(name: "a", formula: "1"))
        #expect(!workbook.hasUnsavedChanges)
        var fresh = Workbook()
        #expect(!fresh.hasUnsavedChanges)
        try fresh.define(Definition(name: "x", formula: "1"))
        try fresh.delete("x")
        #expect(!fresh.hasUnsavedChanges)
    }

    @Test func aSaveRemovesOnlyTheStaleTemporariesOfItsOwnFile() throws {
        var (workbook, _) = try loaded("a = 1\n")
        let gone = Int32.max - 1  // no process has an id this high on Linux (pid_max is at most 2^22)
        let names = [
            ".plan.model.\(gone).12.tmp", ".plan.model.\(getpid()).34.tmp", ".other.model.\(gone).56.tmp",
            ".plan.model.notapid.78.tmp",
        ]
        for name in names { try "half".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        try workbook.define(Definition(name: "a", formula: "2"))
        try workbook.save()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == (Array(names.dropFirst()) + ["plan.model"]).sorted())
    }

    @Test func lineEndsOfEveryKindSurviveARoundTripAndNewLinesGetTheFilesOwn() throws {
        for text in ["a = 1\rb = a\r", "a = 1\r\nb = a\r\n", "a = 1\nb = a", "# c\ra = 1\r\rb = a\r"] {
            var workbook = try Workbook.parse(text, path: "t.model").get()
            #expect(workbook.model.count == 2)
            #expect(workbook.render() == text)
            try workbook.define(Definition(name: "c", formula: "3"))
            let newline = text.contains("\r\n") ? "\r\n" : text.contains("\r") ? "\r" : "\n"
            // The new line gets the file's own break; a file that ended without one still does.
            #expect(workbook.render() == text + (text.hasSuffix(newline) ? "c = 3" + newline : newline + "c = 3"))
        }
    }

    @Test func invalidUTF8AnywhereInALineIsAnErrorAtItsColumn() throws {
        let bytes = Array("a = 1\n# caf".utf8) + [0xC3] + Array("\n[scenario s]  # ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        guard case .failure(let failure) = Workbook.parse(bytes: bytes, path: "t.model") else {
            Issue.record("a file with invalid UTF-8 loaded")
            return
        }
        #expect(failure.messages.count == 2)
        #expect(failure.messages[0].hasPrefix("t.model:2:6: error: invalid UTF-8 byte 0xC3"))
        #expect(failure.messages[1].hasPrefix("t.model:3:17: error: invalid UTF-8 byte 0xFF"))
    }

    @Test func reportsOnCarriageReturnLinesNameTheRightLine() throws {
        guard case .failure(let failure) = Workbook.parse("a = 1\rb = a +\rc = 2\r", path: "t.model") else {
            Issue.record("a file with an error loaded")
            return
        }
        #expect(failure.text == "t.model:2:8: error: expected an expression after '+'\nb = a +\n       ^")
    }
}
