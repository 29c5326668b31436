import Formula
import ModelFile

/// What `leadlag check` promises for any bytes given as a model file: a file that loads
/// renders back byte for byte and its scenarios apply; a file that does not load says why
/// with every message placed inside the file.
public enum LoadInvariants {
    public static let path = "fuzz.model"

    /// Loads `bytes` as a model file and checks the promises; the workbook when it loaded.
    @discardableResult
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) -> Workbook? {
        let lines = LineTable(bytes: bytes)
        switch Workbook.parse(bytes: bytes, path: path) {
        case .failure(let failure):
            guard !failure.messages.isEmpty else { throw InvariantViolation("the file was refused without a message") }
            for message in failure.messages {
                let header = String(message.prefix { $0 != "\n" })
                try DiagnosticPlacement.check(header: header, path: path, text: lines)
            }
            return nil
        case .success(let workbook):
            let rendered = Array(workbook.render().utf8)
            guard rendered == bytes else {
                throw InvariantViolation(
                    "the file loaded but renders differently: \(ByteText.escaped(bytes)) became \(ByteText.escaped(rendered))")
            }
            for warning in workbook.warnings {
                let header = String(warning.prefix { $0 != "\n" })
                try DiagnosticPlacement.check(header: header, path: path, text: lines)
            }
            for scenario in workbook.scenarios {
                do throws(WorkbookError) {
                    _ = try workbook.model(applying: scenario.name)
                } catch {
                    throw InvariantViolation("scenario \(scenario.name) of a file that loaded does not apply: \(error)")
                }
            }
            return workbook
        }
    }
}
