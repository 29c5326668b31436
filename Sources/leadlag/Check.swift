import ArgumentParser
import Formula
import ModelFile

/// `leadlag check MODEL`: validate a model file without evaluating anything else.
///
/// A file with errors exits 2; with `--strict`, one that loads with warnings (an undefined
/// name, an unknown function) exits 1, so CI can keep a model clean.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a model file.")

    @Argument(help: "The model file to check.")
    var model: String

    @Flag(help: "Fail (exit 1) on any warning: undefined names, unknown functions.")
    var strict = false

    func run() throws {
        let workbook = try ModelLoading.load(model)
        let cells = workbook.model.count
        print("\(VisibleText.escaping(model)): ok (\(cells) cell\(cells == 1 ? "" : "s"), \(workbook.goals.count) goal\(workbook.goals.count == 1 ? "" : "s"), \(workbook.scenarios.count) scenario\(workbook.scenarios.count == 1 ? "" : "s"))")
        let warnings = workbook.warnings.count
        if strict && warnings > 0 {
            ModelLoading.printError("\(model): \(warnings) warning\(warnings == 1 ? "" : "s"), and --strict fails on any")
            ModelLoading.finish(1, holding: workbook)
        }
        ModelLoading.finish(0, holding: workbook)
    }
}
