import Testing
@testable import Shell

/// Lead indicators written as ranges: shown as their mean and marked, used as the mean by every command.
@Suite("ranges in the REPL")
struct RangeCellTests {
    static let uncertain = [
        "leads = normal(120, 20)", "conversion = 15%", "win_rate = 25% to 40%",
        "wins = leads * conversion * win_rate",
    ]

    @Test(":list shows the mean and marks the cell as a range")
    func listMarksRanges() {
        let lines = makeSession(Self.uncertain).handle(":list").output
        #expect(lines.contains("leads          120  mean of normal(120, 20)"), "\(lines)")
        #expect(lines.contains("win_rate    31.95%  mean of 25% to 40%"), "\(lines)")
        #expect(lines.contains("conversion     15%  15%"), "\(lines)")
    }

    @Test(":show names the distribution with its P10, mean and P90")
    func showDescribesTheRange() {
        let lines = makeSession(Self.uncertain).handle(":show win_rate").output
        #expect(lines.contains("  range    lognormal: P10 26.33%, mean 31.95%, P90 37.98%"), "\(lines)")
    }

    @Test("goal seek and tables use the mean")
    func seekUsesTheMean() {
        let session = makeSession(Self.uncertain)
        // wins = 120 × 15% × 31.95% = 5.75; doubling needs twice the mean leads.
        #expect(shown("wins", in: session) == "5.75")
        let reply = session.handle(":seek wins = 11.5 by conversion")
        #expect(!reply.failed, "\(reply.text)")
        #expect(shown("conversion", in: session) == "30%")
    }

    @Test("a range in a lag indicator is refused where it is typed, and nothing changes")
    func rangeInLagIndicatorRefused() {
        let session = makeSession(Self.uncertain)
        let reply = session.handle("wins = leads * (10% to 20%)")
        #expect(reply.failed)
        #expect(reply.errors.first?.contains("must be the whole formula of a lead indicator") == true, "\(reply.errors)")
        #expect(shown("wins", in: session) == "5.75")
    }
}
