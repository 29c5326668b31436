import Formula
import ModelFile
import PlanEngine
import TextLayout
import WhatIf

extension Command {
    static let scenario: Command = Command(
        name: "scenario",
        usage: ":scenario [list | new NAME | use NAME | base | delete NAME]",
        summary: "manage scenarios (named sets of input overrides)",
        details: """
            :scenario list (or just :scenario) shows each scenario with its overrides, * marking the one shown.
            :scenario new NAME records the lead indicators you changed since the file was loaded or saved
              as scenario NAME, puts the base model's saved values back, and switches to NAME: the values
              on screen stay the same, and the file's base model stays as it was. A formula you replaced
              by a number stays in the base model: scenarios override what the file has as lead indicators.
            :scenario use NAME shows NAME: the base model with its overrides. While a scenario is shown,
              setting a lead indicator changes the scenario; other edits change the base model.
            :scenario base goes back to the base model. :scenario delete NAME removes NAME.
            Scenarios are saved as [scenario NAME] sections of the model file; every change can be undone.
            """
    ) { input, session, reply in
        let words = input.arguments.argumentWords
        switch (words.first, words.count) {
        case (nil, _), ("list", 1): listScenarios(session, reply: &reply)
        case ("new", 2): newScenario(named: words[1], session, reply: &reply)
        case ("use", 2): useScenario(named: words[1], session, reply: &reply)
        case ("base", 1): useScenario(named: nil, session, reply: &reply)
        case ("delete", 2): deleteScenario(named: words[1], session, reply: &reply)
        default: Command.scenario.rejectArguments(&reply)
        }
    }

    private static func listScenarios(_ session: Session, reply: inout Reply) {
        let scenarios = session.workbook.scenarios
        guard !scenarios.isEmpty else {
            reply.say("no scenarios yet (:scenario new NAME records the lead indicators you changed)")
            return
        }
        var table = TextTable(
            columns: [TextColumn(), TextColumn(), TextColumn(isShrinkable: true, minimumWidth: 10)], showsHeader: false)
        for scenario in scenarios {
            let isActive = scenario.name == session.activeScenario
            let overrides = scenario.overrides.isEmpty ? "(no overrides)" : ScenarioNews.listing(scenario.overrides)
            table.addRow([isActive ? "*" : " ", scenario.name, overrides])
        }
        reply.say(table.render(width: session.width))
        reply.say(session.activeScenario.map { "now on scenario \($0)" } ?? "now on the base model")
    }

    /// Records the lead indicators changed since the file was last loaded or saved (and the
    /// overrides of the scenario shown, if any) as a new scenario, and puts the base model's
    /// saved formulas back, so what is on screen does not change. One undoable edit.
    private static func newScenario(named name: String, _ session: Session, reply: inout Reply) {
        if let problem = ScenarioName.problem(with: name, in: session.workbook) { return reply.fail(problem) }
        let base = session.workbook.model
        let changed = ScenarioComparison.overridesAgainstBase(current: base, base: session.plan.savedBase)
        let shown = session.activeScenario.flatMap { session.workbook.scenario(named: $0) }?.overrides ?? []
        // The overrides of the scenario shown win: they are what the screen shows for those cells.
        let byName = Dictionary((changed + shown).map { ($0.name, $0) }) { _, later in later }
        let overrides = base.names.compactMap { byName[$0] }
        let saved = Dictionary(session.plan.savedBase.map { ($0.name, $0) }) { first, _ in first }
        let restores: [Edit] = changed.compactMap { current in
            guard let saved = saved[current.name] else { return nil }
            return .define(saved, previous: current, position: base.position(of: current.name) ?? 0, comment: nil)
        }
        let edits = [Edit.addScenario(Scenario(name: name, overrides: overrides), removal: nil)] + restores
            + [.switchScenario(from: session.activeScenario, to: name)]
        session.perform(.compound(edits, summary: ":scenario new \(name)"), reply: &reply)
    }

    private static func useScenario(named name: String?, _ session: Session, reply: inout Reply) {
        if let name, session.workbook.scenario(named: name) == nil {
            return reply.fail(ScenarioName.unknown(name, in: session.workbook))
        }
        guard name != session.activeScenario else {
            reply.say(name.map { "already on scenario \($0)" } ?? "already on the base model")
            return
        }
        session.perform(.switchScenario(from: session.activeScenario, to: name), reply: &reply)
    }

    private static func deleteScenario(named name: String, _ session: Session, reply: inout Reply) {
        guard let removal = session.workbook.scenarioRemoval(named: name) else {
            return reply.fail(ScenarioName.unknown(name, in: session.workbook))
        }
        let deletion = Edit.removeScenario(removal.scenario, removal: removal)
        guard session.activeScenario == name else {
            session.perform(deletion, reply: &reply)
            return
        }
        let edits: [Edit] = [.switchScenario(from: name, to: nil), deletion]
        session.perform(.compound(edits, summary: ":scenario delete \(name)"), reply: &reply)
    }
}

/// What a scenario may be called: what a `[scenario NAME]` header of the file can hold.
enum ScenarioName {
    /// The name `:compare` and the prompt give the model without overrides.
    static let reserved = "base"

    /// Why `name` cannot name a new scenario in `workbook`; nil when it can.
    static func problem(with name: String, in workbook: Workbook) -> String? {
        if name == reserved { return "'\(reserved)' is the name of the base model; pick another name" }
        guard name.utf8.allSatisfy(\.isNameByte) else {
            return "'\(name)' cannot name a scenario: use letters, digits and _ (the file's [scenario NAME] header holds no more)"
        }
        if workbook.scenario(named: name) != nil {
            return "a scenario named '\(name)' already exists (:scenario use \(name) switches to it)"
        }
        return nil
    }

    /// `no scenario named 'x' (scenarios: optimistic, pessimistic)`.
    static func unknown(_ name: String, in workbook: Workbook) -> String {
        let names = workbook.scenarios.map(\.name)
        if let question = NameSuggestion.question(for: name, among: names) { return "no scenario named '\(name)' (\(question))" }
        return "no scenario named '\(name)'" + (names.isEmpty ? " (there are none yet)" : " (scenarios: \(names.joined(separator: ", ")))")
    }
}
