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
///
/// On a plan with periods a simulated series is one number per trial, its measure (the total of
/// `revenue`, as the `:simulate` table's `revenue total` row): `mean(revenue)` and
/// `mean(total(revenue))` read the same. `chance(revenue >= 600k)` would read like a monthly goal,
/// so a series is compared as `chance(total(revenue) >= 600k)`, its measure written out.
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
            guard let (cellName, nameRange) = simulatedCell(arguments[0]) else {
                throw Diagnostic("\(function)(…) reads one simulated cell, as in \(function)(revenue)", at: arguments[0].range)
            }
            let cell = try summary(cellName, at: nameRange, record: record, measuredAs: arguments[0])
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
        guard case .binary(let op, let left, let threshold, _) = argument, op.isComparison,
              let (cellName, nameRange) = simulatedCell(left) else {
            throw Diagnostic("chance(…) wants a goal's text or a comparison such as revenue >= 50k", at: argument.range)
        }
        let cell = try summary(cellName, at: nameRange, record: record, measuredAs: left)
        if let measure = cell.measure, case .name = left {
            throw Diagnostic(
                "\(cellName) is a series: each trial kept its \(measure.words), so write chance(\(measure.rawValue)(\(cellName)) …) "
                    + "(or make the comparison a goal for its chance in every period)", at: left.range)
        }
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

    /// The cell a reading names: `revenue`, or a reduction of it (`total(revenue)`), checked against its measure later.
    private static func simulatedCell(_ argument: Expr) -> (String, SourceRange)? {
        switch argument {
        case .name(let name, let range): (name, range)
        case .call(_, let inner, _) where inner.count == 1: if case .name(let name, let range) = inner[0] { (name, range) } else { nil }
        default: nil
        }
    }

    /// The summary of a simulated cell, refusing a reduction of it other than the one each trial kept.
    private static func summary(
        _ name: String, at range: SourceRange, record: SimulationRecord, measuredAs written: Expr
    ) throws(Diagnostic) -> SimulationResult.CellSummary {
        guard let cell = record.result.cell(named: name) else {
            throw Diagnostic("\(name) was not in the last simulation (name it: :simulate N seed S \(name))", at: range)
        }
        guard case .call(let function, _, let at) = written else { return cell }
        guard let measure = cell.measure, measure.rawValue == function.lowercased() else {
            let kept = cell.measure.map { "the \($0.words) of \(name) in each trial: write \($0.rawValue)(\(name)) or \(name)" }
                ?? "one value of \(name) in each trial: write \(name)"
            throw Diagnostic("the simulation kept \(kept)", at: at)
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
