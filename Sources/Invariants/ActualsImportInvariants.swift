import Foundation
import ModelFile
import PlanEngine
import Shell
import Tracking

/// What `:actuals import FILE.csv` promises for any bytes given as the file, on a twelve-month
/// plan whose cells the example CSV names:
/// - a refused import changes nothing, and each of its messages names the file and a line of it;
/// - an accepted one records every row's value in its period, and the saved text loads back
///   with the values the session shows;
/// - `:undo` then restores the file text byte for byte.
public enum ActualsImportInvariants {
    /// The plan imported into: leads growing, rates, a level carried through prev, an annual total.
    public static let plan = """
        periods = 2027-01 .. 2027-12
        leads = 120 * 1.05 ^ t
        conversion = 15%
        win_rate = 33%
        deal_value = $2400
        opportunities = leads * conversion
        wins = opportunities * win_rate
        new_mrr = wins * deal_value
        mrr = prev(mrr) * 98% + new_mrr
        annual_revenue = total(mrr)
        goal annual_revenue >= $1.2M

        """

    /// The name the CSV file is written under, in the folder given to ``check(_:in:)``.
    public static let fileName = "fuzz-actuals.csv"

    /// Writes `bytes` as a CSV file into `folder` (the current one by default) and imports it;
    /// true when the import was accepted.
    @discardableResult
    public static func check(_ bytes: [UInt8], in folder: String = ".") throws(InvariantViolation) -> Bool {
        let path = folder + "/" + fileName
        guard case .success(let workbook) = Workbook.parse(plan, path: "plan.model") else {
            throw InvariantViolation("the plan imported into does not load")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw InvariantViolation("cannot write \(path) in the current folder")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = Session(workbook: workbook)
        let before = SessionState(session)
        let reply = session.handle(":actuals import \(path)")
        guard !reply.failed else {
            let now = SessionState(session)
            guard now == before else { throw InvariantViolation("a refused import changed \(now.difference(from: before))") }
            try checkMessages(reply.errors, path: path, lineCount: lineCount(of: bytes))
            return false
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard case .success(let changes) = ActualsFile.read(text, path: path, for: workbook.model) else {
            throw InvariantViolation("the import was accepted, but reading the file again refuses it")
        }
        let model = session.model
        for change in changes {
            guard let period = model.timeline.index(of: change.period),
                  model.actual(of: change.name, period: period) == change.value,
                  model.values(of: change.name)[model.isSeries(change.name) ? period : 0] == .number(change.value ?? .nan) else {
                throw InvariantViolation("\(change.name)[\(change.period)] does not show the actual imported, \(String(describing: change.value))")
            }
        }
        try SessionInvariants.checkSavedTextLoadsTheSame(session, after: ":actuals import")
        _ = session.handle(":undo")
        let undone = SessionState(session)
        guard undone == before else { throw InvariantViolation(":undo of the import left \(undone.difference(from: before))") }
        return true
    }

    /// Lines as a spreadsheet or an editor counts them: CRLF, a lone CR and LF each end one.
    static func lineCount(of bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) { count += 1 }
            if byte == UInt8(ascii: "\r") { count += 1 }
        }
        return count
    }

    /// `FILE:LINE: error: …` with a line of the file, `FILE: error: …`, or the closing line.
    static func checkMessages(_ messages: [String], path: String, lineCount: Int) throws(InvariantViolation) {
        for message in messages where message != "nothing imported" {
            guard message.hasPrefix(path + ":") else { throw InvariantViolation("a message names no file: \(message.debugDescription)") }
            let rest = message.dropFirst(path.count + 1)
            if rest.hasPrefix(" error: ") { continue }
            let digits = rest.prefix { $0.isNumber }
            guard let line = Int(digits), (1...lineCount).contains(line), rest.dropFirst(digits.count).hasPrefix(": error: ") else {
                throw InvariantViolation("a message names no line of the file (\(lineCount) lines): \(message.debugDescription)")
            }
        }
    }
}
