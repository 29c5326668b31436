import LineEditing
import TextLayout

/// The REPL at a terminal: prompt, read, run, print, until `:quit` or Ctrl-D.
///
/// Ctrl-C cancels the line being typed and gives a fresh prompt. Leaving, `:load` and
/// `:new` with unsaved changes ask first (``UnsavedChangesQuestion``), so closing or
/// replacing the model never silently loses work.
struct InteractiveLoop {
    let session: Session
    let reader: any LineReader
    var console = Console.standardStreams

    func run() -> Int32 {
        if reader.isInteractive {
            let question = UnsavedChangesQuestion(reader: reader, console: console)
            session.askAboutUnsavedChanges = { question.ask(path: $0) }
        }
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

    /// Leaving settles unsaved changes like `:load` and `:new` do; false when the person chose to stay.
    private func mayLeave() -> Bool {
        var reply = Reply(location: nil)
        let leaving = session.settleUnsavedChanges(reply: &reply)
        console.print(reply)
        return leaving
    }
}
