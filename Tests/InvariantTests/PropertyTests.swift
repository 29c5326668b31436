import Formula
import Foundation
import Invariants
import ModelFile
import Testing

/// The invariants the fuzz targets assert, on random well-formed models and edit sequences
/// (see ``SeededProperty`` for the seed: fixed in CI, printed on failure).
@Suite("properties of random models and edit sequences")
struct PropertyTests {
    @Test("a well-formed model loads and renders back byte for byte, its scenarios apply")
    func modelsLoadAndRenderBack() {
        SeededProperty.check(300, of: GeneratedModel.generator, test: "modelsLoadAndRenderBack") { model in
            guard try LoadInvariants.check(Array(model.text.utf8)) != nil else {
                throw InvariantViolation("a well-formed model was refused")
            }
        }
    }

    @Test("""
        typed lines keep the session's promises: a refused line changes nothing, the saved text \
        evaluates the same when loaded, diagnostics point into the line, undo restores every byte
        """)
    func sessionsKeepTheirPromises() {
        SeededProperty.check(200, of: GeneratedSession.generator, test: "sessionsKeepTheirPromises") { session in
            try SessionInvariants.check(SessionScript(model: session.model.text, lines: session.lines))
        }
    }

    @Test("""
        an imported CSV of actuals keeps its promises: a refused import changes nothing and names a \
        line of the file, an accepted one shows every actual, saves and loads back, and undo restores every byte
        """)
    func actualsImportsKeepTheirPromises() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actuals-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var accepted = 0
        SeededProperty.check(200, of: GeneratedActualsFile.generator, test: "actualsImportsKeepTheirPromises") { csv in
            if try ActualsImportInvariants.check(Array(csv.utf8), in: folder.path) { accepted += 1 }
        }
        // Most generated files are well formed: the property must reach the accepted side.
        #expect(accepted >= 100, "only \(accepted) of 200 generated files were imported")
    }

    @Test("a number written for machines reads back as the same number")
    func machineNumbersReadBack() {
        SeededProperty.check(1000, of: GeneratedNumber.generator, test: "machineNumbersReadBack") { number in
            let text = ValueFormatter.machine(.number(number))
            guard case .success(let expression) = Parser.parseExpression(text) else {
                throw InvariantViolation("\(number) was written as \(text.debugDescription), which does not parse")
            }
            let read = Evaluator.evaluate(expression) { _ in .error(.name) }
            guard read == .number(number.atSpreadsheetPrecision) else {
                throw InvariantViolation("\(number) was written as \(text) and read back as \(read)")
            }
        }
    }
}
