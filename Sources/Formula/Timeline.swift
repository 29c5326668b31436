/// The periods of a plan (`periods = 2027-01 .. 2027-12`), laid out once so evaluation reads
/// by index: a period's label, its month of the year and where its year began.
///
/// A model without a `periods` line has the one-period timeline ``Timeline/single``, on which
/// every formula evaluates exactly as it did before plans had periods.
public struct Timeline: Sendable, Equatable {
    /// Most periods a plan may have: ten years of months with room to spare, or twenty of weeks.
    public static let maximumCount = 1_000

    /// The single period of a model without a `periods` line.
    public static let single = Timeline(periods: [], months: [1], yearStarts: [0])

    /// Every period in order; empty for ``single``.
    public let periods: [Period]
    /// The month of the year (1–12) of each period: what `month` is.
    public let months: [Int]
    /// For each period, the index of the first period of its year, where `ytd` starts over.
    public let yearStarts: [Int]

    private init(periods: [Period], months: [Int], yearStarts: [Int]) {
        self.periods = periods
        self.months = months
        self.yearStarts = yearStarts
    }

    /// The periods from `first` to `last`, both included: refused when the two are of different
    /// kinds, run backwards or span more than ``maximumCount``.
    public init(from first: Period, to last: Period) throws(PeriodError) {
        guard first.kind == last.kind else { throw .mixedKinds(first, last) }
        guard first <= last else { throw .backwards(first, last) }
        let count = last.ordinal - first.ordinal + 1
        guard count <= Self.maximumCount else { throw .tooMany(count) }
        var periods: [Period] = []
        var yearStarts: [Int] = []
        periods.reserveCapacity(count)
        var current = first
        for index in 0..<count {
            periods.append(current)
            yearStarts.append(index == 0 || current.startsYear ? index : yearStarts[index - 1])
            current = current.advanced(by: 1)
        }
        self.init(periods: periods, months: periods.map(\.monthOfYear), yearStarts: yearStarts)
    }

    /// How many values each cell has: 1 without a `periods` line.
    public var count: Int { months.count }

    /// Whether the model declared periods (else every cell is one value, as in a model of one month).
    public var hasPeriods: Bool { !periods.isEmpty }

    /// Where `period` falls in the plan, nil when it is outside (or of another kind).
    public func index(of period: Period) -> Int? {
        guard let first = periods.first, first.kind == period.kind else { return nil }
        let index = period.ordinal - first.ordinal
        return periods.indices.contains(index) ? index : nil
    }

    /// `2028-03 is outside the plan (2027-01 .. 2027-12)`.
    public static func outside(_ period: Period, of timeline: Timeline) -> String {
        if let first = timeline.periods.first, first.kind != period.kind {
            return "\(period) is a \(period.kind.rawValue), but the plan counts \(first.kind.plural) (\(timeline.description))"
        }
        return "\(period) is outside the plan (\(timeline.description))"
    }

    /// `2027-01 .. 2027-12`, as a periods line writes it.
    public var description: String {
        guard let first = periods.first, let last = periods.last else { return "one period" }
        return "\(first) .. \(last)"
    }
}
