import LineEditing
import ModelFile
import Testing
@testable import Shell

/// `:plot` on a plan over time: the chart as drawn, in ASCII where Unicode cannot be shown, and the
/// names it refuses, each with the reason at the name.
@Suite struct PlotCommandTests {
    private func session(width: Int? = 44) throws -> Session {
        Session(workbook: try Workbook.parse(SeriesReplTests.plan, path: "plan.model").get(), width: width)
    }

    @Test func oneSeriesIsABrailleLineWithTheAxisInItsFormat() throws {
        let reply = try session().handle(":plot revenue")
        #expect(reply.errors.isEmpty)
        #expect(reply.output == [
            "$36,000 ┤                ⡠⠊⠒⢄⡀",
            "        │              ⢀⠜    ⠈⠒⢄⡀",
            "        │            ⢀⠔⠁        ⠈⠒⢄",
            "$32,000 ┤           ⡔⠁             ⠉⠢⢄",
            "        │         ⡠⠊                  ⠉⠢⢄",
            "        │       ⡠⠊                       ⠉⠢⢄",
            "$28,000 ┤     ⢀⠜",
            "        │   ⢀⠔⠁",
            "        │  ⡔⠁",
            "$24,000 ┤⡠⠊",
            "        └───────────────────────────────────",
            "         2027-01       2027-02       2027-03",
        ])
    }

    @Test func severalSeriesAsBarsGetALegendAndNoneHidesAnother() throws {
        let output = try session().handle(":plot revenue mrr as bars").output
        #expect(output.last == "█ revenue  ▓ mrr")
        // March: revenue's bar beside mrr's, at the right end of the axis.
        #expect(output[9] == "     $0 ┤█▓               █▓              █▓")
        #expect(output.allSatisfy { $0.count <= 44 }, "\(output)")
    }

    @Test func cellsInDifferentFormatsGetAChartEach() throws {
        let output = try session().handle(":plot leads revenue").output
        #expect(output.first == "leads")
        #expect(output.contains("revenue"))
        #expect(output.contains("133.3 ┤           ⢀⠔⠁             ⠈⠑⠢⣀"))
        #expect(output[output.firstIndex(of: "revenue")! - 1] == "")
        #expect(output.contains("$36,000 ┤                ⡠⠊⠒⢄⡀"))
    }

    /// Leads planned at 100 a month, 80 and 120 in fact in January and February.
    static let tracked = """
        periods = 2027-01 .. 2027-04
        leads = 100
        wins = leads * 10%
        actual leads[2027-01] = 80
        actual leads[2027-02] = 120

        """

    @Test func aCellWithActualsIsItsPlanAsALineAndItsActualsAsMarkers() throws {
        let session = Session(workbook: try Workbook.parse(Self.tracked, path: "plan.model").get(), width: 44)
        let output = session.handle(":plot leads").output
        // The plan's 100 a month on the row of 102.2 (its lowest dots), January's 80 at the bottom, February's 120 at the top.
        #expect(output == [
            "  120 ┤            ○",
            "      │",
            "      │",
            "106.7 ┤",
            "      │⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀",
            "      │",
            " 93.3 ┤",
            "      │",
            "      │",
            "   80 ┤○",
            "      └─────────────────────────────────────",
            "       2027-01  2027-02     2027-03  2027-04",
            "─ leads (plan)  ○ leads (actual)",
        ])
        // A cell without actuals of its own is drawn as it stands, the actuals upstream included:
        // wins are 8, 12, 10, 10.
        let both = session.handle(":plot leads wins").output
        #expect(both.last == "● leads (plan)  ■ wins  ○ leads (actual)")
        #expect(both[1] == "    │●⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀●⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀●⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀●")
        #expect(both[9] == "  8 ┤■⣀⣀⣀⣀⣀⡠⠤⠤⠤⠤⠤⠤■⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤■⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤■")
        session.isUnicode = false
        #expect(session.handle(":plot leads").output.last == "* leads (plan)  o leads (actual)")
    }

    @Test func withoutUnicodeTheChartIsASCII() throws {
        let session = try session()
        session.isUnicode = false
        let output = session.handle(":plot leads wins").output
        #expect(output.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(output)")
        #expect(output.last == "* leads  + wins")
        #expect(output.prefix(4) == ["150 +                   *", "    |", "    |                                      *", "103 +*"])
        #expect(output.contains("    +---------------------------------------"))
    }

    @Test func withoutAWidthTheChartIsEightyColumns() throws {
        let output = try session(width: nil).handle(":plot revenue").output
        #expect(output.map(\.count).max() == 80)
    }

    static let refusals: [(String, String, String)] = [
        (":plot revenu", "<input>:1:7: error: no cell named 'revenu' (did you mean revenue?)", "      ^~~~~~"),
        (":plot leads annual", "<input>:1:13: error: annual is one value, $88,800, the same in every period: there is no series to plot",
         "            ^~~~~~"),
        (":plot deal", "<input>:1:7: error: deal is one value, $2,400, the same in every period: there is no series to plot",
         "      ^~~~"),
        (":plot leads[2027-02]", "<input>:1:7: error: plot takes cell names; 'leads[2027-02]' is not one", "      ^~~~~~~~~~~~~~"),
    ]

    @Test(arguments: refusals)
    func aNameThatCannotBePlottedIsAnErrorAtTheName(_ line: String, _ message: String, _ caret: String) throws {
        let reply = try session().handle(line)
        #expect(reply.failed)
        #expect(reply.output.isEmpty)
        #expect(reply.errors == [message, line, caret])
    }

    @Test func aModelWithoutPeriodsSaysSoAndShowsTheValue() {
        let reply = makeSession().handle(":plot revenue")
        #expect(reply.errors == [
            "<input>:1:7: error: revenue is one value, $14,256: the model has no periods to plot it over "
                + "(type periods = 2027-01 .. 2027-12 to make every cell a series)",
            ":plot revenue", "      ^~~~~~~",
        ])
    }

    @Test func argumentsThatAreNotAPlotShowTheUsage() throws {
        let session = try session()
        #expect(session.handle(":plot").errors == [
            "plot wants the name of a cell, as in :plot revenue", "Usage: :plot NAME [NAME …] [as bars]",
        ])
        #expect(session.handle(":plot revenue as pie").errors == [
            "plot draws as bars or as lines, not as 'pie'", "Usage: :plot NAME [NAME …] [as bars]",
        ])
    }

    @Test func tabCompletesCellNamesOnlyAfterPlot() {
        let session = makeSession()
        #expect(Completion.complete(CompletionRequest(line: ":plot r", cursor: 7), session: session).candidates == ["revenue"])
        #expect(Completion.complete(CompletionRequest(line: "r", cursor: 1), session: session).candidates.contains("round("))
    }
}
