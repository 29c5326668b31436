import Formula
import PlanEngine

/// Plan versus actual for the cells with actuals (SPEC §7 `:variance`): per period with an actual,
/// the plan, the actual, their difference and the difference as a share of the plan, and a
/// year-to-date line. The plan is the plan as it stood before any actual was recorded
/// (``PlanEngine/Model/plan``), so a missed lead indicator shows in the lag indicators it drives.
public struct Variance: Sendable, Equatable {
    /// One period's plan and actual.
    public struct Entry: Sendable, Equatable {
        /// `2027-01`, or for the year-to-date line `YTD total`, `YTD average`, `YTD latest`.
        public let label: String
        public let plan: Double
        public let actual: Double
        public var difference: Double { actual - plan }
        /// The difference as a share of the plan; nil when the plan is zero.
        public var percent: Double? { plan == 0 ? nil : difference / abs(plan) }
    }

    /// How a cell's periods add up to the year so far: a flow by its total, a level (a stock
    /// carried through `prev`) by its latest value, a rate (a percent) by its average.
    public enum YearToDate: String, Sendable, Equatable {
        case total, latest, average
    }

    public let name: String
    public let isLeadIndicator: Bool
    public let format: DisplayFormat
    public let periods: [Entry]
    public let yearToDate: Entry

    /// The variance of each cell in `names` (every cell with actuals when empty), lead indicators
    /// first, each group in file order; names without actuals come back in `withoutActuals`.
    public static func report(_ model: Model, names: [String] = []) -> (variances: [Variance], withoutActuals: [String]) {
        let plan = model.plan
        let wanted = names.isEmpty ? model.names : names
        var variances: [Variance] = []
        var without: [String] = []
        for name in wanted {
            guard let cell = model[name] else { continue }
            guard !cell.actuals.isEmpty else {
                if !names.isEmpty { without.append(name) }
                continue
            }
            variances.append(variance(of: cell, plan: plan.values(of: name), timeline: model.timeline,
                                      current: model.currentPeriod))
        }
        let ordered = variances.filter(\.isLeadIndicator) + variances.filter { !$0.isLeadIndicator }
        return (names.isEmpty ? ordered : variances, without)
    }

    private static func variance(of cell: Cell, plan: [Value], timeline: Timeline, current: Int) -> Variance {
        let planAt = { (period: Int) in plan[plan.count > 1 ? period : 0].numeric ?? .nan }
        let periods = cell.actuals.keys.sorted()
        let entries = periods.map { Entry(label: timeline.periods[$0].description, plan: planAt($0), actual: cell.actuals[$0] ?? 0) }
        let yearStart = timeline.yearStarts[current]
        let thisYear = periods.filter { $0 >= yearStart && $0 <= current }
        let kind: YearToDate = switch cell.measure {
        case .total: .total
        case .last: .latest
        case .average: .average
        }
        let plans = thisYear.map(planAt)
        let actuals = thisYear.map { cell.actuals[$0] ?? 0 }
        let ytd: Entry = switch kind {
        case .total: Entry(label: "YTD total", plan: plans.reduce(0, +), actual: actuals.reduce(0, +))
        case .latest: Entry(label: "YTD latest", plan: plans.last ?? 0, actual: actuals.last ?? 0)
        case .average:
            Entry(label: "YTD average", plan: plans.reduce(0, +) / Double(max(plans.count, 1)),
                  actual: actuals.reduce(0, +) / Double(max(actuals.count, 1)))
        }
        return Variance(name: cell.name, isLeadIndicator: cell.isLeadIndicator, format: cell.format,
                        periods: entries, yearToDate: ytd)
    }
}
