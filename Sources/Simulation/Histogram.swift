/// Counts of a sample in equal-width bins, for a chart in the terminal.
///
/// The bins span the sample's 1st to 99th percentile, so one extreme draw of a lognormal does not
/// squeeze every other bar into one; the first and last bins also hold the tails beyond.
public struct Histogram: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public let low: Double
        public let high: Double
        public let count: Int
    }

    public let bins: [Bin]
    public let total: Int

    /// The histogram of `sorted` (ascending) in `binCount` bins; one bin when all values are equal.
    public init(sorted: [Double], binCount: Int = 10) {
        total = sorted.count
        guard let first = sorted.first, let last = sorted.last else {
            bins = []
            return
        }
        let low = Quantiles.of(sorted, 0.01)
        let high = Quantiles.of(sorted, 0.99)
        guard high > low, binCount > 1 else {
            bins = [Bin(low: first, high: last, count: sorted.count)]
            return
        }
        let width = (high - low) / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for value in sorted {
            let index = Int(((value - low) / width).rounded(.down))
            counts[min(max(index, 0), binCount - 1)] += 1
        }
        bins = counts.indices.map { Bin(low: low + Double($0) * width, high: low + Double($0 + 1) * width, count: counts[$0]) }
    }
}
