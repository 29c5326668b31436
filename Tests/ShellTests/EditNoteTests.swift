import PlanEngine
import Testing
@testable import Shell

/// No silent wrong number: an edit that looks like a slip is made, and the person is told
/// next to the change, with the way back.
@Suite("Edit notes: a plain number in a percent or currency cell, a constant over a formula")
struct EditNoteTests {
    @Test("a plain number typed into a percent cell is kept and questioned, with :undo as the way back")
    func plainNumberInPercentCell() {
        let session = makeSession()
        let reply = session.handle("win_rate = 40")
        #expect(!reply.failed)
        #expect(reply.output.first?.hasPrefix("win_rate") == true, "\(reply.output)")
        #expect(shown("win_rate", in: session) == "40")
        #expect(reply.errors == ["warning: win_rate was a percent: did you mean 40%? (:undo restores 33%)"])
        session.handle(":undo")
        #expect(shown("win_rate", in: session) == "33%")
    }

    @Test("the note says what to type", arguments: [
        ("win_rate = 0.4", "warning: win_rate was a percent: did you mean 40%? (:undo restores 33%)"),
        ("win_rate = -5", "warning: win_rate was a percent: did you mean -5%? (:undo restores 33%)"),
        ("win_rate = $40", "warning: win_rate was a percent: did you mean 40%? (:undo restores 33%)"),
        ("deal_value = 2500", "warning: deal_value was currency: did you mean $2500? (:undo restores $2400)"),
        ("deal_value = 40%", "warning: deal_value was currency: did you mean $0.4? (:undo restores $2400)"),
    ])
    func suggestions(line: String, note: String) {
        #expect(makeSession().handle(line).errors == [note])
    }

    @Test("a number in the cell's own format, or a formula, gets no note", arguments: [
        "win_rate = 40%", "deal_value = $2500", "leads = 150", "win_rate = conversion * 2", "win_rate = win_rate * 1.1",
    ])
    func noNote(line: String) {
        let reply = makeSession().handle(line)
        #expect(!reply.failed)
        #expect(reply.errors.isEmpty, "\(reply.errors)")
    }

    @Test("a constant typed over a lag indicator says the formula it replaced and the way back")
    func constantOverFormula() {
        let session = makeSession()
        let reply = session.handle("opportunities = 20")
        #expect(!reply.failed)
        #expect(reply.errors == ["warning: opportunities was leads * conversion; it is now a fixed value (:undo restores it)"])
        #expect(shown("opportunities", in: session) == "20")
        session.handle(":undo")
        #expect(session.model["opportunities"]?.formula == "leads * conversion")
    }

    @Test("a constant over a currency formula says both")
    func constantOverCurrencyFormula() {
        let reply = makeSession().handle("revenue = 60000")
        #expect(reply.errors == [
            "warning: revenue was wins * deal_value; it is now a fixed value (:undo restores it)",
            "warning: revenue was currency: did you mean $60000? (:undo restores wins * deal_value)",
        ])
    }

    @Test("in a script the note is a warning with the file and line")
    func scriptLocation() {
        let session = makeSession()
        let reply = session.handle("win_rate = 40", at: InputLocation(path: "plan.leadlag", line: 3))
        #expect(!reply.failed)
        #expect(reply.errors == ["plan.leadlag:3: warning: win_rate was a percent: did you mean 40%? (:undo restores 33%)"])
    }

    @Test("in a scenario the override of a percent cell gets the note too")
    func scenarioOverride() {
        let session = planSession()
        _ = session.handle(":scenario use optimistic")
        let reply = session.handle("win_rate = 45")
        #expect(!reply.failed, "\(reply.text)")
        #expect(reply.errors == ["warning: win_rate was a percent: did you mean 45%? (:undo restores 40%)"])
        #expect(session.workbook.scenario(named: "optimistic")?.overrides.first { $0.name == "win_rate" }?.formula == "45")
    }

    @Test(":what-if gives the notes the edit would get, without a way back since nothing changed")
    func whatIf() {
        let session = makeSession()
        let reply = session.handle(":what-if win_rate = 40, opportunities = 20")
        #expect(!reply.failed)
        #expect(reply.errors == [
            "warning: win_rate was a percent: did you mean 40%?",
            "warning: opportunities was leads * conversion; it is now a fixed value",
        ])
        #expect(shown("win_rate", in: session) == "33%")
    }

    @Test("a new name one slip from a cell is labelled beside its line, on the same notes")
    func typoLabel() {
        let reply = makeSession().handle("lead = 150")
        #expect(reply.output == ["lead = 150 (new; did you mean leads?)"])
        #expect(reply.errors.isEmpty)
    }
}
