import Formula
import Testing
@testable import Shell

/// A running total is a level: its last value sums it up, in every place one number must stand
/// for a series. Worked out by hand on this plan over a year boundary:
///
///     revenue  $1,000  $2,000  $3,000   $4,000   total $10,000
///     booked   $1,000  $3,000  $6,000  $10,000   last $10,000 (the total of the running totals is $20,000)
///     year     $1,000  $3,000  $3,000   $7,000   last $7,000 (ytd starts again in January; total $14,000)
@Suite struct RunningTotalSummaryTests {
    static let plan = """
        periods = 2027-11 .. 2028-02
        revenue = $1000 + $1000 * t
        booked = cumulative(revenue)
        year = ytd(revenue)

        [scenario more]
        revenue = $2000 + $1000 * t

        """

    @Test("a running total is summed up by its last value, a flow still by its total")
    func measureIsTheLastValue() throws {
        let session = planSession(Self.plan)
        let booked = try #require(session.model["booked"])
        #expect(booked.measure == .last)
        #expect(booked.summary == .number(10_000))
        #expect(session.model["year"]?.summary == .number(7_000))
        #expect(session.model["revenue"]?.measure == .total)
    }

    @Test("the grid gives a running total no total column")
    func gridHasNoTotalForARunningTotal() {
        let output = planSession(Self.plan).handle(":list").output
        #expect(output.first == "         2027-11  2027-12  2028-01  2028-02    total")
        #expect(output.contains("revenue   $1,000   $2,000   $3,000   $4,000  $10,000  ▁▃▆█"))
        #expect(output.contains("booked    $1,000   $3,000   $6,000  $10,000           ▁▃▅█"))
        #expect(output.contains("year      $1,000   $3,000   $3,000   $7,000           ▁▃▃█"))
    }

    @Test("an edit shows a running total's last value old → new")
    func changeDisplayShowsTheLastValue() {
        let reply = planSession(Self.plan).handle("revenue = $2000 + $1000 * t")
        #expect(reply.output == [
            "revenue total $10,000 → $14,000     +40%  ▁▃▆█",
            "booked last   $10,000 → $14,000     +40%  ▁▃▅█",
            "year last      $7,000 → $9,000   +28.57%  ▁▄▃█",
        ])
    }

    @Test(":show of a running total, or of one typed alone, says last")
    func showSaysLast() {
        let session = planSession(Self.plan)
        #expect(session.handle(":show booked").output.prefix(3) == [
            "booked", "  periods  2027-11 .. 2028-02", "  values   $1,000  $3,000  $6,000  $10,000",
        ])
        #expect(session.handle(":show booked").output[3] == "  last     $10,000  ▁▃▅█")
        #expect(session.handle("ytd(revenue)").output.last == "last     $7,000  ▁▃▃█")
        #expect(session.handle("booked * 2").output.last == "total    $40,000  ▁▃▅█")
    }

    @Test(":compare takes a running total's last value and says so above")
    func compareSaysLast() {
        let output = planSession(Self.plan).handle(":compare more").output
        #expect(output.first == "series compared by their total over 2027-11 .. 2028-02, "
                + "running totals (booked, year) by their last value")
        #expect(output.contains("booked last    $10,000  $14,000     +40%"))
        #expect(output.contains("year last       $7,000   $9,000  +28.57%"))
    }

    @Test(":variance of a running total compares its latest value of the year so far, not a sum of running totals")
    func varianceTakesTheLatest() {
        let session = planSession(Self.plan)
        _ = session.handle("actual booked[2027-11] = 900")
        _ = session.handle("actual booked[2027-12] = 2800")
        let output = session.handle(":variance booked").output
        #expect(output.contains("        YTD latest  $3,000  $2,800       -$200  -6.67%"), "\(output)")
    }
}
