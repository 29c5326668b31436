import Formula
import Testing

/// The distributions' formulas against values worked out by hand or by an independent library
/// (Python's statistics.NormalDist), and the range syntax with its errors.
@Suite struct DistributionTests {
    @Test(arguments: [
        (0.975, 1.9599639845400536), (0.1, -1.2815515655446008), (0.95, Distribution.z95),
        (0.5, 0.0), (1e-10, -6.361340902404056), (0.999, 3.090232306167813),
    ])
    func standardNormalQuantile(p: Double, expected: Double) {
        #expect(abs(StandardNormal.quantile(p) - expected) < 1e-12)
        #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-14)
    }

    @Test func lognormalFromNinetyPercentInterval() {
        // 25% to 40%: mu is the mean of the logarithms, sigma = ln(40/25) / (2 × 1.6449).
        guard case .lognormal(let mu, let sigma) = Distribution.lognormal(fifthPercentile: 0.25, ninetyFifthPercentile: 0.40)
        else {
            Issue.record("not a lognormal")
            return
        }
        #expect(abs(mu - -1.1512925464970227) < 1e-14)
        #expect(abs(sigma - 0.14287095871163563) < 1e-14)
        let distribution = Distribution.lognormal(mu: mu, sigma: sigma)
        #expect(abs(distribution.quantile(0.05) - 0.25) < 1e-12)
        #expect(abs(distribution.quantile(0.95) - 0.40) < 1e-12)
        #expect(abs(distribution.mean - 0.3194717300022392) < 1e-14)
        #expect(abs(distribution.quantile(0.1) - 0.26331900177622775) < 1e-12)
        #expect(abs(distribution.quantile(0.9) - 0.3797675037708879) < 1e-12)
    }

    @Test func triangularInverseCDF() {
        // triangular(0, 1, 4): a quarter of the mass lies below the mode.
        let distribution = Distribution.triangular(low: 0, mode: 1, high: 4)
        #expect(abs(distribution.quantile(0.25) - 1) < 1e-15)
        #expect(abs(distribution.quantile(0.1) - 0.4.squareRoot()) < 1e-15)
        #expect(abs(distribution.quantile(0.5) - (4 - 6.0.squareRoot())) < 1e-15)
        #expect(abs(distribution.quantile(0.9) - (4 - 1.2.squareRoot())) < 1e-15)
        #expect(abs(distribution.mean - 5.0 / 3) < 1e-15)
        // A mode at either end still inverts.
        #expect(Distribution.triangular(low: 2, mode: 2, high: 6).quantile(0.75) == 6 - 4 * 0.5)
    }

    @Test func uniformAndNormal() {
        #expect(Distribution.uniform(low: 10, high: 20).quantile(0.3) == 13)
        #expect(Distribution.uniform(low: 10, high: 20).mean == 15)
        let normal = Distribution.normal(fifthPercentile: -5, ninetyFifthPercentile: 5)
        #expect(normal == .normal(mean: 0, standardDeviation: 5 / Distribution.z95))
    }

    /// Each range evaluates to its mean, in the format of its numbers.
    @Test(arguments: [
        ("25% to 40%", 0.3194717300022392),
        ("-5 to 5", 0.0),
        ("normal(120, 20)", 120.0),
        ("uniform(10, 20)", 15.0),
        ("triangular(0, 1, 4)", 5.0 / 3),
        ("lognormal(1, 4)", 2.185703320162492),
        ("normal(2 * 60, 20)", 120.0),
    ])
    func rangeEvaluatesToItsMean(source: String, mean: Double) throws {
        let value = evaluated(source).numeric
        #expect(abs((value ?? .nan) - mean) < 1e-12, "\(source)")
    }

    @Test func lowToHighParsesAsOneCall() {
        #expect(parsed("win_rate = 25% to 40%") == "win_rate = (to 0.25% 0.4%)")
        #expect(parsed("x = 1 + 1 to 2 * 3") == "x = (to (+ 1 1) (* 2 3))")
    }

    static let errors: [(String, String)] = [
        ("x = 40% to 20%", """
        input:1:12: error: the high end of a range is below its low end: write the lower number first
        x = 40% to 20%
                   ^~~
        """),
        ("x = normal(100, -5)", """
        input:1:17: error: the standard deviation of normal(mean, sd) cannot be negative
        x = normal(100, -5)
                        ^~
        """),
        ("x = triangular(1, 5, 3)", """
        input:1:19: error: the mode of triangular(low, mode, high) must lie between low and high
        x = triangular(1, 5, 3)
                          ^
        """),
        ("x = uniform(3, 1)", """
        input:1:16: error: the high end of uniform(low, high) is below its low end: write the lower number first
        x = uniform(3, 1)
                       ^
        """),
        ("x = lognormal(0, 2)", """
        input:1:15: error: lognormal(low, high) needs both ends above zero (low to high gives a normal for other ends)
        x = lognormal(0, 2)
                      ^
        """),
        ("wins = opportunities * (25% to 40%)", """
        input:1:29: error: a range 'low to high' must be the whole formula of a lead indicator, as in win_rate = 25% to 40%
        wins = opportunities * (25% to 40%)
                                    ^~
        """),
        ("wins = opportunities * normal(0.3, 0.05)", """
        input:1:24: error: only a lead indicator may be a range, as its whole formula: give it a cell such as win_rate = 25% to 40%
        wins = opportunities * normal(0.3, 0.05)
                               ^~~~~~~~~~~~~~~~~
        """),
        ("x = normal(leads, 5)", """
        input:1:12: error: a range's numbers cannot use other cells: only lead indicators may be ranges
        x = normal(leads, 5)
                   ^~~~~
        """),
        ("x = 1 to leads", """
        input:1:10: error: a range's numbers cannot use other cells: only lead indicators may be ranges
        x = 1 to leads
                 ^~~~~
        """),
        ("x = normal(1)", """
        input:1:5: error: normal(mean, sd) wants 2 numbers
        x = normal(1)
            ^~~~~~~~~
        """),
        ("x = 1 to", """
        input:1:7: error: expected the high end of the range after 'to', as in 25% to 40%
        x = 1 to
              ^~
        """),
        ("goal revenue >= normal(1, 2)", """
        input:1:17: error: only a lead indicator may be a range, as its whole formula: give it a cell such as win_rate = 25% to 40%
        goal revenue >= normal(1, 2)
                        ^~~~~~~~~~~~
        """),
        ("to = 5", """
        input:1:1: error: 'to' is a reserved word and cannot name a cell
        to = 5
        ^~
        """),
    ]

    @Test(arguments: errors)
    func misplacedOrImpossibleRangesAreLocatedErrors(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }
}
