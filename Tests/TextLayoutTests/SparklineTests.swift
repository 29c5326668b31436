import Testing
import TextLayout

@Suite struct SparklineTests {
    @Test func growthRisesFromTheLowestBarToTheFullOne() {
        #expect(Sparkline.render([1, 2, 3, 5, 6, 8]) == "▁▂▃▅▆█")
        #expect(Sparkline.render([8, 6, 5, 3, 2, 1]) == "█▆▅▃▂▁")
        #expect(Sparkline.render([120, 126, 132.3, 138.92, 145.86, 153.15, 160.81, 168.85]) == "▁▂▃▄▅▆▇█")
    }

    @Test func asciiWhenTheTerminalIsNotUTF8() {
        #expect(Sparkline.render([1, 2, 3, 5, 6, 8], unicode: false) == "_.-=+#")
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], unicode: false) == "_.-:=+*#")
    }

    @Test func aFlatSeriesSitsInTheMiddle() {
        #expect(Sparkline.render([2400, 2400, 2400]) == "▄▄▄")
        #expect(Sparkline.render([0, 0], unicode: false) == "::")
        #expect(Sparkline.render([5]) == "▄")
    }

    @Test func valuesThatAreNotFiniteLeaveGapsAndDoNotSkewTheScale() {
        #expect(Sparkline.render([1, .nan, 8, .infinity, -.infinity, 4.5]) == "▁ █  ▅")
        #expect(Sparkline.render([.nan, .nan]) == "  ")
        #expect(Sparkline.render([]) == "")
    }

    @Test func hugeMagnitudesDoNotOverflow() {
        #expect(Sparkline.render([-1e308, 0, 1e308]) == "▁▅█")
        #expect(Sparkline.render([-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude]) == "▁█")
    }

    @Test func aSharedScaleDrawsSeriesAgainstOneAnother() {
        #expect(Sparkline.render([0, 7], scale: 0...14) == "▁▅")
        #expect(Sparkline.render([-5, 20], scale: 0...10) == "▁█")
    }
}
