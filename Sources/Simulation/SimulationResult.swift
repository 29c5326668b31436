/// What a simulation found: for each cell reported, its spread over the trials; for each goal,
/// the share of trials that met it. Kept by the session so `:assert` can read it.
public struct SimulationResult: Sendable {
    /// One cell's values over the trials.
    public struct CellSummary: Sendable {
        public let name: String
        /// The trials' numbers, ascending; trials where the cell was an error value are left out.
        public let sorted: [Double]
        /// Trials where the cell was an error value (`#DIV/0!` …).
        public let errorTrials: Int
        /// The mean of `sorted`, summed in trial order.
        public let mean: Double

        /// The p-quantile (type 7, see ``Quantiles``); nil when every trial was an error.
        public func quantile(_ p: Double) -> Double? {
            sorted.isEmpty ? nil : Quantiles.of(sorted, p)
        }

        /// The share of the trials with a number for which `holds` is true.
        public func share(where holds: (Double) -> Bool) -> Double {
            sorted.isEmpty ? 0 : Double(sorted.count { holds($0) }) / Double(sorted.count + errorTrials)
        }
    }

    public let trials: Int
    public let seed: UInt64
    /// The ranges drawn, in file order.
    public let drawn: [String]
    public let cells: [CellSummary]
    /// For each goal given, in order, the share of trials where it held (an error counts as missed).
    public let goalChances: [Double]

    public func cell(named name: String) -> CellSummary? {
        cells.first { $0.name == name }
    }
}
