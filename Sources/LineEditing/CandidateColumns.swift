/// Lays out completion candidates in columns that fit the terminal, the way `ls` does.
///
/// Candidates run down each column, then across; each column is as wide as the widest
/// candidate plus a gap. Widths count characters, which is right for the names, commands and
/// paths completed here (it would under-count double-width characters).
public enum CandidateColumns {
    /// Spaces between two columns.
    public static let gap = 2

    /// The lines to print, without trailing spaces; one column when `width` is too narrow.
    ///
    ///     layout(["alpha", "beta", "gamma"], width: 12)  // ["alpha  gamma", "beta"]
    public static func layout(_ candidates: [String], width: Int) -> [String] {
        guard let widest = candidates.map(\.count).max() else { return [] }
        let columnWidth = widest + gap
        let fitting = max(1, (width + gap) / columnWidth)
        let rowCount = (candidates.count + fitting - 1) / fitting
        return (0..<rowCount).map { row in
            let cells = stride(from: row, to: candidates.count, by: rowCount).map { candidates[$0] }
            let padded = cells.dropLast().map { $0 + String(repeating: " ", count: columnWidth - $0.count) }
            return (padded + [cells.last ?? ""]).joined()
        }
    }
}
