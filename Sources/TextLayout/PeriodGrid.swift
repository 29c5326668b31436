/// Cells over periods as a grid that fits the terminal: a row per cell, a column per period,
/// then a total and a sparkline; lead indicators and lag indicators in sections of their own.
/// What `:list` shows for a model with periods. The values come formatted: the grid only lays
/// them out.
///
///                 2027-01  2027-02  2027-03    total
///     lead indicators
///     leads           120      126    132.3    378.3  ▁▄█
///     conversion  15%
///
///     lag indicators
///     revenue     $12,000  $12,600  $13,230  $37,830  ▁▄█
///     annual      $37,830
///
/// A cell that does not vary over time (``Row/singleValue(_:_:)``) shows its value once, from
/// where the periods start and across their columns, which it does not widen.
///
/// When not every period fits beside the names, totals and sparklines, the first ones that fit
/// are shown and a last line says which are not (`+ 9 more periods: 2027-04 .. 2027-12`); the
/// sparkline and the total still cover every period. Names are cut (`opportun…`) before a period
/// is dropped below one; numbers never are.
public struct PeriodGrid: Sendable {
    /// One cell: its values already formatted, one per period, its sparkline over all periods,
    /// and its total (nil for a cell that has none, a stock such as a head count).
    public struct Row: Sendable, Hashable {
        public var name: String
        public var values: [String]
        public var sparkline: String
        public var total: String?
        /// A cell that is one value in every period (see ``singleValue(_:_:)``).
        public var isSingleValue = false

        public init(_ name: String, values: [String], sparkline: String, total: String? = nil) {
            self.name = name
            self.values = values
            self.sparkline = sparkline
            self.total = total
        }

        /// A cell that is one value in every period (`conversion = 15%`, `total(revenue)`): the
        /// value once, with no total and no sparkline.
        public static func singleValue(_ name: String, _ value: String) -> Row {
            var row = Row(name, values: [value], sparkline: "")
            row.isSingleValue = true
            return row
        }
    }

    /// Period labels, one per column (`2027-01`).
    public var periods: [String]
    public var leadIndicators: [Row]
    public var lagIndicators: [Row]
    /// The section titles, so a caller can style them (bold, colors).
    public var leadTitle: String
    public var lagTitle: String
    /// False where the output keeps to ASCII: a cut name then ends in `~`, not `…`.
    public var unicode = true

    public init(
        periods: [String], leadIndicators: [Row], lagIndicators: [Row],
        leadTitle: String = "lead indicators", lagTitle: String = "lag indicators"
    ) {
        self.periods = periods
        self.leadIndicators = leadIndicators
        self.lagIndicators = lagIndicators
        self.leadTitle = leadTitle
        self.lagTitle = lagTitle
    }

    /// The narrowest a name gets before periods are dropped.
    static let shortestName = 8

    /// The grid as lines of at most `width` columns (nil: every period, no limit).
    public func render(width: Int?) -> [String] {
        let shown = shownPeriodCount(width: width)
        var lines = table(showing: shown).render(width: width)
        if shown < periods.count {
            let hidden = periods.count - shown
            let range = hidden == 1 ? periods[shown] : "\(periods[shown]) .. \(periods[periods.count - 1])"
            lines += WordWrap.lines("+ \(hidden) more period\(hidden == 1 ? "" : "s"): \(range)", width: width, indent: "  ")
        }
        return lines
    }

    private var rows: [Row] { leadIndicators + lagIndicators }
    private var hasTotals: Bool { rows.contains { $0.total != nil } }
    private var hasSparklines: Bool { rows.contains { !$0.sparkline.isEmpty } }

    /// The most periods that fit with names cut to ``shortestName``; at least one.
    private func shownPeriodCount(width: Int?) -> Int {
        guard let width, periods.count > 1 else { return periods.count }
        let nameWidth = min(rows.map { DisplayWidth.of($0.name) }.max() ?? 0, Self.shortestName)
        let totalWidth = hasTotals ? 2 + max(DisplayWidth.of("total"), rows.map { DisplayWidth.of($0.total ?? "") }.max() ?? 0) : 0
        let sparklineWidth = rows.map { DisplayWidth.of($0.sparkline) }.max() ?? 0
        var used = nameWidth + totalWidth + (sparklineWidth > 0 ? 2 + sparklineWidth : 0)
        let series = rows.filter { !$0.isSingleValue }
        for (index, period) in periods.enumerated() {
            let columnWidth = series.reduce(DisplayWidth.of(period)) { widest, row in
                index < row.values.count ? max(widest, DisplayWidth.of(row.values[index])) : widest
            }
            used += 2 + columnWidth
            if used > width { return max(index, 1) }
        }
        return periods.count
    }

    private func table(showing shown: Int) -> TextTable {
        var columns = [TextColumn(isShrinkable: true, minimumWidth: Self.shortestName)]
        columns += periods.prefix(shown).map { TextColumn($0, alignment: .right) }
        if hasTotals { columns.append(TextColumn("total", alignment: .right)) }
        if hasSparklines { columns.append(TextColumn()) }
        var table = TextTable(columns: columns)
        if !unicode { table.ellipsis = DisplayWidth.asciiEllipsis }
        for (title, section) in [(leadTitle, leadIndicators), (lagTitle, lagIndicators)] where !section.isEmpty {
            table.addSection(title)
            for row in section {
                if row.isSingleValue {
                    table.addSpanningRow(row.name, row.values.first ?? "")
                    continue
                }
                let values = (0..<shown).map { $0 < row.values.count ? row.values[$0] : "" }
                table.addRow([row.name] + values + (hasTotals ? [row.total ?? ""] : []) + (hasSparklines ? [row.sparkline] : []))
            }
        }
        return table
    }
}
