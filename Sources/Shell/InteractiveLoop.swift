import LineEditing
import TextLayout

/// The REPL at a terminal: prompt, read, run, print, until `:quit` or Ctrl-D.
///
/// Ctrl-C cancels the line being typed and gives a fresh prompt. Leaving with
/// unsaved changes asks first, so closing the session never silently loses work.
struct InteractiveLoop {
    let session: Session
    let reader: any LineReader
    var console = Console.standardStreams

    func run() -> Int32 {
        while true {
            switch reader.readLine(prompt: prompt) {
            case .line(let text):
                // Read now, not before the prompt: the window may have been resized while the line was typed.
                session.width = Terminal.width
                reader.addToHistory(text)
                // Ctrl-C while a command runs stops the command, not the session.
                session.shouldStop = InterruptibleWork.takeInterrupt
                let reply = InterruptibleWork.run { session.handle(text) }
                console.print(reply)
                if reply.quitRequested, mayLeave() { return ExitStatus.success }
            case .interrupted:
                continue
            case .endOfInput:
                if mayLeave() { return ExitStatus.success }
            }
        }
    }

    /// `leadlag> `, or `leadlag[optimistic]> ` while a scenario is shown, so every value on
    /// screen can be read for what it is.
    private var prompt: String {
        let scenario = session.activeScenario.map { "[\($0)]" } ?? ""
        return session.colorizer.apply(.bold, to: "leadlag\(scenario)>") + " "
    }

    /// Asks whether to save unsaved changes; false when the person chose to stay.
    private func mayLeave() -> Bool {
        guard session.hasUnsavedChanges, reader.isInteractive else { return true }
        let question = session.workbook.path.map { "save changes to \($0)? [y/n] " } ?? "save changes? [y/n] "
        while true {
            switch reader.readLine(prompt: question) {
            case .line(let answer):
                switch answer.trimmingBlanks().lowercased() {
                case "y", "yes": return saved()
                case "n", "no": return true
                default: console.say("please answer y or n (Ctrl-C to go back)")
                }
            case .interrupted:
                return false
            case .endOfInput:
                console.say("not saved")
                return true
            }
        }
    }

    /// Saves through `:save` itself, asking for a file name when the model has none yet.
    /// A failed save keeps the session open, so nothing is lost.
    private func saved() -> Bool {
        var path = ""
        if session.workbook.path == nil {
            guard case .line(let answer) = reader.readLine(prompt: "save to file: ") else { return false }
            path = answer.trimmingBlanks()
            if path.isEmpty {
                console.say("not saved")
                return true
            }
        }
        let reply = session.handle(":save " + path)
        console.print(reply)
        return !reply.failed
    }
}
