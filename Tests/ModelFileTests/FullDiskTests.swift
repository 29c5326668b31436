import Foundation
import Testing
@testable import ModelFile
import PlanEngine

/// A disk that fills up during `:save`: a small tmpfs, mounted for the test (root only).
struct SmallDisk: ~Copyable {
    let folder: URL

    /// Why no small disk can be had here, or nil when one can.
    static let unavailableReason: String? = {
        guard getuid() == 0 else { return "mounting a small tmpfs needs root" }
        do {
            _ = try SmallDisk(kilobytes: 64)
            return nil
        } catch {
            return "a small tmpfs cannot be mounted here: \(error)"
        }
    }()

    init(kilobytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadlag-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
    }

    deinit {
        try? Self.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Fills the disk to the last byte with a file named `name`.
    func fill(_ name: String) {
        let handle = fopen(folder.appendingPathComponent(name).path, "w")
        defer { fclose(handle) }
        let block = [UInt8](repeating: 0x2A, count: 1024)
        while fwrite(block, 1, block.count, handle) == block.count, fflush(handle) == 0 {}
        var byte: UInt8 = 0x2A
        while fwrite(&byte, 1, 1, handle) == 1, fflush(handle) == 0 {}
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(message)")
        }
    }
}

@Suite("a full disk during :save", .enabled(if: SmallDisk.unavailableReason == nil, "\(SmallDisk.unavailableReason ?? "")"))
struct FullDiskTests {
    @Test("a save that runs out of space fails with the reason, keeps the old file whole and leaves no temporary")
    func saveOnAFullDisk() throws {
        let disk = try SmallDisk(kilobytes: 64)
        let path = disk.folder.appendingPathComponent("plan.model").path
        let old = "leads = 120\nwins = leads * 2\n"
        try old.write(toFile: path, atomically: false, encoding: .utf8)
        var workbook = try Workbook.load(path: path).get()
        for index in 0..<200 { try workbook.define(Definition(name: "extra\(index)", formula: "\(index) * 1000")) }
        disk.fill("filler")

        #expect(throws: WorkbookError.io(path: path, reason: "No space left on device")) { try workbook.save() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
        let names = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted()
        #expect(names == ["filler", "plan.model"])

        // With room again, the same save goes through and reads back.
        try FileManager.default.removeItem(at: disk.folder.appendingPathComponent("filler"))
        try workbook.save()
        #expect(try Workbook.load(path: path).get().render() == workbook.render())
    }
}
