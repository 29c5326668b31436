import PropertyBased

/// A generated model and lines typed into it: edits of its cells (some refused: cycles,
/// unknown names, bad syntax), renames, deletions, goals, comments, scenario switches and
/// new scenarios, undo and redo, seeks and small tables. Lines that touch files are left
/// out by the session check itself.
struct GeneratedSession: Sendable, CustomDebugStringConvertible {
    let model: GeneratedModel
    let lines: [String]

    var debugDescription: String {
        "model: \(model.text.debugDescription)\nlines: \(lines.debugDescription)"
    }

    static let generator = Generator<GeneratedSession, Shrink.None<GeneratedSession>> { random in
        var pick = Picker(random: random)
        let model = GeneratedModel.generator.run(using: &pick.random)
        var lines: [String] = []
        for _ in 0..<pick.int(1...12) { lines.append(line(in: model, &pick)) }
        random = pick.random
        return GeneratedSession(model: model, lines: lines)
    }

    private static func line(in model: GeneratedModel, _ pick: inout Picker) -> String {
        let cells = model.leads + model.lags
        let lead = pick.element(model.leads)
        let cell = pick.element(cells)
        let scenario = model.scenarios.isEmpty ? "s1" : pick.element(model.scenarios)
        let literal = pick.element(GeneratedModel.literals)
        switch pick.int(0...21) {
        case 0, 1, 2: return "\(lead) = \(literal)"
        case 3: return pick.chance(1, in: 2) ? "\(lead) = \(lead) * 1.1" : "\(lead) = \(pick.element(GeneratedModel.ranges))"
        case 4, 5: return "\(cell) = \(GeneratedModel.expression(using: cells, &pick))"
        case 6: return "extra\(pick.int(1...3)) = \(GeneratedModel.expression(using: cells, &pick))"
        case 7: return ":rename \(cell) \(cell)_2"
        case 8: return ":delete \(cell)"
        case 9, 10: return ":undo"
        case 11: return ":redo"
        case 12: return ":scenario use \(scenario)"
        case 13: return ":scenario base"
        case 14: return ":scenario new n\(pick.int(1...3))"
        case 15: return ":scenario delete \(scenario)"
        case 16: return "goal \(cell) >= \(literal)"
        case 17: return "# typed note"
        case 18: return ":seek \(cell) = \(literal) by \(lead)"
        case 19: return ":table \(cell) by \(lead) 1..3 step 1"
        case 20: return ":what-if \(lead) = \(literal)"
        default: return pick.element(["\(cell) = (", "1 +", ":rename", ":nonsense", "\(cell) * 2", "\(lead) = 1,5"])
        }
    }
}
