import Testing
import TextLayout

@Suite struct PeriodGridTests {
    static let months = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]

    static let grid = PeriodGrid(
        periods: months,
        leadIndicators: [
            PeriodGrid.Row("leads", values: ["120", "126", "132.3", "138.92", "145.86", "153.15"],
                           sparkline: "▁▂▄▅▆█", total: "816.23"),
            PeriodGrid.Row("conversion", values: ["15%", "15%", "15%", "15%", "15%", "15%"], sparkline: "▄▄▄▄▄▄"),
        ],
        lagIndicators: [
            PeriodGrid.Row("opportunities", values: ["18", "18.9", "19.85", "20.84", "21.88", "22.97"],
                           sparkline: "▁▂▄▅▆█", total: "122.43"),
            PeriodGrid.Row("revenue", values: ["$14,256", "$14,969", "$15,717", "$16,503", "$17,328", "$18,195"],
                           sparkline: "▁▂▄▅▆█", total: "$96,968"),
        ])

    @Test func everyPeriodWhenTheyFit() {
        #expect(Self.grid.render(width: nil) == [
            "               2027-01  2027-02  2027-03  2027-04  2027-05  2027-06    total",
            "lead indicators",
            "leads              120      126    132.3   138.92   145.86   153.15   816.23  ▁▂▄▅▆█",
            "conversion         15%      15%      15%      15%      15%      15%           ▄▄▄▄▄▄",
            "",
            "lag indicators",
            "opportunities       18     18.9    19.85    20.84    21.88    22.97   122.43  ▁▂▄▅▆█",
            "revenue        $14,256  $14,969  $15,717  $16,503  $17,328  $18,195  $96,968  ▁▂▄▅▆█",
        ])
        #expect(Self.grid.render(width: 88) == Self.grid.render(width: nil))
    }

    @Test func asManyPeriodsAsFitAndWhichAreHidden() {
        let lines = Self.grid.render(width: 60)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines)")
        #expect(lines == [
            "               2027-01  2027-02  2027-03    total",
            "lead indicators",
            "leads              120      126    132.3   816.23  ▁▂▄▅▆█",
            "conversion         15%      15%      15%           ▄▄▄▄▄▄",
            "",
            "lag indicators",
            "opportunities       18     18.9    19.85   122.43  ▁▂▄▅▆█",
            "revenue        $14,256  $14,969  $15,717  $96,968  ▁▂▄▅▆█",
            "+ 3 more periods: 2027-04 .. 2027-06",
        ])
    }

    @Test func onANarrowTerminalOnePeriodStaysAndNamesAreCutToKeepIt() {
        let forty = Self.grid.render(width: 40)
        #expect(forty.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(forty)")
        #expect(forty == [
            "               2027-01    total",
            "lead indicators",
            "leads              120   816.23  ▁▂▄▅▆█",
            "conversion         15%           ▄▄▄▄▄▄",
            "",
            "lag indicators",
            "opportunities       18   122.43  ▁▂▄▅▆█",
            "revenue        $14,256  $96,968  ▁▂▄▅▆█",
            "+ 5 more periods: 2027-02 .. 2027-06",
        ])
        #expect(Self.grid.render(width: 36) == [
            "            2027-01    total",
            "lead indicators",
            "leads           120   816.23  ▁▂▄▅▆█",
            "conversion      15%           ▄▄▄▄▄▄",
            "",
            "lag indicators",
            "opportuni…       18   122.43  ▁▂▄▅▆█",
            "revenue     $14,256  $96,968  ▁▂▄▅▆█",
            "+ 5 more periods: 2027-02 .. 2027-06",
        ])
    }

    @Test func withoutTotalsThereIsNoTotalColumnAndAnEmptySectionIsLeftOut() {
        let grid = PeriodGrid(
            periods: ["2027-Q1", "2027-Q2"],
            leadIndicators: [PeriodGrid.Row("head_count", values: ["4", "6"], sparkline: "_#")],
            lagIndicators: [])
        #expect(grid.render(width: 80) == [
            "            2027-Q1  2027-Q2",
            "lead indicators",
            "head_count        4        6  _#",
        ])
    }

    @Test func withoutSparklinesTheLastColumnIsTheTotalAndNothingIsCutForIt() {
        let grid = PeriodGrid(
            periods: ["2027", "2028"],
            leadIndicators: [],
            lagIndicators: [PeriodGrid.Row("revenue", values: ["$1,200", "$1,300"], sparkline: "", total: "$2,500")])
        #expect(grid.render(width: 31) == [
            "           2027    2028   total",
            "lag indicators",
            "revenue  $1,200  $1,300  $2,500",
        ])
    }

    @Test func aSingleValueIsShownOnceAndWidensNoPeriod() {
        let grid = PeriodGrid(
            periods: ["2027-01", "2027-02"],
            leadIndicators: [
                PeriodGrid.Row("leads", values: ["120", "126"], sparkline: "▁█", total: "246"),
                .singleValue("conversion", "15%"),
            ],
            lagIndicators: [.singleValue("annual_revenue", "$1,328,925.44")])
        #expect(grid.render(width: nil) == [
            "                2027-01  2027-02  total",
            "lead indicators",
            "leads               120      126    246  ▁█",
            "conversion      15%",
            "",
            "lag indicators",
            "annual_revenue  $1,328,925.44",
        ])
        // The long single value takes no period's room: at 37 columns both periods fit beside names cut to 8.
        let narrow = grid.render(width: 37)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 37 }, "\(narrow)")
        #expect(narrow.first == "          2027-01  2027-02  total")
        #expect(narrow.last == "annual_…  $1,328,925.44")
    }

    @Test func withoutUnicodeACutNameEndsInATilde() {
        var grid = Self.grid
        grid.unicode = false
        #expect(grid.render(width: 36)[6] == "opportuni~       18   122.43  ▁▂▄▅▆█")
    }
}
