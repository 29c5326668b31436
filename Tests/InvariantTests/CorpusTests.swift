import Foundation
import Testing
import Invariants

/// Every seed of the fuzz corpus, the example models and the golden transcripts' inputs
/// keep the invariants, so `swift test` checks them even where libFuzzer is not available.
@Suite("the fuzz seeds keep every invariant")
struct CorpusTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in folder: String, ending suffix: String = "") -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    static let modelSeeds = files(in: "models", ending: ".model") + files(in: "Fuzzing/Corpus/model-loader")
    static let sessionSeeds = files(in: "Tests/Scripts", ending: ".leadlag") + files(in: "Fuzzing/Corpus/session")
    static let actualsSeeds = files(in: "models", ending: ".csv") + files(in: "Fuzzing/Corpus/actuals-import")

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(file)))
    }

    @Test func theSeedsAreFound() {
        #expect(Self.modelSeeds.count >= 10, "model seeds: \(Self.modelSeeds)")
        #expect(Self.sessionSeeds.count >= 10, "session seeds: \(Self.sessionSeeds)")
        #expect(Self.actualsSeeds.count >= 10, "actuals seeds: \(Self.actualsSeeds)")
    }

    @Test("a model seed loads by the rules", arguments: modelSeeds)
    func modelSeed(file: String) throws {
        let input = try Self.bytes(file)
        do throws(InvariantViolation) {
            try LoadInvariants.check(input)
        } catch {
            Issue.record("\(file): \(error)")
        }
    }

    @Test("a session seed runs by the rules", arguments: sessionSeeds + modelSeeds)
    func sessionSeed(file: String) throws {
        let input = try Self.bytes(file)
        do throws(InvariantViolation) {
            try SessionInvariants.check(SessionScript(bytes: input))
        } catch {
            Issue.record("\(file): \(error)")
        }
    }

    @Test("an actuals seed imports by the rules", arguments: actualsSeeds)
    func actualsSeed(file: String) throws {
        let input = try Self.bytes(file)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actuals-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do throws(InvariantViolation) {
            try ActualsImportInvariants.check(input, in: folder.path)
        } catch {
            Issue.record("\(file): \(error)")
        }
    }
}
