/// One period of a plan: a month (`2027-01`), a quarter (`2027-Q1`), an ISO week (`2027-W01`)
/// or a year (`2027`), as written in a `periods` line, an override or `x[…]`.
///
/// Periods of one kind are ordered and can be stepped through; `ordinal` numbers them so that
/// the distance between two is a subtraction (ISO weeks count 52 or 53 to a year).
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case month, quarter, week, year

        /// `months`, for messages that say what a range mixes.
        var plural: String { rawValue + "s" }
    }

    public let kind: Kind
    public let year: Int
    /// The month (1–12), quarter (1–4) or ISO week (1–53) within the year; 1 for a year.
    public let number: Int

    /// Years a period may name: enough for any plan, small enough that counting weeks stays cheap.
    static let years = 1900...2999

    init(kind: Kind, year: Int, number: Int) {
        self.kind = kind
        self.year = year
        self.number = number
    }

    /// Reads `2027-03`, `2027-Q1`, `2027-W05` or `2027`; the message says what is wrong otherwise.
    public static func parse(_ text: String) -> Result<Period, PeriodError> {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes.prefix(4).allSatisfy(isDigit), let year = Int(String(decoding: bytes.prefix(4), as: UTF8.self)),
              years.contains(year) else { return .failure(.notAPeriod(text)) }
        if bytes.count == 4 { return .success(Period(kind: .year, year: year, number: 1)) }
        guard bytes.count >= 6, bytes[4] == UInt8(ascii: "-") else { return .failure(.notAPeriod(text)) }
        let rest = Array(bytes[5...])
        let kind: Kind
        let digits: [UInt8]
        switch rest[0] {
        case UInt8(ascii: "Q"): (kind, digits) = (.quarter, Array(rest.dropFirst()))
        case UInt8(ascii: "W"): (kind, digits) = (.week, Array(rest.dropFirst()))
        default: (kind, digits) = (.month, rest)
        }
        let expectedDigits = kind == .quarter ? 1 : 2
        guard digits.count == expectedDigits, digits.allSatisfy(isDigit),
              let number = Int(String(decoding: digits, as: UTF8.self)) else { return .failure(.notAPeriod(text)) }
        let period = Period(kind: kind, year: year, number: number)
        guard (1...period.lastNumberOfYear).contains(number) else { return .failure(.noSuchPeriod(text, period)) }
        return .success(period)
    }

    /// `2027-03`, `2027-Q1`, `2027-W05`, `2027`.
    public var description: String {
        switch kind {
        case .month: "\(year)-\(number < 10 ? "0" : "")\(number)"
        case .quarter: "\(year)-Q\(number)"
        case .week: "\(year)-W\(number < 10 ? "0" : "")\(number)"
        case .year: "\(year)"
        }
    }

    /// The highest `number` this period's year has: 12 months, 4 quarters, 52 or 53 weeks, 1 year.
    var lastNumberOfYear: Int {
        switch kind {
        case .month: 12
        case .quarter: 4
        case .week: Self.isoWeeks(in: year)
        case .year: 1
        }
    }

    /// Counts periods of this kind from a fixed origin: `b.ordinal - a.ordinal` is how far apart they are.
    var ordinal: Int {
        switch kind {
        case .month: year * 12 + number - 1
        case .quarter: year * 4 + number - 1
        case .year: year
        case .week: Self.weeksBefore(year) + number - 1
        }
    }

    /// The period `steps` after this one (steps ≥ 0), stepping across years; a loop over years
    /// for weeks, bounded by ``Period/years``.
    func advanced(by steps: Int) -> Period {
        switch kind {
        case .month:
            let index = ordinal + steps
            return Period(kind: kind, year: index / 12, number: index % 12 + 1)
        case .quarter:
            let index = ordinal + steps
            return Period(kind: kind, year: index / 4, number: index % 4 + 1)
        case .year:
            return Period(kind: kind, year: year + steps, number: 1)
        case .week:
            var year = self.year
            var number = self.number + steps
            while number > Self.isoWeeks(in: year) {
                number -= Self.isoWeeks(in: year)
                year += 1
            }
            return Period(kind: kind, year: year, number: number)
        }
    }

    /// The month of the year (1–12) the period falls in: its first month for a quarter or a
    /// year, the month of its Thursday for an ISO week (the day that names an ISO week's year).
    var monthOfYear: Int {
        switch kind {
        case .month: number
        case .quarter: (number - 1) * 3 + 1
        case .year: 1
        case .week: Self.month(ofDay: thursdayOfWeek, in: year)
        }
    }

    /// Day of the year (1 = 1 January, may run past the year's end) of an ISO week's Thursday:
    /// week 1 is the week with the year's first Thursday.
    private var thursdayOfWeek: Int {
        let januaryFirst = Self.weekday(ofJanuaryFirst: year)
        let firstThursday = 5 - januaryFirst + (januaryFirst <= 4 ? 0 : 7)
        return firstThursday + 7 * (number - 1)
    }

    /// Whether a new year starts with this period: `ytd` starts over here.
    var startsYear: Bool { number == 1 }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.kind == rhs.kind ? lhs.ordinal < rhs.ordinal : lhs.kind.rawValue < rhs.kind.rawValue
    }

    // MARK: Calendar

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// 1 = Monday … 7 = Sunday, for 1 January of `year` (Gauss's formula).
    static func weekday(ofJanuaryFirst year: Int) -> Int {
        let previous = year - 1
        let sundayBased = (1 + 5 * (previous % 4) + 4 * (previous % 100) + 6 * (previous % 400)) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }

    /// ISO 8601: a year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    static func isoWeeks(in year: Int) -> Int {
        let first = weekday(ofJanuaryFirst: year)
        return first == 4 || (first == 3 && isLeap(year)) ? 53 : 52
    }

    /// Weeks in the years from the first year a period may name up to `year`, for ordinals.
    private static func weeksBefore(_ year: Int) -> Int {
        var weeks = 0
        var current = years.lowerBound
        while current < year {
            weeks += isoWeeks(in: current)
            current += 1
        }
        return weeks
    }

    /// The month of day `day` of `year` (1 = 1 January); days past the end fall in January, before it in December.
    private static func month(ofDay day: Int, in year: Int) -> Int {
        if day < 1 { return 12 }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var remaining = day
        for (index, length) in lengths.enumerated() {
            if remaining <= length { return index + 1 }
            remaining -= length
        }
        return 1
    }
}

/// Why text is not a period, or a range of periods is not a plan.
public enum PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAPeriod(String)
    case noSuchPeriod(String, Period)
    case backwards(Period, Period)
    case mixedKinds(Period, Period)
    case tooMany(Int)

    public var description: String {
        switch self {
        case .notAPeriod(let text):
            "'\(text)' is not a period: write a month 2027-03, a quarter 2027-Q1, an ISO week 2027-W05 or a year 2027"
        case .noSuchPeriod(let text, let period):
            "\(period.year) has no \(period.kind.rawValue) '\(text)' (1 to \(period.lastNumberOfYear))"
        case .backwards(let first, let last):
            "the range runs backwards: \(first) comes after \(last)"
        case .mixedKinds(let first, let last):
            "a range cannot mix \(first.kind.plural) and \(last.kind.plural): \(first) .. \(last)"
        case .tooMany(let count):
            "a plan has at most \(Timeline.maximumCount) periods; this range has \(count)"
        }
    }
}
