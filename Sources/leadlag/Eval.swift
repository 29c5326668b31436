import ArgumentParser
import Formula
import ModelFile
import PlanEngine
import Shell
import Simulation
import Tracking
import WhatIf

/// `leadlag eval MODEL`: one-shot evaluation for shells and CI.
///
/// Exits 1 when any value printed is an error value (`#DIV/0!` …), so a
/// pipeline notices a broken plan; 2 for usage errors and models that do not load.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate a model once and print its values.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Argument(help: "The model file.")
    var model: String

    @Option(help: "Apply the overrides of this scenario first.")
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a cell, e.g. --set leads=150 (a plan with periods: also --set leads[2027-03]=150).", valueName: "NAME=EXPR"))
    var settings: [String] = []

    @Option(name: .customLong("get"), help: ArgumentHelp("Print only this cell (repeatable).", valueName: "NAME"))
    var requested: [String] = []

    @Option(help: "table (for people), csv or json.")
    var format: Format = .table

    @Option(help: ArgumentHelp("In a plan with periods, print the values of this period only, e.g. --period 2027-03.",
                               valueName: "PERIOD"))
    var period: String?

    @Flag(help: "Add plan versus actual for every period with actuals (a variance section of json or csv).")
    var variance = false

    @Option(help: ArgumentHelp(
        "Run N trials drawing every range, and print mean, P10, P50, P90 of the cells (--get, else every lag indicator) and each goal's chance; over periods a series by its total (a level by its last value, a percent by its average), a monthly goal met in every period.",
        valueName: "N"))
    var simulate: Int?

    @Option(help: "The seed of --simulate: the same seed gives the same summary on any machine (picked and shown when not given).")
    var seed: UInt64?

    func run() throws {
        let workbook = try ModelLoading.load(model)
        var plan = workbook.model
        if let scenario {
            do throws(WorkbookError) {
                plan = try workbook.model(applying: scenario)
            } catch {
                let hint = NameSuggestion.hint(for: scenario, among: workbook.scenarios.map(\.name))
                try fail("\(error)\(hint)")
            }
        }
        for setting in settings {
            try apply(setting, to: &plan, of: workbook)
        }
        for name in requested where plan[name] == nil {
            try fail("no cell named '\(name)' in \(model)\(plan.cellHint(for: name))")
        }
        var seen = Set<String>()
        let names = requested.filter { seen.insert($0).inserted }
        var cells = names.isEmpty ? plan.cellsInOrder : names.compactMap { plan[$0] }
        if let simulate {
            try runSimulation(trials: simulate, of: plan, reporting: names.isEmpty ? nil : names, from: workbook)
        }
        var periods = plan.timeline.periods.map(\.description)
        if let period {
            let index = try periodIndex(period, in: plan.timeline)
            cells = cells.map { $0.inPeriod(index) }
            periods = []
        }
        let series = cells.map { (name: $0.name, values: $0.values) }
        let variances = variance ? try varianceReport(of: plan, names: names) : nil
        switch format {
        case .json:
            let values = ValueExport.json(series, periods: periods)
            guard let variances else { print(values); break }
            print(values.dropLast(2) + (values.hasSuffix("{}") ? "{\n" : ",\n") + VarianceExport.jsonMember(variances) + "\n}")
        case .csv:
            print(ValueExport.csv(series, periods: periods))
            if let variances { print("\n" + VarianceExport.csv(variances)) }
        case .table:
            print(EvalTable.render(cells, periods: periods).joined(separator: "\n"))
            if let variances { print("\n" + VarianceTable.lines(variances).joined(separator: "\n")) }
        }
        ModelLoading.finish(cells.contains(where: { $0.values.contains { $0.error != nil } }) ? 1 : 0, holding: workbook)
    }

    /// `--variance`: refused for a model without actuals, and for json when a cell is named `variance`.
    private func varianceReport(of plan: Model, names: [String]) throws -> [Variance] {
        guard plan.hasActuals else { try fail("--variance: \(model) has no actuals") }
        if format == .json, plan["variance"] != nil {
            try fail("--variance: the json output has a cell named variance; use --format csv")
        }
        return Variance.report(plan, names: names).variances
    }

    /// Where `--period` falls in the plan; a usage error when it is not one of its periods.
    private func periodIndex(_ text: String, in timeline: Timeline) throws -> Int {
        guard timeline.hasPeriods else { try fail("--period \(text): \(model) has no periods line") }
        switch Period.parse(text) {
        case .success(let period):
            guard let index = timeline.index(of: period) else { try fail("--period: \(Timeline.outside(period, of: timeline))") }
            return index
        case .failure(let error):
            try fail("--period: \(error)")
        }
    }

    /// `--simulate N`: the summary instead of the values; exits 1 when a cell reported was an error
    /// value in any trial.
    private func runSimulation(trials: Int, of plan: Model, reporting names: [String]?, from workbook: Workbook) throws -> Never {
        let goals = workbook.goals
        guard trials > 0, trials <= 10_000_000 else { try fail("--simulate wants a number of trials from 1 to 10,000,000") }
        let reported = names ?? plan.cellsInOrder.filter { !$0.isLeadIndicator }.map(\.name)
        if let problem = Simulation.sizeProblem(trials: trials, cells: reported.count) { try fail(problem) }
        let seed = self.seed ?? UInt64.random(in: 1...99_999)
        let result = Simulation.run(
            plan, trials: trials, seed: seed, reporting: reported,
            goals: goals.map { .binary($0.goal.comparison, $0.goal.lhs, $0.goal.rhs, $0.goal.range) }).unsafelyUnwrapped
        let texts = goals.map(\.text)
        switch format {
        case .json: print(SimulationExport.json(result, goalTexts: texts))
        case .csv: print(SimulationExport.csv(result, goalTexts: texts))
        case .table:
            print(SimulationView(result: result, model: plan, goalTexts: texts, seedWasGiven: self.seed != nil)
                .summary(width: nil).joined(separator: "\n"))
        }
        ModelLoading.finish(result.cells.contains { $0.errorTrials > 0 } ? 1 : 0, holding: workbook)
    }

    /// `--set NAME=EXPR` redefines an existing cell, `--set NAME[PERIOD]=EXPR` overrides some of its
    /// periods; errors point into the argument.
    private func apply(_ setting: String, to plan: inout Model, of workbook: Workbook) throws {
        let source = SourceText(path: "--set", line: setting, number: 1)
        let name: String, expression: Expr, periods: PeriodSpan?
        switch Parser.parseStatement(setting) {
        case .failure(let diagnostic):
            ModelLoading.printError(DiagnosticPrinter.render(diagnostic, in: source))
            throw ExitCode(2)
        case .success(.definition(let cell, _, let formula)):
            (name, expression, periods) = (cell, formula, nil)
        case .success(.override(let cell, _, let span, let formula)):
            // `--set leads[2027-03]=150` overrides those periods, as the same line in the model would.
            (name, expression, periods) = (cell, formula, span)
        case .success:
            try fail("--set wants NAME=EXPR or NAME[PERIOD]=EXPR, as in --set leads=150 or --set leads[2027-03]=150")
        }
        guard plan[name] != nil else { try fail("--set: no cell named '\(name)' in \(model)\(plan.cellHint(for: name))") }
        let replaced = Workbook.ReplacedDefinition(cell: name, scenario: scenario)
        if let problem = workbook.currencyProblems(in: [expression], replacing: replaced).first {
            ModelLoading.printError(DiagnosticPrinter.render(problem, in: source))
            throw ExitCode(2)
        }
        let bytes = Array(setting.utf8)
        let formula = String(decoding: bytes[expression.range.start..<expression.range.end], as: UTF8.self)
        let definition = RelativeEdit.resolve(
            Definition(name: name, formula: formula, expression: expression, periods: periods), in: plan)
        let notes = EditNote.notes(defining: definition, in: plan)
        do throws(ModelError) {
            try plan.define(definition)
        } catch {
            try fail("--set \(setting): \(error)")
        }
        // Allowed, but said: a plain number in a percent cell, a constant over a formula.
        for note in notes {
            ModelLoading.printError(VisibleText.escaping("warning: --set \(setting): \(note.message)"))
        }
    }

    private func fail(_ message: String) throws -> Never {
        ModelLoading.printError("error: " + message)
        throw ExitCode(2)
    }
}
