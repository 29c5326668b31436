import Formula
import ModelFile
import PlanEngine
import Shell

/// What a REPL session promises for any lines typed into it:
/// - a refused line changes nothing: not the file text, not a value, not the scenario shown;
/// - after every line the values equal those of a fresh load of the text `:save` would write;
/// - every diagnostic names the line typed and a column inside it;
/// - undoing every edit restores the file text byte for byte, and redoing them all comes back.
public enum SessionInvariants {
    /// The name errors carry, as a script's path would.
    public static let path = "fuzz.leadlag"
    /// Lines of a sensitivity table computed before the table is stopped, so generated
    /// bounds cannot make one input run for minutes.
    public static let tableLineBudget = 3

    public static func check(_ script: SessionScript) throws(InvariantViolation) {
        var workbook = Workbook()
        if let model = script.model, let loaded = try LoadInvariants.check(model) { workbook = loaded }
        let session = Session(workbook: workbook)
        let budget = StepBudget(tableLineBudget)
        session.shouldStop = { budget.spend() }
        let initial = SessionState(session)
        for (index, line) in script.lines.enumerated() where !FileTouchingLine.contains(line) {
            budget.reset()
            let before = SessionState(session)
            let reply = session.handle(line, at: InputLocation(path: path, line: index + 1))
            try checkDiagnostics(reply, line: line, number: index + 1)
            let after = SessionState(session)
            if reply.failed, after != before {
                throw InvariantViolation("the refused line \(line.debugDescription) changed \(after.difference(from: before))")
            }
            if after != before {
                try checkSavedTextLoadsTheSame(session, after: line)
            }
            if reply.quitRequested { break }
        }
        let final = SessionState(session)
        let steps = try undoEverything(session, limit: script.lines.count, reaching: initial)
        try redo(steps, in: session, reaching: final)
    }

    /// The text `:save` would write loads, renders as it is, and gives every cell the value the session shows.
    static func checkSavedTextLoadsTheSame(_ session: Session, after line: String) throws(InvariantViolation) {
        let text = session.workbook.render()
        guard case .success(let fresh) = Workbook.parse(text, path: LoadInvariants.path) else {
            throw InvariantViolation(
                "after \(line.debugDescription) the saved text does not load: \(ByteText.escaped(text.utf8))")
        }
        guard fresh.render() == text else {
            throw InvariantViolation("after \(line.debugDescription) the saved text renders differently when loaded")
        }
        let freshModel: Model
        do throws(WorkbookError) {
            freshModel = try session.activeScenario.map { name throws(WorkbookError) in try fresh.model(applying: name) }
                ?? fresh.model
        } catch {
            throw InvariantViolation("after \(line.debugDescription) the saved scenario does not apply: \(error)")
        }
        let shown = SessionState.cells(of: session.model)
        let loaded = SessionState.cells(of: freshModel)
        guard shown == loaded else {
            let (old, new) = zip(shown, loaded).first { $0 != $1 } ?? (shown.first, loaded.first)
            throw InvariantViolation(
                "after \(line.debugDescription) the session shows \(String(describing: old)) "
                    + "but a fresh load of the saved text gives \(String(describing: new))")
        }
    }

    static func checkDiagnostics(_ reply: Reply, line: String, number: Int) throws(InvariantViolation) {
        // A line that itself contains the path would be echoed under the diagnostic and look like one.
        guard !line.contains(path) else { return }
        let text = LineTable(singleLine: line, number: number)
        for header in reply.errors where header.hasPrefix(path + ":") {
            let prefix = "\(path):\(number):"
            guard header.hasPrefix(prefix) else {
                throw InvariantViolation("a message about line \(number) names another line: \(header.debugDescription)")
            }
            // `PATH:LINE: error: …` has no column; `PATH:LINE:COLUMN: error: …` must point into the line.
            guard header.dropFirst(prefix.count).first?.isNumber == true else { continue }
            try DiagnosticPlacement.check(header: header, path: path, text: text)
        }
    }

    /// Runs `:undo` until there is nothing left to take back (at most `limit` steps: each edit
    /// is one), checks the session is then exactly `initial`, and returns the steps taken.
    static func undoEverything(_ session: Session, limit: Int, reaching initial: SessionState) throws(InvariantViolation) -> Int {
        for steps in 0...limit {
            let reply = session.handle(":undo")
            if reply.output.first == "nothing to undo" {
                let now = SessionState(session)
                guard now == initial else {
                    throw InvariantViolation("undoing every edit did not restore the start: \(now.difference(from: initial))")
                }
                return steps
            }
            guard !reply.failed else { throw InvariantViolation(":undo was refused: \(reply.text)") }
        }
        throw InvariantViolation(":undo went on for more steps than the \(limit) lines typed")
    }

    /// Redoes the `steps` edits undone and checks the session is back at `final`.
    static func redo(_ steps: Int, in session: Session, reaching final: SessionState) throws(InvariantViolation) {
        for _ in 0..<steps {
            let reply = session.handle(":redo")
            guard !reply.failed, reply.output.first != "nothing to redo" else {
                throw InvariantViolation(":redo did not put back an undone edit: \(reply.text)")
            }
        }
        let now = SessionState(session)
        guard now == final else {
            throw InvariantViolation("redoing every undone edit did not come back: \(now.difference(from: final))")
        }
    }
}

/// How many times a long command may ask to go on before it is told to stop.
/// A session runs on one thread, so the count needs no lock.
final class StepBudget: @unchecked Sendable {
    private let allowed: Int
    private var used = 0

    init(_ allowed: Int) {
        self.allowed = allowed
    }

    func reset() { used = 0 }

    /// True (stop) once the budget is spent.
    func spend() -> Bool {
        used += 1
        return used > allowed
    }
}
