import PropertyBased

/// A random well-formed model file: lead indicators with literals of every format or ranges, lag
/// indicators whose formulas use only cells above them (so no cycle), comments, blank lines,
/// goals and scenarios overriding lead indicators, with `\n` or `\r\n` line ends.
/// Every one must load; the property tests then type generated lines into it.
struct GeneratedModel: Sendable, CustomDebugStringConvertible {
    let text: String
    let leads: [String]
    let lags: [String]
    let scenarios: [String]

    var debugDescription: String { text.debugDescription }

    static let leadNames = ["leads", "conversion", "win_rate", "deal_value", "calls", "churn", "price", "seats"]
    static let lagNames = ["opportunities", "wins", "revenue", "annual_value", "margin", "cost", "bonus"]
    static let literals = ["120", "15%", "33%", "$2400", "$3k", "1.5k", "0.25", "1_000", "0", "-7", "2.4M", "1e3"]
    /// What a lead indicator of the base model may be besides a number: a range of values.
    static let ranges = ["100 to 140", "25% to 40%", "normal(120, 10)", "uniform(1, 3)", "triangular(1, 2, 4)"]
    static let comments = ["# a note", "#", "# Lead indicators: change these.", "# ünïcode ✓"]

    static let generator = Generator<GeneratedModel, Shrink.None<GeneratedModel>> { random in
        var pick = Picker(random: random)
        let model = make(&pick)
        random = pick.random
        return model
    }

    private static func make(_ pick: inout Picker) -> GeneratedModel {
        let newline = pick.chance(1, in: 5) ? "\r\n" : "\n"
        let leads = Array(leadNames.shuffled(using: &pick.random).prefix(pick.int(1...6)))
        let lags = Array(lagNames.shuffled(using: &pick.random).prefix(pick.int(0...5)))
        var lines: [String] = []
        func maybeDecorate() {
            if pick.chance(1, in: 6) { lines.append(pick.element(comments)) }
            if pick.chance(1, in: 8) { lines.append("") }
        }
        for name in leads {
            maybeDecorate()
            let value = pick.chance(1, in: 5) ? pick.element(ranges) : pick.element(literals)
            lines.append("\(name) = \(value)" + trailing(&pick))
        }
        var defined = leads
        for name in lags {
            maybeDecorate()
            lines.append("\(name) = \(Self.expression(using: defined, &pick))" + trailing(&pick))
            defined.append(name)
        }
        for _ in 0..<pick.int(0...2) {
            let target = pick.element(defined)
            lines.append("goal \(target) \(pick.element([">=", "<=", ">", "<"])) \(pick.element(literals))" + trailing(&pick))
        }
        var scenarios: [String] = []
        for index in 0..<pick.int(0...2) {
            let name = "s\(index + 1)"
            scenarios.append(name)
            lines.append("")
            lines.append("[scenario \(name)]")
            for lead in leads.shuffled(using: &pick.random).prefix(pick.int(0...min(3, leads.count))) {
                lines.append("\(lead) = \(pick.element(literals))")
            }
        }
        let text = lines.joined(separator: newline) + (pick.chance(1, in: 8) ? "" : newline)
        return GeneratedModel(text: text, leads: leads, lags: lags, scenarios: scenarios)
    }

    /// A formula over `names`: a few terms joined by operators, sometimes inside a function.
    static func expression(using names: [String], _ pick: inout Picker) -> String {
        func term() -> String {
            pick.chance(2, in: 3) && !names.isEmpty ? pick.element(names) : pick.element(literals)
        }
        var text = term()
        for _ in 0..<pick.int(0...2) { text += " \(pick.element(["+", "-", "*", "/"])) \(term())" }
        switch pick.int(0...6) {
        case 0: return "max(\(text), \(term()))"
        case 1: return "round(\(text), 2)"
        case 2: return "if(\(term()) > \(term()), \(text), \(term()))"
        case 3: return "(\(text)) * 12"
        default: return text
        }
    }

    private static func trailing(_ pick: inout Picker) -> String {
        pick.chance(1, in: 4) ? String(repeating: " ", count: pick.int(1...12)) + "# per month" : ""
    }
}

/// Draws from the property's random stream.
struct Picker {
    var random: any SeededRandomNumberGenerator

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ times: Int, in outOf: Int) -> Bool { int(1...outOf) <= times }
    mutating func element<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
