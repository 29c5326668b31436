extension RootBracket {
    /// The golden ratio's fraction: each golden-section step keeps this much of the interval.
    private static let goldenFraction = (5.0.squareRoot() - 1) / 2
    private static let closestApproachIterations = 100

    /// A second look when walking outward saw no crossing: the target may dip to the goal
    /// between two samples, narrower than the steps (`side ^ 2 = 0.0001` from `side = 3`
    /// steps over both roots ±0.01). Golden-section search for the smallest |gap| between the
    /// neighbours of the best sample (`samples`, sorted by x); a point whose gap has the
    /// other sign closes a bracket. When there is none, the search has still tried the
    /// inputs nearest the goal, so the closest value a seek reports is the true extreme
    /// (the 0 of a square, the top of a cap), not merely the best of the coarse samples.
    static func searchNearClosest(samples: [Point], gap: (Double) -> Double?) -> RootBracket? {
        guard let bestIndex = samples.indices.min(by: { abs(samples[$0].gap) < abs(samples[$1].gap) }) else {
            return nil
        }
        let best = samples[bestIndex]
        var low = samples[max(bestIndex - 1, 0)].x
        var high = samples[min(bestIndex + 1, samples.count - 1)].x
        var crossing: Point?
        /// |gap| to minimize, infinite where the target is an error; notes a crossing when seen.
        func size(at x: Double) -> Double {
            guard let value = gap(x) else { return .infinity }
            if (value < 0) != (best.gap < 0) || value == 0 { crossing = Point(x: x, gap: value) }
            return abs(value)
        }
        var left = high - goldenFraction * (high - low)
        var right = low + goldenFraction * (high - low)
        var leftSize = size(at: left)
        var rightSize = size(at: right)
        for _ in 0..<closestApproachIterations where crossing == nil {
            let tolerance = 4 * Double.ulpOfOne * max(abs(left), abs(right)) + Double.leastNormalMagnitude
            guard high - low > tolerance else { break }
            if leftSize <= rightSize {
                high = right
                right = left
                rightSize = leftSize
                left = high - goldenFraction * (high - low)
                leftSize = size(at: left)
            } else {
                low = left
                left = right
                leftSize = rightSize
                right = low + goldenFraction * (high - low)
                rightSize = size(at: right)
            }
        }
        return crossing.map { RootBracket(first: best, second: $0) }
    }
}
