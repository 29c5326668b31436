/// A chart of one or more series over the periods of a plan, as lines of terminal text: what
/// `:plot revenue wins` draws. It knows nothing of models: the caller gives the numbers, the
/// period labels and how to write a y value (the cell's format).
///
///     $19,800 ┤          ⢀⡠⠔⠉
///             │     ⢀⡠⠔⠉
///     $12,000 ┤⣀⠤⠔⠉
///             └──────────────
///              2027-01  2027-04
///
/// - A line chart draws each plan series with braille dots (2 × 4 dots a character), a bar
///   chart with block characters (in eighths of a row for one series, side by side and in
///   their own shades for several).
/// - An actual series (``Series/Kind/actual``) is drawn as a marker at each of its values
///   (`○`), never as a line, so plan and actual are told apart; with several plan series,
///   each puts its own marker (`●` `■` `▲` `◆`) on its values, and a legend names them.
/// - The y axis spans the lowest to the highest finite value (from zero for bars), labelled
///   at the top, the bottom and about every third row, each label the row's value rounded to a
///   digit finer than the step between rows (`$213,000`, not `$212,631.44`); the x axis labels
///   periods, thinned to an even step so they do not run into one another.
/// - A value that is not a finite number is left out: the line breaks there.
/// - Without Unicode everything is ASCII: markers (`*` `+` `x` `%`, `o` for actuals) at the
///   values instead of braille lines, `#` `=` `:` `%` for bars, `|` `+` `-` for the axes.
public struct SeriesChart: Sendable {
    /// One named series, a value per period (`values.count` may be less than the periods: the
    /// rest are missing, as actuals are for periods still to come).
    public struct Series: Sendable {
        /// What a series is, which decides how it is drawn.
        public enum Kind: Sendable {
            /// The plan: a line (or bars).
            case plan
            /// What really happened: a marker per value.
            case actual
        }

        public var name: String
        public var values: [Double]
        public var kind: Kind

        public init(_ name: String, values: [Double], kind: Kind = .plan) {
            self.name = name
            self.values = values
            self.kind = kind
        }
    }

    /// How plan series are drawn.
    public enum Style: Sendable {
        case line
        case bars
    }

    public var series: [Series]
    /// One label per period (`2027-01`), in order.
    public var periods: [String]
    /// Writes a y value in the series' format (`$12,000`, `15%`).
    public var yLabel: @Sendable (Double) -> String
    /// Columns the whole chart may take, labels included; the plot keeps at least one column
    /// when the y labels leave no room, and the lines are then wider.
    public var width: Int
    /// Rows of the plot area; the x axis, its labels and the legend come below it.
    public var height: Int
    public var unicode: Bool
    public var style: Style

    public init(
        series: [Series], periods: [String], yLabel: @escaping @Sendable (Double) -> String,
        width: Int, height: Int, unicode: Bool = true, style: Style = .line
    ) {
        self.series = series
        self.periods = periods
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.unicode = unicode
        self.style = style
    }

    /// Plan markers, for several plan series; then the marker of actual series.
    static let unicodeMarkers: [Character] = ["●", "■", "▲", "◆"]
    static let asciiMarkers: [Character] = ["*", "+", "x", "%"]
    static let unicodeBarShades: [Character] = ["█", "▓", "▒", "░"]
    static let asciiBarShades: [Character] = ["#", "=", ":", "%"]

    /// The chart as lines, none wider than `width` columns (nor with trailing spaces).
    public func render() -> [String] {
        let rows = max(height, 2)
        let range = valueRange()
        let axisLabels = labelledRows(rows: rows, range: range)
        let labelWidth = axisLabels.values.map(DisplayWidth.of).max() ?? 0
        let plotWidth = max(width - labelWidth - 2, 1)
        var canvas = Canvas(width: plotWidth, height: rows)
        switch style {
        case .line: drawLines(on: &canvas, range: range)
        case .bars: drawBars(on: &canvas, range: range)
        }
        drawActuals(on: &canvas, range: range)

        var lines: [String] = []
        for row in 0..<rows {
            let label = axisLabels[row].map { DisplayWidth.padded($0, toWidth: labelWidth, alignment: .right) }
                ?? String(repeating: " ", count: labelWidth)
            let tick = axisLabels[row] == nil ? (unicode ? "│" : "|") : (unicode ? "┤" : "+")
            lines.append(trimmed(label + " " + tick + canvas.text(row: row, unicode: unicode)))
        }
        let corner = unicode ? "└" : "+"
        let rule = String(repeating: unicode ? "─" : "-", count: plotWidth)
        lines.append(String(repeating: " ", count: labelWidth + 1) + corner + rule)
        if let periodLine = periodLabels(plotWidth: plotWidth) {
            lines.append(trimmed(String(repeating: " ", count: labelWidth + 2) + periodLine))
        }
        lines += legend()
        return lines
    }

    // MARK: Scale

