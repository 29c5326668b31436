/// A series drawn as one line of bar characters, one per value, so a row of a period grid or
/// a changed cell shows its shape at a glance: `▁▂▃▅▆█` for leads that grow every month.
///
///     Sparkline.render([1, 2, 3, 5, 6, 8])                 // "▁▂▃▅▆█"
///     Sparkline.render([1, 2, 3, 5, 6, 8], unicode: false) // "_.-=+#"
///
/// The lowest value gets the lowest bar and the highest the full one; a flat series sits in the
/// middle (`▄▄▄▄`), so it does not pass for a series of zeros. A value that is not a finite
/// number (NaN, ±infinity: an error value upstream) leaves a blank, and the others are scaled
/// without it.
public enum Sparkline {
    /// The eight bar heights, lowest first.
    public static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same heights where the terminal is not UTF-8: a blank stays free for gaps.
    public static let asciiLevels: [Character] = ["_", ".", "-", ":", "=", "+", "*", "#"]
    /// What stands for a value that is not a finite number.
    public static let gap: Character = " "

    /// One character per value. `scale` fixes the range the bars span (to draw several series
    /// against one another); by default it is the series' own lowest to highest finite value.
    /// Values outside `scale` get the lowest or the full bar.
    public static func render(_ values: [Double], unicode: Bool = true, scale: ClosedRange<Double>? = nil) -> String {
        let levels = unicode ? unicodeByteLevels : asciiByteLevels
        let finite = values.filter(\.isFinite)
        guard let low = scale?.lowerBound ?? finite.min(), let high = scale?.upperBound ?? finite.max() else {
            return String(repeating: gap, count: values.count)
        }
        // Built from the bars' UTF-8 bytes: appending characters one by one would break graphemes each time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3)
        for value in values {
            bytes += value.isFinite ? levels[level(of: value, from: low, to: high, count: levels.count)] : gapBytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let unicodeByteLevels = unicodeLevels.map { Array(String($0).utf8) }
    private static let asciiByteLevels = asciiLevels.map { Array(String($0).utf8) }
    private static let gapBytes = Array(String(gap).utf8)

    /// The bar index of `value` on `low ... high` among `count` bars; the middle one when the range is a point.
    static func level(of value: Double, from low: Double, to high: Double, count: Int) -> Int {
        // Halves, so the span of -1e308 ... 1e308 does not overflow to infinity.
        let span = high / 2 - low / 2
        guard span > 0, span.isFinite else { return (count - 1) / 2 }
        let fraction = (value / 2 - low / 2) / span
        let scaled = (fraction * Double(count - 1)).rounded()
        return Int(min(max(scaled, 0), Double(count - 1)))
    }
}
