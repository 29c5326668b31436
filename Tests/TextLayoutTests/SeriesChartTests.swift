import Testing
@testable import TextLayout

@Suite struct SeriesChartTests {
    static let months = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]
    static let dollars: @Sendable (Double) -> String = { value in "$" + String(Int(value.rounded())) }

    static func chart(
        _ series: [SeriesChart.Series], width: Int = 40, height: Int = 6, unicode: Bool = true,
        style: SeriesChart.Style = .line
    ) -> [String] {
        SeriesChart(series: series, periods: months, yLabel: dollars, width: width, height: height,
                    unicode: unicode, style: style).render()
    }

    static let revenue = SeriesChart.Series("revenue", values: [1200, 1260, 1323, 1389, 1459, 1532])

    @Test func oneSeriesAsABrailleLine() {
        let lines = Self.chart([Self.revenue])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
        #expect(lines == [
            "$1532 ┤                            ⣀⡠⠤⠒⠉",
            "      │                       ⣀⡠⠔⠒⠉",
            "$1399 ┤                 ⢀⣀⠤⠔⠊⠉",
            "      │           ⢀⡠⠤⠒⠊⠉⠁",
            "      │      ⣀⡠⠔⠒⠉⠁",
            "$1200 ┤⣀⠤⠔⠒⠊⠉",
            "      └─────────────────────────────────",
            "       2027-01   2027-03      2027-05",
        ])
    }

    @Test func asciiFallback() {
        #expect(Self.chart([Self.revenue], unicode: false) == [
            "$1532 +                                *",
            "      |                          *",
            "$1399 +                   *",
            "      |             *",
            "      |      *",
            "$1200 +*",
            "      +---------------------------------",
            "       2027-01   2027-03      2027-05",
        ])
    }

    @Test func planAndActualAreDrawnApartWithALegend() {
        let actual = SeriesChart.Series("revenue", values: [1100, 1300, 1250], kind: .actual)
        #expect(Self.chart([Self.revenue, actual]) == [
            "$1532 ┤                           ⣀⡠⠤⠔⠒⠉",
            "      │                    ⢀⣀⠤⠤⠒⠊⠉",
            "$1359 ┤            ⣀⣀⡠⠤⠔⠒⠊⠉⠁",
            "      │    ⢀⣀○⠤⠒⠒⠉⠉ ○",
            "      │⠤⠒⠊⠉⠁",
            "$1100 ┤○",
            "      └─────────────────────────────────",
            "       2027-01   2027-03      2027-05",
            "─ revenue  ○ revenue (actual)",
        ])
    }

    @Test func severalPlanSeriesGetMarkers() {
        let costs = SeriesChart.Series("costs", values: [1300, 1300, 1300, 1300, 1300, 1300])
        #expect(Self.chart([Self.revenue, costs]) == [
            "$1532 ┤                            ⣀⡠⠤⠒●",
            "      │                       ⣀⡠⠔●⠉",
            "$1399 ┤                 ⢀⣀●⠔⠊⠉",
            "      │           ⢀⡠●⠒⠊⠉⠁",
            "      │■⠉⠉⠉⠉⠉■⡩⠝⠛⠉⠉⠉■⠉⠉⠉⠉⠉■⠉⠉⠉⠉⠉⠉■⠉⠉⠉⠉⠉■",
            "$1200 ┤●⠤⠔⠒⠊⠉",
            "      └─────────────────────────────────",
            "       2027-01   2027-03      2027-05",
            "● revenue  ■ costs",
        ])
    }

    @Test func barsInEighthsOfARow() {
        #expect(Self.chart([Self.revenue], height: 4, style: .bars) == [
            "$1530 ┤▁     ▂      ▄     ▅      ▆     █",
            "      │█     █      █     █      █     █",
            "      │█     █      █     █      █     █",
            "   $0 ┤█     █      █     █      █     █",
            "      └─────────────────────────────────",
            "       2027-01   2027-03      2027-05",
        ])
    }

    @Test func barsOfSeveralSeriesStandSideBySideEvenAtTheEnds() {
        let costs = SeriesChart.Series("costs", values: [600, 700, 800, 900, 1000, 1100])
        let lines = Self.chart([Self.revenue, costs], height: 2, style: .bars)
        // Six periods, two bars each, none hidden under its neighbour at either end of the axis.
        #expect(lines[1].filter { $0 == "█" }.count == 6)
        #expect(lines[1].filter { $0 == "▓" }.count == 6)
        #expect(lines.last == "█ revenue  ▓ costs")
    }

    @Test func periodLabelsAreThinnedToFit() {
        let lines = Self.chart([Self.revenue], width: 24, height: 3)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 24 }, "\(lines)")
        #expect(lines == [
            "$1530 ┤           ⢀⡠⠤⠒⠒⠉",
            "      │      ⣀⡠⠤⠔⠊⠁",
            "$1200 ┤⣀⠤⠤⠒⠊⠉",
            "      └─────────────────",
            "       2027-01   2027-05",
        ])
    }

    @Test func aFlatSeriesAndGapsAreDrawn() {
        let flat = SeriesChart.Series("deal", values: [2400, 2400, .nan, 2400, 2400, 2400])
        #expect(Self.chart([flat], height: 3) == [
            "$2640 ┤",
            "      │⠒⠒⠒⠒⠒⠒⠒            ⠐⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒",
            "$2160 ┤",
            "      └─────────────────────────────────",
            "       2027-01   2027-03      2027-05",
        ])
    }

    @Test func axisLabelsAreRoundedToADigitFinerThanTheRowStep() {
        #expect(SeriesChart.rounded(212_631.44, finerThan: 22_041) == 213_000)
        #expect(SeriesChart.rounded(0.153_41, finerThan: 0.003) == 0.153_4)
        #expect(SeriesChart.rounded(1398.8, finerThan: 66.4) == 1399)
        #expect(SeriesChart.rounded(-47.25, finerThan: 5) == -47.3)
        #expect(SeriesChart.rounded(12.5, finerThan: 0) == 12.5)
    }

    @Test func aFlatPercentKeepsToItsOwnUnits() {
        let percent: @Sendable (Double) -> String = { "\(($0 * 1000).rounded() / 10)%" }
        let lines = SeriesChart(series: [SeriesChart.Series("conversion", values: [0.15, 0.15, 0.15])],
                                periods: ["2027-01", "2027-02", "2027-03"], yLabel: percent, width: 30, height: 3).render()
        #expect(lines.first == "16.5% ┤")
        #expect(lines[2] == "13.5% ┤")
    }

    @Test func nothingToDrawAndNoRoomStillGiveAnAxis() {
        let empty = SeriesChart(series: [], periods: [], yLabel: Self.dollars, width: 20, height: 2).render()
        #expect(empty == [" $1 ┤", "$-1 ┤", "    └───────────────"])
        let cramped = SeriesChart(series: [Self.revenue], periods: Self.months, yLabel: Self.dollars, width: 3, height: 2).render()
        #expect(cramped == ["$1530 ┤⢸", "$1200 ┤⡇", "      └─"])
    }
}
