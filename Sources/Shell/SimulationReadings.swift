import Formula
import PlanEngine
import Simulation

/// Readings of the last `:simulate` inside an expression, so a script can test a simulation:
///
///     :assert chance(revenue >= 50k) >= 50%
///     :assert p10(revenue) > 40k
///
/// `mean(x)`, `p10(x)`, `p50(x)`, `p90(x)` read a simulated cell x, in its format; `chance(c)`
/// reads the share of trials where comparison c held: a goal's own text gives that goal's
/// chance, `x OP value` is counted over x's trials. Each reading becomes a number before the
/// expression is evaluated, so it combines with anything else (`p90(revenue) - p10(revenue)`).
/// Readings refuse a simulation the model has changed since, rather than report stale numbers.
enum SimulationReadings {
    static let quantiles: [String: Double] = ["p10": 0.1, "p50": 0.5, "p90": 0.9]
    static let functions: Set<String> = ["mean", "p10", "p50", "p90", "chance"]

    /// `expression` (parsed from `line`) with its readings replaced by numbers, or why it cannot be.
    static func resolve(_ expression: Expr, in line: String, session: Session) -> Result<Expr, Diagnostic> {
        guard uses(expression) else { return .success(expression) }
        guard let record = session.lastSimulation else {
            return .failure(Diagnostic("no simulation to read yet: run :simulate N first", at: expression.range))
        }
        guard record.fingerprint == SimulationRecord.fingerprint(of: session.model, scenario: session.activeScenario) else {
            return .failure(Diagnostic("the model changed since the last :simulate: run it again", at: expression.range))
        }
        do throws(Diagnostic) {
            return .success(try replacing(expression, record: record, line: line, model: session.model))
        } catch {
            return .failure(error)
        }
    }

    private static func uses(_ expression: Expr) -> Bool { expression.calls(functions) }

    private static func replacing(_ expression: Expr, record: SimulationRecord, line: String, model: Model) throws(Diagnostic) -> Expr {
        try expression.replacingCalls(to: functions) { (function, arguments, range) throws(Diagnostic) in
            guard arguments.count == 1 else {
                throw Diagnostic("\(function)(…) reads one simulated cell, as in \(function)(revenue)", at: range)
            }
            if function == "chance" { return try chance(arguments[0], record: record, line: line, model: model, range: range) }
            guard case .name(let cellName, let nameRange) = arguments[0] else {
                throw Diagnostic("\(function)(…) reads one simulated cell, as in \(function)(revenue)", at: arguments[0].range)
            }
            let cell = try summary(cellName, at: nameRange, record: record)
            let number = function == "mean" ? (cell.values.isEmpty ? nil : cell.mean) : cell.quantile(quantiles[function] ?? 0.5)
            guard let number else { throw Diagnostic("every trial of \(cellName) was an error value", at: nameRange) }
            return .number(number, model.format(of: cellName).numberStyle, range)
        }
    }

    private static func chance(_ argument: Expr, record: SimulationRecord, line: String, model: Model, range: SourceRange) throws(Diagnostic) -> Expr {
        let written = line.utf8Slice(argument.range).map(unspaced)
        if let goal = record.goalTexts.firstIndex(where: { unspaced($0) == written }) {
            return .number(record.result.goalChances[goal], .percent, range)
        }
        guard case .binary(let op, .name(let cellName, let nameRange), let threshold, _) = argument, op.isComparison else {
            throw Diagnostic("chance(…) wants a goal's text or a comparison such as revenue >= 50k", at: argument.range)
        }
        let cell = try summary(cellName, at: nameRange, record: record)
        guard let limit = model.evaluate(threshold).numeric else {
            throw Diagnostic("the right side of chance(…) must be a number", at: threshold.range)
        }
        let share = cell.share { sample in
            switch op {
            case .less: sample < limit
            case .lessEqual: sample <= limit
            case .greater: sample > limit
            case .greaterEqual: sample >= limit
            case .equal: sample == limit
            default: sample != limit
            }
        }
        return .number(share, .percent, range)
    }

    private static func summary(_ name: String, at range: SourceRange, record: SimulationRecord) throws(Diagnostic) -> SimulationResult.CellSummary {
        guard let cell = record.result.cell(named: name) else {
            throw Diagnostic("\(name) was not in the last simulation (name it: :simulate N seed S \(name))", at: range)
        }
        return cell
    }

    private static func unspaced(_ text: String) -> String { text.filter { !$0.isWhitespace } }
}

extension DisplayFormat {
    /// The literal style that displays a number in this format.
    var numberStyle: NumberStyle {
        switch self {
        case .percent: .percent
        case .currency(let symbol): .currency(symbol)
        case .number, .boolean: .plain
        }
    }
}
