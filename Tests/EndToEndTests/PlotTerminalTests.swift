import Foundation
import Testing

/// A plan over periods at a narrow terminal: the `:list` grid and the `:plot` chart fit its width.
extension ReplTerminalTests {
    static let monthlyPlan = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models/msp-bottoms-up.model")

    /// The lines `lines` typed one at a time (each waited for) printed on a `columns`-wide terminal,
    /// wrapped lines joined, so a line wider than the terminal shows as one.
    private func typed(_ lines: [String], columns: Int, environment: [String: String] = [:]) async throws -> [String] {
        let workspace = try Workspace()
        try workspace.write("msp.model", try String(contentsOf: Self.monthlyPlan, encoding: .utf8))
        let repl = try start(
            [workspace.path("msp.model")], history: workspace.path("history"), in: workspace,
            environment: environment, columns: columns)
        defer { repl.close() }
        try await repl.waitFor(Self.prompt)
        for (index, line) in lines.enumerated() {
            try repl.type(line)
            try repl.send(keys: "Enter")
            try await repl.waitFor(Self.prompt, occurrences: index + 2)
        }
        // From the first prompt on: the greeting names the model's path, which may be longer than any width.
        let shown = try repl.screen(joiningWrappedLines: true).split(separator: "\n", omittingEmptySubsequences: false)
        return shown.drop { !$0.hasPrefix(Self.prompt) }.map(String.init)
    }

    @Test("the grid and the chart of a monthly plan fit a 60-column terminal")
    func gridAndPlotFitSixtyColumns() async throws {
        let screen = try await typed([":list", ":plot mrr new_mrr", ":plot leads as bars"], columns: 60)
        let tooWide = screen.filter { $0.count > 60 }
        #expect(tooWide.isEmpty, "lines wider than 60 columns:\n\(tooWide.joined(separator: "\n"))")
        // The grid shows what fits and says what does not; the chart has its axis, periods and legend.
        #expect(screen.contains { $0.hasPrefix("+ ") && $0.contains("more periods:") && $0.hasSuffix("2027-12") })
        // The example's first quarter is actuals, marked `*` (the name column one wider for it), the
        // legend wrapped to the width; the year bills the quarter's actuals and the plan for the rest.
        #expect(screen.contains("conversion     15%"), "\(screen.joined(separator: "\n"))")
        #expect(screen.contains("leads              118*      131*     1,984.76  ▁▂█▃▃▄▄▅▆▆▇█"))
        #expect(screen.contains("annual_reven…  $1,233,354.65"))
        #expect(screen.contains("* actual; the other values follow from the plan and the"))
        #expect(screen.contains { $0.hasPrefix("$205,000 ┤") })
        #expect(screen.contains("         └" + String(repeating: "─", count: 50)))
        #expect(screen.contains("          2027-01   2027-04       2027-07      2027-10"))
        #expect(screen.contains("● mrr  ■ new_mrr"))
        #expect(screen.contains { $0.hasPrefix("  0 ┤█    █") })
    }

    @Test("where the locale is not UTF-8 the chart, the grid and the change display are ASCII, and still fit")
    func plotIsASCIIWithoutUTF8() async throws {
        let screen = try await typed([":plot mrr", "leads = 130", ":list"], columns: 60, environment: ["LANG": "C"])
        // Every line ASCII; the chart and the grid fit (the change display's numbers, never cut,
        // the goal that flips and a warning, each said in one line, may not).
        let notASCII = screen.filter { !$0.allSatisfy(\.isASCII) }
        #expect(notASCII.isEmpty, "\(notASCII)")
        let tooWide = screen.filter { $0.count > 60 && !$0.contains(" -> ") && !$0.hasPrefix("goal ") && !$0.hasPrefix("warning: ") }
        #expect(tooWide.isEmpty, "\(tooWide)")
        #expect(screen.contains { $0.hasPrefix("leads t~ ") && $0.contains(" -> ") })
        let chart = screen.drop { !$0.hasSuffix(":plot mrr") }.dropFirst().prefix { !$0.hasPrefix("leadlag>") }
        #expect(chart.count == 12, "\(chart)")
        #expect(chart.allSatisfy { $0.allSatisfy(\.isASCII) && $0.count <= 60 }, "\(chart)")
        #expect(chart.first?.hasPrefix("$205,000 +") == true, "\(chart)")
    }
}
