import PlanEngine

/// What a simulation found: for each cell reported, its spread over the trials; for each goal,
/// the share of trials that met it. Kept by the session so `:assert` can read it.
public struct SimulationResult: Sendable {
    /// One cell's values over the trials.
    public struct CellSummary: Sendable {
        public let name: String
        /// How one number stands for the cell's series in each trial (its total, average or last
        /// value, as `:show` sums it up); nil for a cell that does not vary over time.
        public let measure: SeriesMeasure?
        /// The trials' numbers, in no particular order; trials where the cell was an error value are left out.
        public let values: [Double]
        /// Trials where the cell was an error value (`#DIV/0!` …).
        public let errorTrials: Int
        /// The mean of `values`, summed in trial order.
        public let mean: Double
        /// The quantiles at ``fractions``, found once when the run ends.
        let quantiles: [Double]

        /// The quantiles every summary needs: P1 and P99 bound the histogram, P10, P50, P90 are shown.
        static let fractions = [0.01, 0.1, 0.5, 0.9, 0.99]

        init(name: String, measure: SeriesMeasure? = nil, values: [Double], errorTrials: Int, mean: Double) {
            var reordered = values
            quantiles = values.isEmpty ? [] : Quantiles.ofUnsorted(&reordered, Self.fractions)
            self.name = name
            self.measure = measure
            self.values = reordered
            self.errorTrials = errorTrials
            self.mean = mean
        }

        /// The p-quantile (type 7, see ``Quantiles``); nil when every trial was an error.
        public func quantile(_ p: Double) -> Double? {
            guard !values.isEmpty else { return nil }
            if let known = Self.fractions.firstIndex(of: p) { return quantiles[known] }
            return Quantiles.of(values.sorted(), p)
        }

        /// The share of all trials whose number makes `holds` true.
        public func share(where holds: (Double) -> Bool) -> Double {
            values.isEmpty ? 0 : Double(values.count { holds($0) }) / Double(values.count + errorTrials)
        }

        /// The histogram of the numbers between P1 and P99 (see ``Histogram``).
        public var histogram: Histogram {
            Histogram(values, low: quantile(0.01) ?? 0, high: quantile(0.99) ?? 0)
        }
    }

    public let trials: Int
    public let seed: UInt64
    /// The plan's periods (`2027-01` …), empty for a model without a `periods` line.
    public let periods: [String]
    /// The ranges drawn, in file order.
    public let drawn: [String]
    public let cells: [CellSummary]
    /// For each goal given, in order, the share of trials where it held (an error counts as missed).
    public let goalChances: [Double]
    /// For each goal, whether it varies over time (a monthly goal): its chance is then that of
    /// meeting it in every period of a trial.
    public let goalsOverPeriods: [Bool]

    public func cell(named name: String) -> CellSummary? {
        cells.first { $0.name == name }
    }
}
