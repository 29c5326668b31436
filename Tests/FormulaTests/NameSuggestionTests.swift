import Testing
@testable import Formula

@Suite("Did you mean: the closest known names")
struct NameSuggestionTests {
    let cells = ["leads", "conversion", "win_rate", "deal_value", "opportunities", "wins", "revenue"]

    @Test("a typo finds the name meant", arguments: [
        ("lead", ["leads"]), ("Leads", ["leads"]), ("laeds", ["leads"]), ("revnue", ["revenue"]),
        ("oportunities", ["opportunities"]), ("win_rte", ["win_rate"]), ("win", ["wins"]),
    ])
    func typo(typed: String, expected: [String]) {
        #expect(NameSuggestion.closest(to: typed, among: cells) == expected)
    }

    @Test("nothing is suggested for a name far from every one", arguments: ["x", "profit", "churn", "leadsleads"])
    func farName(typed: String) {
        #expect(NameSuggestion.closest(to: typed, among: cells).isEmpty)
        #expect(NameSuggestion.hint(for: typed, among: cells) == "")
    }

    @Test("the nearest come first, at most three, and never the name itself")
    func ordering() {
        let names = ["abcd", "abce", "abc", "abcdx", "abcdy", "zbcd"]
        #expect(NameSuggestion.closest(to: "abcd", among: names) == ["abce", "abc", "abcdx"])
        #expect(NameSuggestion.hint(for: "revenu", among: ["revenues", "revenue"]) == " (did you mean revenue or revenues?)")
        #expect(NameSuggestion.hint(for: "lsit", among: ["list", "show"], prefix: ":") == " (did you mean :list?)")
    }

    @Test("one edit away: a new name that is a slip of the keyboard")
    func oneEdit() {
        #expect(NameSuggestion.oneEditAway(from: "lead", among: cells) == "leads")
        #expect(NameSuggestion.oneEditAway(from: "Wins", among: cells) == "wins")
        #expect(NameSuggestion.oneEditAway(from: "revnu", among: cells) == nil)
        #expect(NameSuggestion.oneEditAway(from: "leads", among: cells) == nil)
    }

    @Test("unknown functions get the function meant")
    func functions() {
        #expect(Builtins.unknownFunctionMessage("sqr") == "unknown function 'sqr' (did you mean sqrt?)")
        #expect(Builtins.unknownFunctionMessage("MAXX") == "unknown function 'MAXX' (did you mean max?)")
        #expect(Builtins.unknownFunctionMessage("npv") == "unknown function 'npv'")
    }
}

extension NameSuggestionTests {
    @Test("names of one or two letters are only matched up to case")
    func shortNames() {
        #expect(NameSuggestion.closest(to: "y", among: ["x", "Y"]) == ["Y"])
        #expect(NameSuggestion.oneEditAway(from: "y", among: ["x"]) == nil)
    }
}
