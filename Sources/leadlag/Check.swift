import ArgumentParser
import ModelFile

/// `leadlag check MODEL`: validate a model file without evaluating anything else.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate a model file.")

    @Argument(help: "The model file to check.")
    var model: String

    func run() throws {
        let workbook = try ModelLoading.load(model)
        let cells = workbook.model.count
        print("\(model): ok (\(cells) cell\(cells == 1 ? "" : "s"), \(workbook.goals.count) goal\(workbook.goals.count == 1 ? "" : "s"), \(workbook.scenarios.count) scenario\(workbook.scenarios.count == 1 ? "" : "s"))")
        ModelLoading.finish(0)
    }
}
