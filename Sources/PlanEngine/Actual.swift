import Formula

/// What really happened to a cell in one period (`actual leads[2027-01] = 95`).
public struct Actual: Sendable, Equatable {
    public let name: String
    public let period: Period
    public let value: Double

    public init(name: String, period: Period, value: Double) {
        self.name = name
        self.period = period
        self.value = value
    }
}

/// One actual to record or replace (`value`), or to take away (`value` nil): the unit of
/// ``Model/setActuals(_:)``, so an import of many rows is one edit with one recompute.
public struct ActualChange: Sendable, Equatable {
    public let name: String
    public let period: Period
    public let value: Double?

    public init(name: String, period: Period, value: Double?) {
        self.name = name
        self.period = period
        self.value = value
    }
}
