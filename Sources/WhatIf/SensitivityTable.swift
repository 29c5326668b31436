import Formula
import PlanEngine

/// A one- or two-way sensitivity table: a target's value for every value (or
/// pair of values) of one or two lead indicators, as `:table` shows it.
///
///     let leads = try SensitivityTable.Axis.range(from: 100, to: 200, step: 25)
///     let table = try SensitivityTable.compute(
///         in: model, target: "revenue",
///         rows: .init(name: "leads", values: leads),
///         columns: .init(name: "win_rate", values: [0.25, 0.33, 0.4])).get()
///     table.values[row][column]   // revenue at that leads and win_rate
///
/// Computed on the model compiled once for its inputs (``TargetTrials``): each point sets them as
/// constants and runs only what depends on them, the model itself untouched.
public struct SensitivityTable: Equatable, Sendable {
    /// One axis as computed: its values, how its input is displayed, and which
    /// value is the input's current one (the row or column to mark), if any is.
    public struct Dimension: Equatable, Sendable {
        public let axis: Axis
        public let format: DisplayFormat
        public let baseIndex: Int?
    }

    /// Keeps a request from running for minutes: a 500 × 500 table.
    public static let maximumCells = 250_000
    /// How close (relative to the axis' magnitude) a value must be to the current one to be it.
    private static let baseTolerance = 1e-9

    /// The target as typed: `revenue`, `total(revenue)`.
    public let target: String
    public let targetFormat: DisplayFormat
    public let rows: Dimension
    /// Nil for a one-way table.
    public let columns: Dimension?
    /// `values[row][column]`; a one-way table has one column.
    public let values: [[Value]]

    /// - Parameter shouldStop: asked before every point of the table; returning true (a person
    ///   pressed Ctrl-C) abandons the table with ``WhatIfError/interrupted``.
    public static func compute(
        in model: Model, target: String, rows: Axis, columns: Axis? = nil, shouldStop: () -> Bool = { false }
    ) -> Result<SensitivityTable, WhatIfError> {
        compute(in: model, target: .cell(target), rows: rows, columns: columns, shouldStop: shouldStop)
    }

    /// The table of any single-valued target (`total(revenue)` on a plan with periods). An input
    /// that varies over time (a growth formula) is set to each value as one constant for every
    /// period, its overrides of single periods kept, and has no current value to mark.
    public static func compute(
        in model: Model, target: WhatIfTarget, rows: Axis, columns: Axis? = nil, shouldStop: () -> Bool = { false }
    ) -> Result<SensitivityTable, WhatIfError> {
        if let missing = target.undefinedName(in: model) { return .failure(.unknownCell(missing)) }
        let rowDimension: Dimension
        let columnDimension: Dimension?
        do {
            rowDimension = try dimension(rows, in: model)
            columnDimension = try columns.map { axis throws(WhatIfError) in try dimension(axis, in: model) }
        } catch {
            return .failure(error)
        }
        if let columns, columns.name == rows.name { return .failure(.sameInputOnBothAxes(rows.name)) }
        let cellCount = rows.values.count * (columns?.values.count ?? 1)
        guard cellCount <= maximumCells else { return .failure(.tooManyCells(count: cellCount, limit: maximumCells)) }

        guard let values = sweep(model, target: target, outer: rowDimension, inner: columnDimension, shouldStop: shouldStop)
        else { return .failure(.interrupted) }
        return .success(SensitivityTable(
            target: target.text, targetFormat: target.format(in: model),
            rows: rowDimension, columns: columnDimension, values: values))
    }

    /// `values[outer][inner]`, each point on the model compiled once for the table's inputs
    /// (``TargetTrials``); nil when `shouldStop` says so between two points.
    private static func sweep(
        _ model: Model, target: WhatIfTarget, outer: Dimension, inner: Dimension?, shouldStop: () -> Bool
    ) -> [[Value]]? {
        var trials = TargetTrials(model, target: target, inputs: [outer.axis.name] + (inner.map { [$0.axis.name] } ?? []))
        var grid: [[Value]] = []
        grid.reserveCapacity(outer.axis.values.count)
        for outerValue in outer.axis.values {
            guard let inner else {
                if shouldStop() { return nil }
                grid.append([trials.value(setting: outerValue)])
                continue
            }
            var line: [Value] = []
            line.reserveCapacity(inner.axis.values.count)
            for innerValue in inner.axis.values {
                // Asked at every point, not every line: a line of a large model takes seconds.
                if shouldStop() { return nil }
                line.append(trials.value(setting: outerValue, innerValue))
            }
            grid.append(line)
        }
        return grid
    }

    private static func dimension(_ axis: Axis, in model: Model) throws(WhatIfError) -> Dimension {
        guard let cell = model[axis.name] else { throw .unknownCell(axis.name) }
        guard cell.isLeadIndicator else { throw .inputNotLeadIndicator(axis.name) }
        guard !axis.values.isEmpty else { throw .emptyAxis(axis.name) }
        let current = cell.isSeries ? nil : baseIndex(of: cell.value, in: axis.values)
        return Dimension(axis: axis, format: cell.format, baseIndex: current)
    }

    /// The value nearest the current one, when it is within rounding of it: a range built
    /// with steps lands a hair off (-0.3 + 3 × 0.1 is 5.6e-17, not 0).
    private static func baseIndex(of current: Value, in values: [Double]) -> Int? {
        guard case .number(let base) = current else { return nil }
        let magnitude = values.reduce(abs(base)) { max($0, abs($1)) }
        let tolerance = baseTolerance * magnitude
        let nearest = values.indices.min { abs(values[$0] - base) < abs(values[$1] - base) }
        guard let nearest, abs(values[nearest] - base) <= tolerance else { return nil }
        return nearest
    }
}
