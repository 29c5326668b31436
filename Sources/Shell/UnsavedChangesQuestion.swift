import Formula
import LineEditing

/// The question a person at the terminal gets before unsaved changes would be left
/// behind (`:load`, `:new`, `:quit`, Ctrl-D): `save changes to plan.model? [y/n]`.
///
/// y saves (asking for a file name when the model has none), n goes on without saving;
/// Ctrl-C or Ctrl-D at either question, or no file name, cancels and keeps the session
/// as it was, so no key leaves work behind without a plain "n".
struct UnsavedChangesQuestion {
    let reader: any LineReader
    let console: Console

    func ask(path: String?) -> UnsavedChangesAnswer {
        let question = path.map { "save changes to \(VisibleText.escaping($0))? [y/n] " } ?? "save changes? [y/n] "
        while true {
            guard case .line(let answer) = reader.readLine(prompt: question) else { return .cancel }
            switch answer.trimmingBlanks().lowercased() {
            case "y", "yes": return path == nil ? askForFileName() : .save(path: nil)
            case "n", "no": return .discard
            default: console.say("please answer y or n (Ctrl-C to go back)")
            }
        }
    }

    private func askForFileName() -> UnsavedChangesAnswer {
        guard case .line(let answer) = reader.readLine(prompt: "save to file: ") else { return .cancel }
        let path = answer.trimmingBlanks()
        guard !path.isEmpty else {
            console.say("not saved")
            return .cancel
        }
        return .save(path: path)
    }
}
