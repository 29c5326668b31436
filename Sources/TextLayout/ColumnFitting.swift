/// Decides how wide each column of a table is allowed to be.
///
/// When the natural widths do not fit, the widest shrinkable column gives up width
/// first, so a long formula shrinks before a short note does, and columns that are not
/// shrinkable (numbers) keep their full width even if the line then overflows.
enum ColumnFitting {
    /// - Parameters:
    ///   - naturalWidths: the width each column needs to show every cell in full.
    ///   - separatorWidth: the columns taken by all separators together.
    ///   - available: the terminal width, or nil for no limit.
    static func widths(
        naturalWidths: [Int], columns: [TextColumn], separatorWidth: Int, available: Int?
    ) -> [Int] {
        var widths = naturalWidths
        guard let available else { return widths }
        var overflow = widths.reduce(separatorWidth, +) - available
        while overflow > 0 {
            let candidates = widths.indices.filter { index in
                columns[index].isShrinkable && widths[index] > columns[index].minimumWidth
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            // Shrink the widest down to the next widest in one step rather than one column
            // at a time: a formula can be a million characters long.
            let runnerUp = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let floor = max(columns[widest].minimumWidth, runnerUp)
            let step = min(overflow, max(widths[widest] - floor, 1))
            widths[widest] -= step
            overflow -= step
        }
        return widths
    }
}
