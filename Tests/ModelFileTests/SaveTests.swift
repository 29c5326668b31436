import Foundation
import PlanEngine
import Testing
@testable import ModelFile

@Suite("saving is atomic")
struct SaveTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "leadlag-save-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func saveWritesTheRenderedTextAndLeavesNoTemporaryFile() throws {
        let path = folder + "/plan.model"
        try "a = 1 # keep\n".write(toFile: path, atomically: false, encoding: .utf8)
        var workbook = try Workbook.load(path: path).get()
        try workbook.define(Definition(name: "a", formula: "2"))
        try workbook.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 2 # keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.model"])
        #expect(!workbook.hasUnsavedChanges)
    }

    @Test func savingThroughASymbolicLinkWritesTheFileItNamesAndKeepsTheLink() throws {
        let real = folder + "/real.model"
        let link = folder + "/link.model"
        try "a = 1\n".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        var workbook = try Workbook.load(path: link).get()
        try workbook.define(Definition(name: "a", formula: "2"))
        try workbook.save()
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "a = 2\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    }

    @Test func failedSaveLeavesTheOldFileAndReportsWhy() throws {
        var workbook = try parse("a = 1\n")
        #expect(throws: WorkbookError.self) { try workbook.save(to: folder + "/missing/dir/plan.model") }
        #expect(workbook.render() == "a = 1\n")
        var unnamed = Workbook()
        #expect(throws: WorkbookError.noPath) { try unnamed.save() }
    }

    @Test func loadingAMissingFileSaysSo() {
        guard case .failure(let failure) = Workbook.load(path: folder + "/nope.model") else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(failure.text == "\(folder)/nope.model: error: No such file or directory")
    }
}
