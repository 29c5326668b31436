import Formula

/// One cell whose value (or display format) changed because of an edit:
/// exactly what the REPL prints after a definition.
///
/// For a series, `old` and `new` are its summaries (see ``SeriesMeasure``) and `series` holds every period.
/// A change is a row of the table its recompute filled (``ChangeTable``): a list of a million
/// changes is a million references to one table, not a million copies of names and values.
public struct CellChange: Sendable, Equatable {
    private let table: ChangeTable
    private let row: Int

    public var name: String { table.names[table.rows[row].name] }
    /// nil when the cell did not exist before the edit.
    public var old: Value? { table.rows[row].old }
    /// nil when the edit deleted the cell.
    public var new: Value? { table.rows[row].new }
    /// The values per period, when the cell is a series (or was one before the edit).
    public var series: SeriesChange? { table.seriesChange(of: row) }
    /// Whether the series is a level, through `prev` or a running total (summed up by its last value, not its total).
    public var isStock: Bool { table.rows[row].isStock }
    /// What `old` and `new` stand for when the cell is a series.
    public var measure: SeriesMeasure { SeriesMeasure(isStock: isStock, format: format) }
    /// The display format now (for a deleted cell, the one it had).
    public var format: DisplayFormat { table.rows[row].format }
    /// The display format the old value had: `0.15 → 20%` reads wrong, `15% → 0.2` right.
    public var oldFormat: DisplayFormat { table.rows[row].oldFormat }
    public var isLeadIndicator: Bool { table.rows[row].isLeadIndicator }

    public init(
        name: String, old: Value?, new: Value?, format: DisplayFormat, oldFormat: DisplayFormat? = nil,
        isLeadIndicator: Bool, series: SeriesChange? = nil, isStock: Bool = false
    ) {
        let row = ChangeTable.Row(
            name: 0, old: old, new: new, format: format, oldFormat: oldFormat ?? format, isLeadIndicator: isLeadIndicator,
            isStock: isStock, series: series.map { _ in 0 })
        let spans = series.map { [ChangeTable.Series(old: $0.oldRange, new: $0.newRange, periods: $0.periods)] } ?? []
        self.init(ChangeTable(names: [name], rows: [row], series: spans, values: series?.values ?? SeriesValues.none), row: 0)
    }

    /// Row `row` of `table`.
    init(_ table: ChangeTable, row: Int) {
        self.table = table
        self.row = row
    }

    public static func == (lhs: CellChange, rhs: CellChange) -> Bool {
        lhs.name == rhs.name && lhs.old == rhs.old && lhs.new == rhs.new && lhs.format == rhs.format
            && lhs.oldFormat == rhs.oldFormat && lhs.isLeadIndicator == rhs.isLeadIndicator && lhs.isStock == rhs.isStock
            && lhs.series == rhs.series
    }
}

extension CellChange {
    /// The change of deleting `cell`: its value (a series by its summary, with its periods) gone.
    public static func removal(of cell: Cell) -> CellChange {
        CellChange(
            name: cell.name, old: cell.summary, new: nil, format: cell.format, isLeadIndicator: cell.isLeadIndicator,
            series: cell.isSeries ? SeriesChange(old: cell.values, new: [], periods: nil) : nil, isStock: cell.isStock)
    }
}

/// A series before and after an edit.
///
/// Its values may live in an array shared with the other series one recompute changed
/// (``SeriesValues``): `old` and `new` are read out of it when asked.
public struct SeriesChange: Sendable, Equatable {
    let values: SeriesValues
    let oldRange: Range<Int>?
    let newRange: Range<Int>
    /// The first and last period whose value moved; nil when only the format changed.
    public let periods: ClosedRange<Int>?

    /// nil for a cell the edit created.
    public var old: [Value]? { oldRange.map { Array(values.values[$0]) } }
    public var new: [Value] { Array(values.values[newRange]) }

    public init(old: [Value]?, new: [Value], periods: ClosedRange<Int>?) {
        let oldCount = old?.count ?? 0
        self.init(SeriesValues((old ?? []) + new), old: old.map { _ in 0..<oldCount },
                  new: oldCount..<oldCount + new.count, periods: periods)
    }

    /// A series whose values before and after are at `old` and `new` in `values`.
    init(_ values: SeriesValues, old: Range<Int>?, new: Range<Int>, periods: ClosedRange<Int>?) {
        self.values = values
        oldRange = old
        newRange = new
        self.periods = periods
    }

    public static func == (lhs: SeriesChange, rhs: SeriesChange) -> Bool {
        lhs.periods == rhs.periods && lhs.old == rhs.old && lhs.new == rhs.new
    }
}

/// The values of the series one recompute changed, before and after, in one array.
final class SeriesValues: Sendable {
    let values: [Value]

    /// What the changes of single values share.
    static let none = SeriesValues([])

    init(_ values: [Value]) {
        self.values = values
    }
}

extension CellChange {
    /// The changes of several edits made as one (`:calibrate apply`, `:scenario new`) as one list:
    /// each cell once, from its value before the first edit to its value after the last; lead
    /// indicators first, each side in the order the cells first moved. A cell that moved and came
    /// back is left out.
    public static func combining(_ lists: [[CellChange]]) -> [CellChange] {
        var order: [String] = []
        var combined: [String: CellChange] = [:]
        for change in lists.joined() {
            guard let earlier = combined[change.name] else {
                order.append(change.name)
                combined[change.name] = change
                continue
            }
            combined[change.name] = earlier.followed(by: change)
        }
        let changes = order.compactMap { combined[$0] }.filter(\.isChange)
        return changes.filter(\.isLeadIndicator) + changes.filter { !$0.isLeadIndicator }
    }

    /// This change and a later one of the same cell as one.
    private func followed(by later: CellChange) -> CellChange {
        var series: SeriesChange?
        if let first = self.series, let last = later.series {
            series = SeriesChange(old: first.old, new: last.new, periods: SeriesChange.moved(from: first.old ?? [], to: last.new))
        } else {
            series = later.series ?? self.series
        }
        return CellChange(
            name: name, old: old, new: later.new, format: later.format, oldFormat: oldFormat,
            isLeadIndicator: later.isLeadIndicator, series: series, isStock: later.isStock)
    }

    /// Whether anything shown moved: a value, a period's value, a format, or the cell's existence.
    private var isChange: Bool {
        if old != new || format != oldFormat { return true }
        guard let series else { return false }
        return series.old != series.new
    }
}

extension SeriesChange {
    /// The first and last period whose value differs; nil when none does.
    static func moved(from old: [Value], to new: [Value]) -> ClosedRange<Int>? {
        let count = max(old.count, new.count)
        let differs = { (index: Int) in index >= old.count || index >= new.count || old[index] != new[index] }
        guard let first = (0..<count).first(where: differs), let last = (0..<count).last(where: differs) else { return nil }
        return first...last
    }
}