    /// The lowest and highest finite value of every series; from zero for bars; widened by a
    /// tenth of the value either way when flat (by one around zero), so a flat series is drawn
    /// across the middle on an axis in its own units (15% gets 13.5% ... 16.5%, not -85% ... 115%).
    private func valueRange() -> ClosedRange<Double> {
        let finite = series.flatMap(\.values).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 0
        if style == .bars {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            let margin = low == 0 ? 1 : abs(low) / 10
            low -= margin
            high += margin
        }
        return low...high
    }

    /// The rows that get a y label (top, bottom, about every third between), with their label.
    private func labelledRows(rows: Int, range: ClosedRange<Double>) -> [Int: String] {
        let step = 3
        let rowStep = (range.upperBound / 2 - range.lowerBound / 2) * 2 / Double(rows - 1)
        let label = { (value: Double) in yLabel(Self.rounded(value, finerThan: rowStep)) }
        var labels: [Int: String] = [:]
        for row in stride(from: rows - 1, through: 0, by: -step) {
            labels[row] = label(value(atRow: row, rows: rows, range: range))
        }
        // The top always, and a label of the stride right under it makes way (unless it is the bottom).
        if labels[0] == nil {
            if labels[1] != nil && rows > 2 { labels[1] = nil }
            labels[0] = label(range.upperBound)
        }
        return labels
    }

    /// `value` rounded to the power of ten one below the largest that fits in `step`: 212,631.44
    /// with rows 22,000 apart is 213,000; 0.15341 with rows 0.003 apart is 0.1534. Unchanged when
    /// `step` is not a positive finite number.
    static func rounded(_ value: Double, finerThan step: Double) -> Double {
        guard step > 0, step.isFinite else { return value }
        var exponent = 0
        var power = 1.0
        while power * 10 <= step { power *= 10; exponent += 1 }
        while power > step { power /= 10; exponent -= 1 }
        exponent -= 1
        // Exact powers of ten (10, 100, …) on either side, so 0.1 × 3 never shows as 0.30000000000000004.
        var scale = 1.0
        for _ in 0..<abs(exponent) { scale *= 10 }
        let result = exponent < 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
        return result.isFinite ? result : value
    }

    /// The value a row stands for: the top row the highest, the bottom one the lowest.
    private func value(atRow row: Int, rows: Int, range: ClosedRange<Double>) -> Double {
        let fraction = Double(rows - 1 - row) / Double(rows - 1)
        return range.lowerBound + (range.upperBound / 2 - range.lowerBound / 2) * 2 * fraction
    }

    /// Where `value` falls on `0 ..< count` steps from the bottom, nil when it is not finite.
    private static func step(of value: Double, range: ClosedRange<Double>, count: Int) -> Int? {
        guard value.isFinite else { return nil }
        return Sparkline.level(of: value, from: range.lowerBound, to: range.upperBound, count: count)
    }

    /// The x position of a period among `positions` columns (or dots).
    private func position(ofPeriod index: Int, among positions: Int) -> Int {
        let count = max(periods.count, series.map(\.values.count).max() ?? 0)
        guard count > 1 else { return positions / 2 }
        return Int((Double(index) * Double(positions - 1) / Double(count - 1)).rounded())
    }

    // MARK: Drawing

    private var planSeries: [Series] { series.filter { $0.kind == .plan } }
    private var markers: [Character] { unicode ? Self.unicodeMarkers : Self.asciiMarkers }
    private var actualMarker: Character { unicode ? "○" : "o" }

    /// Where a period's value falls, in braille dots (2 across, 4 down a character); nil when it is not finite.
    private func dot(period: Int, value: Double, range: ClosedRange<Double>, canvas: Canvas) -> (x: Int, y: Int)? {
        let dotRows = canvas.height * 4
        guard let level = Self.step(of: value, range: range, count: dotRows) else { return nil }
        return (x: position(ofPeriod: period, among: canvas.width * 2), y: dotRows - 1 - level)
    }

    private func drawLines(on canvas: inout Canvas, range: ClosedRange<Double>) {
        let plans = planSeries
        for (index, plan) in plans.enumerated() {
            let points = plan.values.indices.map { dot(period: $0, value: plan.values[$0], range: range, canvas: canvas) }
            if unicode {
                for (previous, point) in zip([nil] + points.dropLast(), points) {
                    guard let point else { continue }
                    canvas.drawDots(from: previous ?? point, to: point)
                }
            }
            // Markers where a reader must tell the series apart (or where there are no lines).
            guard plans.count > 1 || !unicode else { continue }
            for case let point? in points {
                canvas.put(markers[index % markers.count], x: point.x / 2, y: point.y / 4)
            }
        }
    }

