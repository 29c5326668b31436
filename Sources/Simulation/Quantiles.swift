/// Quantiles of a sample, by one stated method, so every number shown can be checked.
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

    /// The quantiles at `fractions` (ascending) of `values`, not sorted and not empty, found by
    /// selection instead of sorting: a simulation needs five quantiles of each of a thousand
    /// cells, and selecting them costs a few passes where sorting would cost log₂ n of them.
    /// `values` is left reordered.
    public static func ofUnsorted(_ values: inout [Double], _ fractions: [Double]) -> [Double] {
        values.withUnsafeMutableBufferPointer { values in
            var start = 0
            return fractions.map { p in
                let h = Double(values.count - 1) * p
                let below = Int(h.rounded(.down))
                select(values, below, in: start..<values.count)
                start = below
                guard below + 1 < values.count, h > Double(below) else { return values[below] }
                // Everything after `below` is at least values[below]; the next order statistic is their least.
                var next = values[below + 1]
                for index in (below + 2)..<values.count where values[index] < next { next = values[index] }
                return values[below] + (h - Double(below)) * (next - values[below])
            }
        }
    }

    /// Hoare's selection: puts the k-th smallest of `values[range]` at k, nothing larger before
    /// it and nothing smaller after it.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int, in range: Range<Int>) {
        var low = range.lowerBound
        var high = range.upperBound - 1
        while low < high {
            let a = values[low], b = values[low + (high - low) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }
}
