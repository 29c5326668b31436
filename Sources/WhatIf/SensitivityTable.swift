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
/// Computed on one working copy of the model: each point sets the inputs as
/// literals and the engine recomputes only what depends on them.
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

        // The inner input is set at every point, the outer once per line: put the input
        // that feeds fewer cells inside, whichever way the person ordered the axes.
        var working = model
        let values: [[Value]]
        if let columnDimension,
           case let counts = model.downstreamCounts(of: [rows.name, columnDimension.axis.name]), counts[1] > counts[0] {
            guard let swept = sweep(&working, target: target, outer: columnDimension, inner: rowDimension,
                                    shouldStop: shouldStop) else { return .failure(.interrupted) }
            values = transposed(swept)
        } else {
            guard let swept = sweep(&working, target: target, outer: rowDimension, inner: columnDimension,
                                    shouldStop: shouldStop) else { return .failure(.interrupted) }
            values = swept
        }
        return .success(SensitivityTable(
            target: target.text, targetFormat: target.format(in: model),
            rows: rowDimension, columns: columnDimension, values: values))
    }

    /// `values[outer][inner]`, setting the outer input once per line and the inner one per point;
    /// nil when `shouldStop` says so between two points.
    private static func sweep(
        _ working: inout Model, target: WhatIfTarget, outer: Dimension, inner: Dimension?, shouldStop: () -> Bool
    ) -> [[Value]]? {
        let outerStyle = InputLiteral.style(keeping: outer.format)
        let innerStyle = InputLiteral.style(keeping: inner?.format ?? .number)
        var grid: [[Value]] = []
        grid.reserveCapacity(outer.axis.values.count)
        for outerValue in outer.axis.values {
            if shouldStop() { return nil }
            working.setInput(outer.axis.name, to: outerValue, style: outerStyle)
            guard let inner else {
                grid.append([target.value(in: working)])
                continue
            }
            var line: [Value] = []
            line.reserveCapacity(inner.axis.values.count)
            for innerValue in inner.axis.values {
                // Asked at every point, not every line: a line of a large model takes seconds.
                if shouldStop() { return nil }
                working.setInput(inner.axis.name, to: innerValue, style: innerStyle)
                line.append(target.value(in: working))
            }
            grid.append(line)
        }
        return grid
    }

    private static func transposed(_ grid: [[Value]]) -> [[Value]] {
        guard let width = grid.first?.count else { return [] }
        return (0..<width).map { column in grid.map { $0[column] } }
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