    private func drawBars(on canvas: inout Canvas, range: ClosedRange<Double>) {
        let plans = planSeries
        guard !plans.isEmpty else { return }
        let shades = unicode ? Self.unicodeBarShades : Self.asciiBarShades
        let eighths = canvas.height * 8
        let zero = Self.step(of: 0, range: range, count: eighths + 1) ?? 0
        for (index, plan) in plans.enumerated() {
            for (period, value) in plan.values.enumerated() {
                guard let top = Self.step(of: value, range: range, count: eighths + 1) else { continue }
                let x = barColumn(period: period, series: index, of: plans.count, plotWidth: canvas.width)
                let fill = shades[index % shades.count]
                // In eighths of a row from the bottom: the bar covers zero ... top (or top ... zero).
                let (from, to) = (min(zero, top), max(zero, top))
                for row in 0..<canvas.height {
                    let rowBottom = (canvas.height - 1 - row) * 8
                    let covered = min(to, rowBottom + 8) - max(from, rowBottom)
                    guard covered > 0 else { continue }
                    let partial = plans.count == 1 && unicode && covered < 8 && to < rowBottom + 8 && value > 0
                    canvas.put(partial ? Sparkline.unicodeLevels[covered - 1] : fill, x: x, y: row)
                }
            }
        }
    }

    /// The column of one series' bar in a period: the series side by side around the period's
    /// place, moved inward at either end of the axis so none covers another.
    private func barColumn(period: Int, series index: Int, of count: Int, plotWidth: Int) -> Int {
        let center = position(ofPeriod: period, among: plotWidth)
        let first = min(max(center - (count - 1) / 2, 0), max(plotWidth - count, 0))
        return min(first + index, plotWidth - 1)
    }

    private func drawActuals(on canvas: inout Canvas, range: ClosedRange<Double>) {
        for actual in series where actual.kind == .actual {
            for (period, value) in actual.values.enumerated() {
                guard let point = dot(period: period, value: value, range: range, canvas: canvas) else { continue }
                canvas.put(actualMarker, x: point.x / 2, y: point.y / 4)
            }
        }
    }

    // MARK: Axis and legend

    /// The period labels under the axis: every k-th, for the smallest k that keeps a space
    /// between neighbours and every label inside the plot. Nil when not even one fits.
    private func periodLabels(plotWidth: Int) -> String? {
        guard !periods.isEmpty else { return nil }
        for step in 1...periods.count {
            var line = ""
            var fits = true
            for index in stride(from: 0, to: periods.count, by: step) {
                let label = periods[index]
                let labelWidth = DisplayWidth.of(label)
                let start = min(max(position(ofPeriod: index, among: plotWidth) - labelWidth / 2, 0), plotWidth - labelWidth)
                let used = DisplayWidth.of(line)
                guard start >= 0, start >= used + (used == 0 ? 0 : 1) else {
                    fits = false
                    break
                }
                line += String(repeating: " ", count: start - used) + label
            }
            if fits { return line }
        }
        return nil
    }

    /// `● revenue  ■ costs  ○ revenue (actual)`, wrapped to the width; none for a single series.
    private func legend() -> [String] {
        guard series.count > 1 else { return [] }
        let plans = planSeries
        let shades = unicode ? Self.unicodeBarShades : Self.asciiBarShades
        var entries: [String] = []
        for (index, plan) in plans.enumerated() {
            let symbol: Character
            switch style {
            case .line: symbol = plans.count > 1 || !unicode ? markers[index % markers.count] : "─"
            case .bars: symbol = shades[index % shades.count]
            }
            entries.append("\(symbol) \(plan.name)")
        }
        for actual in series where actual.kind == .actual {
            entries.append("\(actualMarker) \(actual.name) (actual)")
        }
        return wrappedLegend(entries)
    }

    /// Legend entries joined by two spaces, a new line where the next would not fit.
    private func wrappedLegend(_ entries: [String]) -> [String] {
        var lines: [String] = []
        var current = ""
        for entry in entries {
            if current.isEmpty {
                current = entry
            } else if DisplayWidth.of(current) + 2 + DisplayWidth.of(entry) <= width {
                current += "  " + entry
            } else {
                lines.append(current)
                current = entry
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private func trimmed(_ line: String) -> String {
        var text = line
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// The plot area as a grid of characters, with braille dots for lines.
private struct Canvas {
    let width: Int
    let height: Int
    /// Braille dot bits per character (0 for none), and characters put over them.
    private var dots: [[UInt8]]
    private var marks: [[Character?]]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        dots = Array(repeating: Array(repeating: 0, count: width), count: height)
        marks = Array(repeating: Array(repeating: nil, count: width), count: height)
    }

    /// The bit of the braille dot in column `dx` (0, 1) and row `dy` (0 ... 3) of a character.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func put(_ mark: Character, x: Int, y: Int) {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return }
        marks[y][x] = mark
    }

    mutating func setDot(x: Int, y: Int) {
        guard (0..<width * 2).contains(x), (0..<height * 4).contains(y) else { return }
        dots[y / 4][x / 2] |= Self.dotBits[x % 2][y % 4]
    }

    /// A straight line of dots between two dot positions (Bresenham's, in a loop).
    mutating func drawDots(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) {
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            setDot(x: x, y: y)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    func text(row: Int, unicode: Bool) -> String {
        String((0..<width).map { column -> Character in
            if let mark = marks[row][column] { return mark }
            let bits = dots[row][column]
            guard bits != 0, unicode, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else { return " " }
            return Character(scalar)
        })
    }
}
