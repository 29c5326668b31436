/// The one-variable root finder of goal seek, for callers that build their own function: walks
/// out from a start with doubling steps until the sign changes, then narrows with Brent's method.
public enum RootSearch {
    /// An x in `range` where `gap(x)` is within `tolerance` of zero, nil when none is found
    /// (`gap` returns nil where the function is an error).
    public static func root(
        from start: Double, within range: ClosedRange<Double> = -GoalSeek.defaultSearchLimit...GoalSeek.defaultSearchLimit,
        tolerance: Double, gap: (Double) -> Double?
    ) -> Double? {
        if let startGap = gap(start), abs(startGap) <= tolerance { return start }
        guard let bracket = RootBracket.search(from: start, within: range, gap: gap) else { return nil }
        let root = bracket.refined(gap: gap)
        return abs(root.gap) <= tolerance ? root.x : nil
    }
}
