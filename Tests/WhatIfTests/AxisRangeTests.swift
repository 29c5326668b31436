import Testing
import WhatIf

@Suite struct AxisRangeTests {
    struct RangeCase: Sendable, CustomTestStringConvertible {
        let from: Double
        let to: Double
        let step: Double
        let expected: [Double]
        var testDescription: String { "\(from)..\(to) step \(step)" }
    }

    static let ranges: [RangeCase] = [
        RangeCase(from: 100, to: 200, step: 25, expected: [100, 125, 150, 175, 200]),
        RangeCase(from: 0.1, to: 0.3, step: 0.1, expected: [0.1, 0.2, 0.3]),
        RangeCase(from: 0, to: 1, step: 0.1, expected: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
        RangeCase(from: -0.3, to: 0.3, step: 0.1, expected: [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]),
        RangeCase(from: 0.15, to: 0.45, step: 0.05, expected: [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]),
        // Counting down.
        RangeCase(from: 10, to: 0, step: -5, expected: [10, 5, 0]),
        // `to` is not a whole number of steps away: the last point stays below it.
        RangeCase(from: 0, to: 1, step: 0.3, expected: [0, 0.3, 0.6, 0.9]),
        // One point.
        RangeCase(from: 7, to: 7, step: 1, expected: [7]),
        RangeCase(from: 7, to: 7, step: -1, expected: [7]),
        // The limit itself is fine.
        RangeCase(from: 1, to: 10_000, step: 1, expected: (1...10_000).map(Double.init)),
    ]

    @Test(arguments: ranges)
    func stepsFromOneEndToTheOther(_ range: RangeCase) throws {
        #expect(try SensitivityTable.Axis.range(from: range.from, to: range.to, step: range.step) == range.expected)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let from: Double
        let to: Double
        let step: Double
        let error: WhatIfError
        var testDescription: String { "\(from)..\(to) step \(step) → \(error)" }
    }

    static let invalid: [InvalidCase] = [
        InvalidCase(from: 0, to: 10, step: 0, error: .zeroStep),
        InvalidCase(from: 1, to: 10, step: -1, error: .stepAwayFromEnd(from: 1, to: 10, step: -1)),
        InvalidCase(from: 10, to: 1, step: 2, error: .stepAwayFromEnd(from: 10, to: 1, step: 2)),
        InvalidCase(from: 0, to: 10_000, step: 1, error: .tooManyPoints(limit: 10_000)),
        InvalidCase(from: 0, to: 1e300, step: 1e-300, error: .tooManyPoints(limit: 10_000)),
        InvalidCase(from: -1e308, to: 1e308, step: 1, error: .tooManyPoints(limit: 10_000)),
        InvalidCase(from: 0, to: .infinity, step: 1, error: .nonFiniteRange),
        InvalidCase(from: 0, to: 1, step: .nan, error: .nonFiniteRange),
    ]

    @Test(arguments: invalid)
    func refusesRangesThatCannotBeStepped(_ range: InvalidCase) {
        #expect(throws: range.error) {
            try SensitivityTable.Axis.range(from: range.from, to: range.to, step: range.step)
        }
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(WhatIfError.zeroStep.description == "the step must not be 0")
        #expect(WhatIfError.stepAwayFromEnd(from: 1, to: 10, step: -1).description
                == "a step of -1 never gets from 1 to 10")
    }
}
