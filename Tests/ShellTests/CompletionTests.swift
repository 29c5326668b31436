import Foundation
import LineEditing
import Testing
@testable import Shell

@Suite("Tab completion")
struct CompletionTests {
    private func complete(_ line: String, in session: Session = makeSession()) -> CompletionResult {
        Completion.complete(CompletionRequest(line: line, cursor: line.count), session: session)
    }

    @Test("cell names, including one defined a moment ago")
    func cellNames() {
        let session = makeSession()
        #expect(complete("wi", in: session) == CompletionResult(replaceFrom: 0, candidates: ["win_rate", "wins"]))
        _ = session.handle("widgets = 3")
        #expect(complete("x = 2 * wid", in: session) == CompletionResult(replaceFrom: 8, candidates: ["widgets"]))
    }

    @Test("function names, with their opening parenthesis")
    func functionNames() {
        let result = complete("total = rou")
        #expect(result.replaceFrom == 8)
        #expect(result.candidates == ["round("])
    }

    @Test("command names after a colon")
    func commands() {
        #expect(complete(":re") == CompletionResult(replaceFrom: 0, candidates: [":redo", ":rename"]))
        #expect(complete(":").candidates.count == Command.table.count)
    }

    @Test("cell names as the arguments of a command")
    func commandArguments() {
        #expect(complete(":explain rev") == CompletionResult(replaceFrom: 9, candidates: ["revenue"]))
        #expect(complete(":help ren") == CompletionResult(replaceFrom: 6, candidates: ["rename"]))
        #expect(complete(":export j") == CompletionResult(replaceFrom: 8, candidates: ["json"]))
    }

    @Test("the cursor decides the word, not the end of the line")
    func cursorInTheMiddle() {
        let line = "x = lea + 1"
        let result = Completion.complete(CompletionRequest(line: line, cursor: 7), session: makeSession())
        #expect(result == CompletionResult(replaceFrom: 4, candidates: ["leads"]))
    }

    @Test("file paths after :load and :save, folders ending in a slash")
    func paths() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("plan.model"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("plain.txt"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        let base = folder.path + "/"
        #expect(complete(":load \(base)pla") == CompletionResult(
            replaceFrom: 6, candidates: [base + "plain.txt", base + "plan.model"]))
        #expect(complete(":save \(base)mo").candidates == [base + "models/"])
        #expect(complete(":load \(base)").candidates == [base + "models/", base + "plain.txt", base + "plan.model"])
        #expect(complete(":load \(base).h").candidates == [base + ".hidden"])
        #expect(complete(":export csv \(base)pla").replaceFrom == ":export csv ".count)
        #expect(complete(":load /no/such/folder/x").candidates.isEmpty)
    }

    @Test("no candidates inside a number")
    func numbers() {
        #expect(complete("x = 12").candidates.isEmpty)
    }
}

extension CompletionTests {
    @Test("after :seek … by and :table … by (and the table's comma) only lead indicators are offered", arguments: [
        (":seek revenue = 50k by ", ["conversion", "deal_value", "leads", "win_rate"]),
        (":seek revenue = 50k by w", ["win_rate"]),
        (":table revenue by ", ["conversion", "deal_value", "leads", "win_rate"]),
        (":table revenue by leads 1..2 step 1, w", ["win_rate"]),
    ])
    func leadIndicatorsAfterBy(line: String, expected: [String]) {
        #expect(complete(line).candidates == expected)
    }

    @Test("elsewhere in :seek and :table every cell is offered")
    func everyCellElsewhere() {
        #expect(complete(":seek w").candidates == ["win_rate", "wins"])
        #expect(complete(":table revenue by leads 1..2 step w").candidates.contains("wins"))
    }
}
