import Testing
@testable import LineEditing

struct CompletionStepTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let cursor: Int
        let replaceFrom: Int
        let candidates: [String]
        let step: CompletionStep
        var testDescription: String { "\(line)|\(cursor) → \(step)" }
    }

    @Test(arguments: [
        // One candidate replaces the word and adds a space, so the next word follows at once;
        // not after a folder or a function's parenthesis, where more is typed.
        Case(line: "x = lea", cursor: 7, replaceFrom: 4, candidates: ["leads"],
             step: .replace(word: "lea", with: "leads ")),
        Case(line: ":load mod", cursor: 9, replaceFrom: 6, candidates: ["models/"],
             step: .replace(word: "mod", with: "models/")),
        Case(line: "x = sq", cursor: 6, replaceFrom: 4, candidates: ["sqrt("],
             step: .replace(word: "sq", with: "sqrt(")),
        // Several: the common prefix when it adds something.
        Case(line: "cel", cursor: 3, replaceFrom: 0, candidates: ["cell1", "cell2", "cell10"],
             step: .replace(word: "cel", with: "cell")),
        // Several with nothing more to add: listed in the provider's order.
        Case(line: "lea", cursor: 3, replaceFrom: 0, candidates: ["leads", "leakage", "lease"],
             step: .list(["leads", "leakage", "lease"])),
        Case(line: "", cursor: 0, replaceFrom: 0, candidates: ["b", "a"], step: .list(["b", "a"])),
        // Duplicates count once: two copies of one word are one candidate.
        Case(line: "wi", cursor: 2, replaceFrom: 0, candidates: ["wins", "wins"],
             step: .replace(word: "wi", with: "wins ")),
        Case(line: "wi", cursor: 2, replaceFrom: 0, candidates: ["wins", "wide", "wins"],
             step: .list(["wins", "wide"])),
        Case(line: "wins", cursor: 4, replaceFrom: 0, candidates: ["wins"], step: .replace(word: "wins", with: "wins ")),
        Case(line: "wins ", cursor: 4, replaceFrom: 0, candidates: ["wins"], step: .unchanged),
        Case(line: "zz", cursor: 2, replaceFrom: 0, candidates: [], step: .noCandidates),
        // Only the text before the cursor is the word; what follows stays (and a space there is kept, not doubled).
        Case(line: "le + wins", cursor: 2, replaceFrom: 0, candidates: ["leads"],
             step: .replace(word: "le", with: "leads")),
        // A candidate may change the case of what was typed.
        Case(line: "REV", cursor: 3, replaceFrom: 0, candidates: ["revenue"],
             step: .replace(word: "REV", with: "revenue ")),
        // Indexes are characters, not bytes.
        Case(line: "é = hé", cursor: 6, replaceFrom: 4, candidates: ["héllo"],
             step: .replace(word: "hé", with: "héllo ")),
        // Out-of-range indexes from a provider are clamped to the line.
        Case(line: "ab", cursor: 9, replaceFrom: -3, candidates: ["abc"], step: .replace(word: "ab", with: "abc ")),
        Case(line: "ab", cursor: 2, replaceFrom: 5, candidates: ["x"], step: .replace(word: "", with: "x ")),
    ])
    func plan(_ example: Case) {
        let request = CompletionRequest(line: example.line, cursor: example.cursor)
        let result = CompletionResult(replaceFrom: example.replaceFrom, candidates: example.candidates)
        #expect(CompletionStep.plan(for: request, result: result) == example.step)
    }

    @Test(arguments: [
        ([String](), ""),
        (["leads"], "leads"),
        (["leads", "leakage", "lease"], "lea"),
        (["cell1", "cell10", "cell2"], "cell"),
        (["abc", "xyz"], ""),
        (["wins", "win"], "win"),
        // "e" followed by a combining accent is one character, so the prefix stops before it.
        (["e\u{301}a", "eb"], ""),
        (["héllo", "hélium"], "hél"),
    ])
    func longestCommonPrefixOfWords(words: [String], prefix: String) {
        #expect(longestCommonPrefix(words) == prefix)
    }
}
