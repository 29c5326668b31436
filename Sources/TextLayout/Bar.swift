/// A horizontal bar of block characters for charts in the terminal (histograms, tornado charts),
/// in eighths of a column so small differences still show.
public enum Bar {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `length` columns long (rounded to an eighth), growing rightwards.
    public static func rightwards(_ length: Double) -> String {
        let eighthCount = max(0, Int((length * 8).rounded()))
        return String(repeating: "█", count: eighthCount / 8) + eighths[eighthCount % 8]
    }

    /// A bar `length` whole columns long ending at the right edge of `width` columns, growing leftwards
    /// (block characters only fill from the left, so a left bar is whole columns).
    public static func leftwards(_ length: Double, width: Int) -> String {
        let columns = min(width, max(0, Int(length.rounded())))
        return String(repeating: " ", count: width - columns) + String(repeating: "█", count: columns)
    }
}
