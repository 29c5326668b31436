import Formula
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
