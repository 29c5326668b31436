import Formula

extension SensitivityTable {
    /// One input of a sensitivity table and the values to try for it, in order.
    public struct Axis: Equatable, Sendable {
        public let name: String
        public let values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }

        /// More points than fit any screen, and enough to keep a table from running for minutes.
        public static let maximumPoints = 10_000
        /// How far (in steps) the last point may fall short of or beyond `to` and still be `to`.
        private static let stepSlack = 1e-9

        /// `from`, `from + step`, … up to and including `to` (when a whole number of steps
        /// away, within floating-point slack, `to` itself is the last value). Each value is
        /// rounded to the decimals of `from` and `step`, so 0.1 to 0.3 step 0.1 gives 0.3,
        /// not 0.30000000000000004. A step may be negative to count down.
        public static func range(from start: Double, to end: Double, step: Double) throws(WhatIfError) -> [Double] {
            guard start.isFinite, end.isFinite, step.isFinite else { throw .nonFiniteRange }
            guard step != 0 else { throw .zeroStep }
            let steps = (end - start) / step
            guard steps >= -stepSlack else { throw .stepAwayFromEnd(from: start, to: end, step: step) }
            guard steps.isFinite, steps < Double(maximumPoints) - 1 + stepSlack else {
                throw .tooManyPoints(limit: maximumPoints)
            }
            let lastIndex = Int((max(steps, 0) + stepSlack).rounded(.down))
            let places = [start, step].map { DecimalDigits($0)?.fractionDigitCount ?? 0 }.max() ?? 0
            var values = (0...lastIndex).map { rounded(start + Double($0) * step, toPlaces: places) }
            if abs(steps - Double(lastIndex)) <= stepSlack { values[lastIndex] = end }
            return values
        }

        /// The double nearest to `value` rounded to `places` decimals: the same double the
        /// literal with those decimals reads as, since k / 10^places is correctly rounded
        /// when both are exact. Left alone where they are not.
        private static func rounded(_ value: Double, toPlaces places: Int) -> Double {
            let largestExactPowerOfTen = 22
            guard places <= largestExactPowerOfTen else { return value }
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let scaled = (value * scale).rounded()
            guard abs(scaled) < 0x1p53 else { return value }
            return scaled / scale
        }
    }
}
