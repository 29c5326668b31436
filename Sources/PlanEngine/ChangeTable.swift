import Formula

/// The changes of one recompute as rows of one shared table, each ``CellChange`` a row of it.
///
/// An edit at the root of a plan changes every cell, and the change display shows a few dozen
/// and counts the rest: a row is a few plain fields, the names are the model's own list (by
/// id, shared, not copied), and the series before and after of every changed cell sit in one
/// array (``SeriesValues``), read only when a change is asked for its ``SeriesChange``.
final class ChangeTable: Sendable {
    /// One changed cell, in 40 bytes: a million of them make one edit.
    struct Row: Sendable {
        let old: Value?
        let new: Value?
        private let nameIndex: Int32
        /// -1 for a single value.
        private let seriesIndex: Int32
        let format: DisplayFormat
        let oldFormat: DisplayFormat
        let isLeadIndicator: Bool
        let isStock: Bool

        init(name: Int, old: Value?, new: Value?, format: DisplayFormat, oldFormat: DisplayFormat, isLeadIndicator: Bool,
             isStock: Bool, series: Int?) {
            self.old = old
            self.new = new
            nameIndex = Int32(name)
            seriesIndex = series.map(Int32.init) ?? -1
            self.format = format
            self.oldFormat = oldFormat
            self.isLeadIndicator = isLeadIndicator
            self.isStock = isStock
        }

        /// Where the cell's name is in ``ChangeTable/names``.
        var name: Int { Int(nameIndex) }
        /// Where its series is in ``ChangeTable/series``; nil for a single value.
        var series: Int? { seriesIndex < 0 ? nil : Int(seriesIndex) }
    }

    /// Where one series' values before and after are in ``ChangeTable/values``.
    struct Series: Sendable {
        let old: Range<Int>?
        let new: Range<Int>
        let periods: ClosedRange<Int>?
    }

    let names: [String]
    let rows: [Row]
    let series: [Series]
    let values: SeriesValues

    init(names: [String], rows: [Row], series: [Series], values: SeriesValues) {
        self.names = names
        self.rows = rows
        self.series = series
        self.values = values
    }

    func seriesChange(of row: Int) -> SeriesChange? {
        rows[row].series.map { index in
            let span = series[index]
            return SeriesChange(values, old: span.old, new: span.new, periods: span.periods)
        }
    }
}
