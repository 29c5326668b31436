import Foundation
import Formula
import PlanEngine
import SwiftCSV

/// Reads a CSV of actual results, rows of `name,period,value` (a header row allowed), as
/// spreadsheets and CRMs export them: quoted fields, CRLF line breaks, a byte order mark,
/// `"$2,400"` and `12.5%`. All or nothing: every row that cannot be recorded is reported, each
/// as `FILE:LINE: error: …`, and then no actual is taken from the file.
public enum ActualsFile {
    /// The actuals of `text` for `model` in row order, or every problem found.
    public static func read(_ text: String, path: String, for model: Model) -> Result<[ActualChange], ImportFailure> {
        guard model.timeline.hasPeriods else {
            return .failure(ImportFailure(messages: [
                "\(path): error: actuals need a plan with periods (add periods = 2027-01 .. 2027-12 to the model)",
            ]))
        }
        let rows: [[String]]
        do {
            rows = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false).enumeratedRows()
        } catch {
            return .failure(ImportFailure(messages: ["\(path): error: not a readable CSV file (\(error))"]))
        }
        var changes: [ActualChange] = []
        var problems: [String] = []
        var seenOn: [DefinitionTarget: Int] = [:]
        var line = 1
        var sawRow = false
        for fields in rows {
            // Only what ends a CSV line counts (not a vertical tab or U+2028, which Swift calls newlines too).
            defer { line += 1 + fields.reduce(0) { $0 + $1.count(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) } }
            let trimmed = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if trimmed.allSatisfy(\.isEmpty) { continue }
            defer { sawRow = true }
            if !sawRow, isHeader(trimmed, in: model) { continue }
            switch row(trimmed, in: model) {
            case .failure(let problem):
                // A field may hold a line break or a control character: the message stays one safe line.
                problems.append("\(path):\(line): error: \(VisibleText.escaping(problem.message))")
            case .success(let change):
                let target = DefinitionTarget(name: change.name, periods: change.period...change.period)
                if let earlier = seenOn[target] {
                    problems.append("\(path):\(line): error: \(change.name) in \(change.period) is already given on line \(earlier)")
                } else {
                    seenOn[target] = line
                    changes.append(change)
                }
            }
        }
        if !problems.isEmpty { return .failure(ImportFailure(messages: problems)) }
        if changes.isEmpty {
            return .failure(ImportFailure(messages: ["\(path): error: no actuals in the file (rows of name,period,value)"]))
        }
        return .success(changes)
    }

    /// A first row naming its columns (`name,period,value`, `Cell,Month,Actual`): no cell, no
    /// period and no number where a row has them (a mistyped first row is reported, not skipped).
    private static func isHeader(_ fields: [String], in model: Model) -> Bool {
        model[fields[0]] == nil && (fields.count < 2 || (try? Period.parse(fields[1]).get()) == nil)
            && SpreadsheetNumber.parse(fields.last ?? "") == nil
    }

    private struct RowProblem: Error { let message: String }

    private static func row(_ fields: [String], in model: Model) -> Result<ActualChange, RowProblem> {
        guard fields.count == 3 else {
            return .failure(RowProblem(message: "expected 3 fields (name,period,value), found \(fields.count)"))
        }
        let name = fields[0]
        guard model[name] != nil else { return .failure(RowProblem(message: model.noSuchCell(name))) }
        let period: Period
        switch Period.parse(fields[1]) {
        case .failure(let error): return .failure(RowProblem(message: error.description))
        case .success(let parsed): period = parsed
        }
        guard model.timeline.index(of: period) != nil else {
            return .failure(RowProblem(message: Timeline.outside(period, of: model.timeline)))
        }
        guard !fields[2].isEmpty else { return .failure(RowProblem(message: "\(name) in \(period) has no value")) }
        guard let value = SpreadsheetNumber.parse(fields[2]) else {
            return .failure(RowProblem(message: "'\(fields[2])' is not a number (\(name) in \(period))"))
        }
        return .success(ActualChange(name: name, period: period, value: value))
    }
}

/// Why an actuals file was not imported: one message per problem, each `FILE:LINE: error: …`.
public struct ImportFailure: Error, Sendable {
    public let messages: [String]
}

extension EnumeratedCSV {
    /// Every row, the first included (a header is told apart by the reader, not assumed).
    fileprivate func enumeratedRows() throws -> [[String]] {
        var rows: [[String]] = []
        try enumerateAsArray(startAt: 0, rowLimit: nil) { rows.append($0) }
        return rows
    }
}
