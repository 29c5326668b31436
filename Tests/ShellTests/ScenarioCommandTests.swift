import Foundation
import Formula
import ModelFile
import LineEditing
import Testing
@testable import Shell

@Suite(":scenario: list, new, use, base, delete, and editing while one is shown")
struct ScenarioCommandTests {
    /// The values of `scenario` computed straight from the workbook, to check what the session shows.
    private func scenarioValues(_ scenario: String, in session: Session) throws -> [String: Value] {
        let model = try session.workbook.model(applying: scenario)
        return Dictionary(uniqueKeysWithValues: model.cellsInOrder.map { ($0.name, $0.value) })
    }

    @Test(":scenario list shows each scenario with its overrides, the one shown marked")
    func list() {
        let session = planSession()
        #expect(session.handle(":scenario").output == [
            "   optimistic   conversion = 20%, win_rate = 40%",
            "   pessimistic  leads = 100, conversion = 12%, win_rate = 25%",
            "now on the base model",
        ])
        _ = session.handle(":scenario use pessimistic")
        #expect(session.handle(":scenario list").output == [
            "   optimistic   conversion = 20%, win_rate = 40%",
            "*  pessimistic  leads = 100, conversion = 12%, win_rate = 25%",
            "now on scenario pessimistic",
        ])
        #expect(makeSession().handle(":scenario").output
                == ["no scenarios yet (:scenario new NAME records the lead indicators you changed)"])
    }

    @Test(":scenario use shows what changed and then everything shows the scenario; :scenario base goes back")
    func useAndBase() throws {
        let session = planSession()
        let base = allValues(session)
        let use = session.handle(":scenario use optimistic")
        #expect(use.output == [
            "now on scenario optimistic",
            "conversion        15% → 20%       +33.33%",
            "win_rate          33% → 40%       +21.21%",
            "opportunities      18 → 24        +33.33%",
            "wins             5.94 → 9.6       +61.62%",
            "revenue       $14,256 → $23,040   +61.62%",
            "annual_value $171,072 → $276,480  +61.62%",
        ])
        #expect(session.activeScenario == "optimistic")
        #expect(allValues(session) == (try scenarioValues("optimistic", in: session)))
        #expect(shown("revenue", in: session) == "$23,040")
        #expect(session.handle(":export csv").output.contains("conversion,0.2"))
        #expect(session.handle(":scenario use optimistic").output == ["already on scenario optimistic"])
        #expect(!session.hasUnsavedChanges)

        let back = session.handle(":scenario base")
        #expect(back.output.first == "now on the base model")
        #expect(back.output.contains("revenue       $23,040 → $14,256   -38.13%"))
        #expect(allValues(session) == base)
        #expect(session.handle(":scenario base").output == ["already on the base model"])
        #expect(session.handle(":undo").output.prefix(2) == ["undid :scenario base", "now on scenario optimistic"])
        #expect(session.activeScenario == "optimistic")
    }

    @Test("switching to a scenario that meets a goal announces it")
    func goalFlipsOnSwitch() {
        let session = planSession()
        _ = session.handle("goal revenue >= 20k")
        #expect(session.handle(":scenario use optimistic").output.last
                == "goal revenue >= 20k: now met ($23,040, ahead by $3,040)")
        #expect(session.handle(":goals").output.last == "revenue >= 20k   $23,040  met     ahead by $3,040")
        #expect(session.handle(":scenario base").output.last
                == "goal revenue >= 20k: now missed ($14,256, short by $5,744)")
    }

    @Test("while a scenario is shown, a lead indicator is set in the scenario; other edits change the base model")
    func editingInAScenario() throws {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let lead = session.handle("leads = 150")
        #expect(lead.output == [
            "leads             120 → 150       +25%",
            "opportunities      24 → 30        +25%",
            "wins              9.6 → 12        +25%",
            "revenue       $23,040 → $28,800   +25%",
            "annual_value $276,480 → $345,600  +25%",
        ])
        #expect(session.workbook.model["leads"]?.formula == "120")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.formula) == ["20%", "40%", "150"])

        _ = session.handle("win_rate = 45%")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.formula) == ["20%", "45%", "150"])
        #expect(session.workbook.model["win_rate"]?.formula == "33%")

        let lag = session.handle("revenue = wins * deal_value * 2")
        #expect(session.workbook.model["revenue"]?.formula == "wins * deal_value * 2")
        #expect(lag.output.first == "revenue       $32,400 → $64,800   +100%")
        #expect(allValues(session) == (try scenarioValues("optimistic", in: session)))

        #expect(session.handle(":undo").output.first == "undid revenue = wins * deal_value * 2")
        #expect(session.handle(":undo").output.first == "undid win_rate = 45% in scenario optimistic")
        let undoLead = session.handle(":undo").output
        #expect(undoLead.prefix(2) == ["undid leads = 150 in scenario optimistic", "scenario optimistic no longer overrides leads"])
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.formula) == ["20%", "40%"])
        #expect(shown("revenue", in: session) == "$23,040")
    }

    @Test("renaming and deleting while a scenario is shown change the base model and report like they do on it")
    func renameAndDeleteInAScenario() {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        #expect(session.handle(":rename win_rate close_rate").output == ["renamed win_rate → close_rate"])
        #expect(session.workbook.model["wins"]?.formula == "opportunities * close_rate")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.name) == ["conversion", "close_rate"])
        #expect(shown("close_rate", in: session) == "40%")
        let deletion = session.handle(":delete conversion")
        #expect(deletion.output.first == "conversion deleted (was 20%)")
        #expect(deletion.output.contains("opportunities      24 → #NAME?"))
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.name) == ["close_rate"])
        _ = session.handle(":undo")
        #expect(shown("opportunities", in: session) == "24")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.name) == ["conversion", "close_rate"])
    }

    @Test("an override that would close a cycle is refused and changes nothing")
    func cyclicOverride() {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let reply = session.handle("leads = revenue / 100")
        #expect(reply.failed)
        #expect(reply.errors == ["error: scenario optimistic: cycle: leads → revenue → wins → opportunities → leads"])
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.count == 2)
        #expect(shown("leads", in: session) == "120")
    }

    @Test(":scenario new records the lead indicators changed since loading, puts the base back, and shows the same values")
    func newScenario() throws {
        let session = planSession()
        _ = session.handle("leads = 150")
        _ = session.handle("win_rate = 40%")
        _ = session.handle("bonus = revenue * 10%")
        let before = allValues(session)
        let reply = session.handle(":scenario new growth")
        #expect(reply.output == [
            "added scenario growth: leads = 150, win_rate = 40%",
            "base model: leads = 120, win_rate = 33%",
            "now on scenario growth",
            "no values change",
        ])
        #expect(allValues(session) == before)
        #expect(session.activeScenario == "growth")
        #expect(session.workbook.model["leads"]?.formula == "120")
        #expect(session.workbook.model["win_rate"]?.formula == "33%")
        #expect(session.workbook.model["bonus"]?.formula == "revenue * 10%")
        #expect(session.workbook.scenario(named: "growth")?.overrides.map(\.name) == ["leads", "win_rate"])

        let undo = session.handle(":undo")
        #expect(undo.output.first == "undid :scenario new growth")
        #expect(session.workbook.scenario(named: "growth") == nil)
        #expect(session.activeScenario == nil)
        #expect(session.workbook.model["leads"]?.formula == "150")
        #expect(allValues(session) == before)
    }

    @Test(":undo of :scenario new keeps a blank line that ended the file before it; a deleted scenario takes its own")
    func undoingANewScenarioKeepsTheBlankLineBeforeIt() {
        let text = "leads = $2400\nwin_rate = 30%\n\nrevenue = leads * win_rate"
        let session = planSession(text)
        _ = session.handle(":delete revenue")
        let afterDelete = session.workbook.render()
        // The blank line is the last line now (the file still ends without a line break).
        #expect(afterDelete == "leads = $2400\nwin_rate = 30%\n")
        _ = session.handle(":scenario new n2")
        #expect(session.workbook.render() == "leads = $2400\nwin_rate = 30%\n\n[scenario n2]")
        _ = session.handle(":undo")
        #expect(session.workbook.render() == afterDelete)
        _ = session.handle(":undo")
        #expect(session.workbook.render() == text)

        let separated = planSession("leads = 100\n\n[scenario low]\nleads = 50\n")
        _ = separated.handle(":scenario delete low")
        #expect(separated.workbook.render() == "leads = 100\n")
    }

    @Test(":scenario new while a scenario is shown takes its overrides too, theirs winning")
    func newFromScenario() {
        let session = planSession()
        _ = session.handle("leads = 150")
        _ = session.handle("conversion = 50%")
        _ = session.handle(":scenario use optimistic")
        let before = allValues(session)
        #expect(session.handle(":scenario new bold").output.first
                == "added scenario bold: leads = 150, conversion = 20%, win_rate = 40%")
        #expect(allValues(session) == before)
        #expect(session.workbook.model["conversion"]?.formula == "15%")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.formula) == ["20%", "40%"])
    }

    @Test(":scenario new with nothing changed starts an empty scenario that edits then fill")
    func newEmpty() {
        let session = planSession()
        #expect(session.handle(":scenario new stretch").output
                == ["added scenario stretch (no overrides yet)", "now on scenario stretch", "no values change"])
        _ = session.handle("deal_value = $3k")
        #expect(session.workbook.scenario(named: "stretch")?.overrides.map(\.formula) == ["$3k"])
        #expect(session.workbook.model["deal_value"]?.formula == "$2400")
    }

    @Test(":scenario new refuses a name that is taken, reserved or not a name, and changes nothing", arguments: [
        ("optimistic", "error: a scenario named 'optimistic' already exists (:scenario use optimistic switches to it)"),
        ("base", "error: 'base' is the name of the base model; pick another name"),
        ("high-growth",
         "error: 'high-growth' cannot name a scenario: use letters, digits and _ (the file's [scenario NAME] header holds no more)"),
    ])
    func refusedNames(name: String, message: String) {
        let session = planSession()
        _ = session.handle("leads = 150")
        let reply = session.handle(":scenario new \(name)")
        #expect(reply.errors == [message])
        #expect(session.workbook.scenarios.count == 2)
        #expect(session.workbook.model["leads"]?.formula == "150")
        #expect(session.activeScenario == nil)
    }

    @Test("use and delete of an unknown scenario name the ones there are", arguments: [":scenario use nope", ":scenario delete nope"])
    func unknown(line: String) {
        #expect(planSession().handle(line).errors == ["error: no scenario named 'nope' (scenarios: optimistic, pessimistic)"])
    }

    @Test(":scenario delete removes a scenario; deleting the one shown goes back to the base; :undo brings both back")
    func delete() throws {
        let session = planSession()
        let text = session.workbook.render()
        #expect(session.handle(":scenario delete pessimistic").output == ["deleted scenario pessimistic", "no values change"])
        _ = session.handle(":scenario use optimistic")
        let deletion = session.handle(":scenario delete optimistic")
        #expect(deletion.output.prefix(2) == ["now on the base model", "deleted scenario optimistic"])
        #expect(deletion.output.contains("revenue       $23,040 → $14,256   -38.13%"))
        #expect(session.workbook.scenarios.isEmpty)
        #expect(session.activeScenario == nil)

        _ = session.handle(":undo")
        #expect(session.activeScenario == "optimistic")
        #expect(shown("revenue", in: session) == "$23,040")
        _ = session.handle(":undo")
        _ = session.handle(":undo")
        #expect(session.workbook.scenarios.map(\.name) == ["optimistic", "pessimistic"])
        // Each section is back where it stood, byte for byte.
        #expect(session.workbook.render() == text)
    }

    /// A session on the plan written to a file of its own in `folder`, and that file's path.
    private func sessionOnFile(in folder: URL) throws -> (session: Session, path: String) {
        let path = folder.appendingPathComponent("plan.model").path
        try mspPlan.write(toFile: path, atomically: true, encoding: .utf8)
        return (Session(workbook: try Workbook.load(path: path).get()), path)
    }

    @Test("scenarios survive :save and a reload: the sections are in the file and their values are right")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, path) = try sessionOnFile(in: folder)
        _ = session.handle("leads = 150")
        _ = session.handle(":scenario new growth")
        _ = session.handle("deal_value = $3k")
        _ = session.handle(":scenario delete pessimistic")
        let growth = allValues(session)
        #expect(session.handle(":save").output == ["saved \(path)"])

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let basePart = mspPlan.components(separatedBy: "\n[scenario").first ?? ""
        #expect(text.hasPrefix(basePart))
        #expect(text.contains("[scenario optimistic]\nconversion = 20%\nwin_rate = 40%\n"))
        #expect(!text.contains("pessimistic"))
        #expect(text.hasSuffix("[scenario growth]\nleads = 150\ndeal_value = $3k\n"))

        let reloaded = try Workbook.load(path: path).get()
        let applied = try reloaded.model(applying: "growth")
        #expect(Dictionary(uniqueKeysWithValues: applied.cellsInOrder.map { ($0.name, $0.value) }) == growth)
        #expect(reloaded.model.value(of: "leads") == .number(120))
        #expect(reloaded.render() == text)

        // What was saved is the new measure: nothing differs from it, so a new scenario is empty.
        _ = session.handle(":scenario base")
        #expect(session.handle(":scenario new next").output.first == "added scenario next (no overrides yet)")
    }

    @Test(":scenario new measures edits made after a :save against what was saved, not what was loaded")
    func newScenarioAfterSave() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, path) = try sessionOnFile(in: folder)
        _ = session.handle("leads = 150")
        _ = session.handle(":save")
        _ = session.handle("leads = 175")
        _ = session.handle("win_rate = 40%")
        #expect(Array(session.handle(":scenario new next").output.prefix(2)) == [
            "added scenario next: leads = 175, win_rate = 40%",
            "base model: leads = 150, win_rate = 33%",
        ])
        #expect(session.workbook.model["leads"]?.formula == "150")
    }

    @Test(":load goes back to the base model, and :undo brings back the scenario that was shown")
    func loadResetsScenario() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.model").path
        try "x = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        _ = session.handle(":load \(path)")
        #expect(session.activeScenario == nil)
        #expect(shown("x", in: session) == "1")
        _ = session.handle(":undo")
        #expect(session.activeScenario == "optimistic")
        #expect(shown("revenue", in: session) == "$23,040")
    }

    @Test("the prompt names the scenario shown")
    func prompt() {
        let reader = ScriptedReader([.line(":scenario use optimistic"), .line(":scenario base"), .endOfInput])
        let printed = PrintedLines()
        _ = InteractiveLoop(session: planSession(), reader: reader, console: printed.console).run()
        #expect(reader.prompts == ["leadlag> ", "leadlag[optimistic]> ", "leadlag> "])
    }

    @Test("Tab completes the subcommands and scenario names", arguments: [
        (":scenario u", 10, ["use"]),
        (":scenario use o", 14, ["optimistic"]),
        (":scenario delete ", 17, ["optimistic", "pessimistic"]),
        (":compare optimistic p", 20, ["pessimistic"]),
    ])
    func completion(line: String, start: Int, candidates: [String]) {
        let result = Completion.complete(CompletionRequest(line: line, cursor: line.count), session: planSession())
        #expect(result.replaceFrom == start)
        #expect(result.candidates == candidates)
    }
}

@Suite("editing a lag indicator while a scenario is shown")
struct ScenarioLagEditTests {
    @Test("changes the base model and says so, since scenarios override lead indicators only")
    func lagEditSaysItChangedTheBase() {
        let session = planSession()
        #expect(!session.handle(":scenario use optimistic").failed)
        let reply = session.handle("annual_value = revenue * 13")
        #expect(reply.output.last == "(changed the base model, not scenario optimistic: scenarios override lead indicators only)")
        #expect(session.workbook.model["annual_value"]?.formula == "revenue * 13")
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.map(\.name) == ["conversion", "win_rate"])
        let leadEdit = session.handle("leads = 130")
        #expect(!leadEdit.output.contains { $0.hasPrefix("(changed the base model") })
        #expect(session.workbook.model["leads"]?.formula == "120")
    }
}
