import LineEditing
import ModelFile
import TextLayout
import Foundation

/// What `main` calls: the REPL (at a terminal or on piped input) and `leadlag run`,
/// each returning the process's exit status (SPEC §6: 0 success, 1 an error or
/// failed assertion in a script, 2 a file that does not exist or load).
public enum ShellEntry {
    /// `leadlag [MODEL]`. Decides once whether a person is typing: at a terminal it
    /// runs the line-editing REPL; with standard input piped it runs the lines as a
    /// script that goes on after errors and exits 1 if any line failed.
    public static func repl(modelPath: String?, environment: [String: String]) -> Int32 {
        let console = Console.standardStreams
        let interactive = Terminal.standardInputIsTerminal
        guard let workbook = openModel(modelPath, console: console, creatingMissing: interactive) else {
            return ExitStatus.unusable
        }
        // The workbook is handed over (`consume`), never kept here too: a second owner of the
        // model would make the session's first edit copy every cell of it.
        guard interactive else {
            let session = Session(workbook: consume workbook, colorizer: .plain, width: outputWidth)
            session.isUnicode = UnicodeOutput.isSupported(environment: environment)
            keepToTheEnd(session)
            return BatchRunner(
                session: session, reader: PlainLineReader(), sourceName: "<stdin>", stopsAtFirstError: false
            ).run()
        }
        let colorizer = Colorizer(isTerminal: Terminal.standardOutputIsTerminal, environment: environment)
        let session = Session(workbook: consume workbook, colorizer: colorizer, width: Terminal.width)
        session.isUnicode = UnicodeOutput.isSupported(environment: environment)
        session.editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
        keepToTheEnd(session)
        let reader = EditLineReader(
            programName: "leadlag",
            historyPath: HistoryLocation.path(environment: environment),
            completion: { request in Completion.complete(request, session: session) })
        for line in WordWrap.lines(greeting(for: session), width: session.width, indent: "  ") { console.say(line) }
        console.say("Type :help for commands, Ctrl-D to leave.")
        return InteractiveLoop(session: session, reader: reader).run()
    }

    /// `leadlag run SCRIPT [--model MODEL] [--quiet]`: runs the script's lines, stopping at the
    /// first error or failed `:assert`; a run that gets to the end says so in one line
    /// (`12 lines, 5 assertions passed`). Quiet, it prints errors only.
    public static func runScript(path: String, modelPath: String?, quiet: Bool = false, environment: [String: String]) -> Int32 {
        let console = Console.standardStreams
        let script: FileHandle
        do throws(WorkbookError) {
            script = FileHandle(fileDescriptor: try RegularFile.openForReading(path), closeOnDealloc: true)
        } catch {
            console.complain("\(path): error: cannot read the script: \(error.reason)")
            return ExitStatus.unusable
        }
        guard let workbook = openModel(modelPath, console: console) else { return ExitStatus.unusable }
        let session = Session(workbook: consume workbook, colorizer: .plain, width: outputWidth)
        session.isUnicode = UnicodeOutput.isSupported(environment: environment)
        keepToTheEnd(session)
        var runner = BatchRunner(
            session: session, reader: PlainLineReader(fileHandle: script), sourceName: path, stopsAtFirstError: true)
        runner.summarizes = !quiet
        if quiet { runner.console = console.errorsOnly }
        return runner.run()
    }

    /// Leaves `session`, and the model in it, to the end of the process, which exits once the
    /// session is over: freeing a large model object by object would hold up the exit (half a
    /// second at a million cells), as `eval` and `check` also do not.
    private static func keepToTheEnd(_ session: Session) {
        _ = Unmanaged.passRetained(session)
    }

    /// The model to start with (empty without a path), its warnings printed; nil when it did not load.
    /// With `creatingMissing`, a path where nothing is yet opens an empty model that `:save`
    /// writes there, as vim and sqlite3 do; a script keeps failing on a mistyped path instead.
    private static func openModel(_ path: String?, console: Console, creatingMissing: Bool = false) -> Workbook? {
        guard let path else { return Workbook() }
        if creatingMissing, let workbook = NewModelFile.workbook(at: path) { return workbook }
        switch Workbook.load(path: path) {
        case .failure(let failure):
            console.complain(failure.text)
            return nil
        case .success(let workbook):
            for warning in workbook.warnings { console.complain(warning) }
            return workbook
        }
    }

    /// Tables fit a terminal; written to a pipe or a file, lines are never cut.
    private static var outputWidth: Int? {
        Terminal.standardOutputIsTerminal ? Terminal.width : nil
    }

    private static func greeting(for session: Session) -> String {
        let isNewFile = session.workbook.path.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        let contents = isNewFile ? "a new file: :save writes it" : session.describe(session.workbook)
        let model = session.workbook.path.map { "\($0) (\(contents))" } ?? "a new model"
        return "leadlag — \(model)"
    }
}
