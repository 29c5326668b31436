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
        let parsed = Workbook.parse(bytes: bytes, path: path)
        try checkReadingInBlocks(bytes, as: parsed)
        switch parsed {
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

    /// Read in blocks of 16 bytes, each block's lines parsed on a second thread as a large file's
    /// are, the file gives the same answer as read line by line: the same messages, or the same
    /// text, warnings, cells and values.
    private static func checkReadingInBlocks(
        _ bytes: [UInt8], as parsed: Result<Workbook, LoadFailure>
    ) throws(InvariantViolation) {
        let inBlocks = Workbook.parse(bytes: bytes, path: path, blockBytes: 16)
        switch (parsed, inBlocks) {
        case (.failure(let whole), .failure(let blocks)) where whole.messages == blocks.messages:
            return
        case (.success(let whole), .success(let blocks))
        where whole.render() == blocks.render() && whole.warnings == blocks.warnings && whole.model.names == blocks.model.names
            && whole.model.names.allSatisfy({ whole.model.values(of: $0) == blocks.model.values(of: $0) }):
            return
        default:
            throw InvariantViolation(
                "the file reads differently in blocks of 16 bytes: \(describe(parsed)) became \(describe(inBlocks))")
        }
    }

    private static func describe(_ result: Result<Workbook, LoadFailure>) -> String {
        switch result {
        case .failure(let failure): "refused with \(failure.messages)"
        case .success(let workbook): "loaded with \(workbook.model.names.count) cells and warnings \(workbook.warnings)"
        }
    }
}
