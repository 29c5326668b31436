/// Statistics of a sorted sample, by one stated method, so every number shown can be checked.
///
/// Quantiles are Hyndman and Fan's type 7 (linear interpolation between order statistics, the
/// default of R, NumPy and spreadsheets' PERCENTILE.INC): for a fraction p of n sorted values
/// x₀ … xₙ₋₁, h = (n − 1)·p and the quantile is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
public enum Quantiles {
    /// The p-quantile (0 ≤ p ≤ 1) of `sorted`, ascending and not empty.
    public static func of(_ sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let below = Int(h.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[below] + (h - Double(below)) * (sorted[below + 1] - sorted[below])
    }

    public static func of(_ sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { of($0, p) }
    }
}
