import Formula

/// A simulation's summary as machine text for `leadlag eval --simulate`: numbers at 15
/// significant digits, as every machine output of leadlag.
///
/// JSON: `{"trials": N, "seed": S, "ranges": [...], "cells": {"revenue": {"mean": …, "p10": …,
/// "p50": …, "p90": …, "errors": 0}}, "goals": {"revenue >= 50k": 0.62}}` (a statistic is null
/// when every trial was an error). CSV: `name,mean,p10,p50,p90,errors,chance` with one row per
/// cell and one per goal (`goal revenue >= 50k,,,,,,0.62`).
///
/// On a plan with periods JSON adds `"periods"` (as `eval` gives them), a `"measure"` for each
/// series cell (`"total"`, `"last"` or `"average"`: what each trial's number is) and
/// `"every_period"`, the goals whose chance is that of being met in every period (monthly
/// goals); CSV adds a last column, `measure`: a series cell's measure, `every period` for such a goal.
public enum SimulationExport {
    public static func json(_ result: SimulationResult, goalTexts: [String]) -> String {
        let cells = result.cells.map { cell in
            let statistics = zip(["mean", "p10", "p50", "p90"], statistics(of: cell)).map { "\"\($0)\": \($1 ?? "null")" }
            let measure = cell.measure.map { ["\"measure\": \(quoted($0.rawValue))"] } ?? []
            return "    \(quoted(cell.name)): {" + (measure + statistics + ["\"errors\": \(cell.errorTrials)"]).joined(separator: ", ") + "}"
        }
        let goals = zip(goalTexts, result.goalChances).map { "    \(quoted($0)): \(number($1))" }
        let periods = result.periods.isEmpty ? "" : """

              "periods": [\(result.periods.map(quoted).joined(separator: ", "))],
            """
        let everyPeriod = result.periods.isEmpty ? "" : """
            ,
              "every_period": [\(monthlyGoals(result, goalTexts).map(quoted).joined(separator: ", "))]
            """
        return """
            {
              "trials": \(result.trials),
              "seed": \(result.seed),\(periods)
              "ranges": [\(result.drawn.map(quoted).joined(separator: ", "))],
              "cells": {\(block(cells))},
              "goals": {\(block(goals))}\(everyPeriod)
            }
            """
    }

    public static func csv(_ result: SimulationResult, goalTexts: [String]) -> String {
        let overPeriods = !result.periods.isEmpty
        let cells = result.cells.map { cell in
            ([field(cell.name)] + statistics(of: cell).map { $0 ?? "" } + [String(cell.errorTrials), ""]
                + (overPeriods ? [cell.measure?.rawValue ?? ""] : [])).joined(separator: ",")
        }
        let goals = goalTexts.indices.map { index in
            field("goal " + goalTexts[index]) + ",,,,,," + number(result.goalChances[index])
                + (overPeriods ? "," + (result.goalsOverPeriods[index] ? "every period" : "") : "")
        }
        let header = "name,mean,p10,p50,p90,errors,chance" + (overPeriods ? ",measure" : "")
        return ([header] + cells + goals).joined(separator: "\n")
    }

    private static func monthlyGoals(_ result: SimulationResult, _ goalTexts: [String]) -> [String] {
        goalTexts.indices.filter { result.goalsOverPeriods[$0] }.map { goalTexts[$0] }
    }

    private static func statistics(of cell: SimulationResult.CellSummary) -> [String?] {
        [cell.values.isEmpty ? nil : number(cell.mean)] + [0.1, 0.5, 0.9].map { cell.quantile($0).map(number) }
    }

    private static func number(_ value: Double) -> String { ValueFormatter.machine(.number(value)) }

    private static func block(_ members: [String]) -> String {
        members.isEmpty ? "" : "\n" + members.joined(separator: ",\n") + "\n  "
    }

    /// Names and goal texts hold no control characters, but keep the JSON valid whatever comes.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// A CSV field, quoted when it holds a comma or a quote (`goal max(a, b) > 3`).
    private static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }
}
