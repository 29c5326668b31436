/// Two input values between which the target crosses the goal: the interval a
/// root finder can narrow down without ever losing the root.
///
/// `gap` is target − goal at `x`; the two ends have gaps of opposite signs, or
/// one end's gap is zero (a root already hit).
struct RootBracket: Equatable {
    struct Point: Equatable {
        var x: Double
        var gap: Double
    }

    var first: Point
    var second: Point

    /// One percent of the start value (or of 1 near zero): small enough to find the
    /// root nearest the current value, large enough to reach 10^12 in under fifty doublings.
    private static let firstStepFraction = 0.01

    /// Walks outward from `start` in both directions at once, doubling the step each time,
    /// until the gap changes sign between two consecutive points of one direction, or both
    /// directions reach the ends of `range`. Points where the target is an error (`gap`
    /// returns nil) are skipped. Returns nil when no sign change was seen.
    static func search(from start: Double, within range: ClosedRange<Double>, gap: (Double) -> Double?) -> RootBracket? {
        var lastValid: [Point?] = [nil, nil]
        // Where each direction last met an error, until it first meets a value.
        var lastError: [Double?] = [start, start]
        if let startGap = gap(start) {
            let point = Point(x: start, gap: startGap)
            if startGap == 0 { return RootBracket(first: point, second: point) }
            lastValid = [point, point]
            lastError = [nil, nil]
        }
        let signs: [Double] = [1, -1]
        var finished = [start >= range.upperBound, start <= range.lowerBound]
        var offset = max(abs(start), 1) * firstStepFraction
        while finished.contains(false) {
            for direction in signs.indices where !finished[direction] {
                let unclamped = start + signs[direction] * offset
                let x = min(max(unclamped, range.lowerBound), range.upperBound)
                // Stop at the end of the range, or where the step no longer moves x (huge start values).
                if x != unclamped || x == start { finished[direction] = true }
                guard x != start else { continue }
                guard let value = gap(x) else {
                    if lastValid[direction] == nil { lastError[direction] = x }
                    continue
                }
                let point = Point(x: x, gap: value)
                if value == 0 { return RootBracket(first: point, second: point) }
                // Coming out of a region of errors, the doubling steps may have jumped past the
                // root: find where the values start and compare from there.
                if lastValid[direction] == nil, let errorX = lastError[direction] {
                    let edge = validEdge(between: errorX, and: point, gap: gap)
                    if edge.gap == 0 { return RootBracket(first: edge, second: edge) }
                    lastValid[direction] = edge
                }
                if let last = lastValid[direction], (last.gap < 0) != (value < 0) {
                    return RootBracket(first: last, second: point)
                }
                lastValid[direction] = point
            }
            offset *= 2
        }
        return nil
    }

    /// The valid point nearest `errorX` between it (where the target is an error) and `valid`,
    /// by bisection: the edge of the region where the target has values.
    private static func validEdge(between errorX: Double, and valid: Point, gap: (Double) -> Double?) -> Point {
        var inError = errorX
        var edge = valid
        for _ in 0..<64 {
            let middle = inError + (edge.x - inError) / 2
            guard middle != inError, middle != edge.x else { break }
            if let value = gap(middle) { edge = Point(x: middle, gap: value) } else { inError = middle }
        }
        return edge
    }

    /// Brent's method: inverse quadratic interpolation and secant steps where they behave,
    /// bisection where they do not, so it converges fast on smooth targets and never fails
    /// on kinked or stepped ones (`min`, `if`). Narrows the bracket to a few units in the last
    /// place and returns the end whose gap is smallest. Where the target turns out to be an
    /// error inside the bracket, it tries the midpoint instead, and stops if that is one too.
    func refined(maximumIterations: Int = 200, gap: (Double) -> Double?) -> Point {
        var b = first
        var a = second
        if b.gap == 0 || a.gap == 0 { return b.gap == 0 ? b : a }
        var c = a
        var step = b.x - a.x
        var previousStep = step
        for _ in 0..<maximumIterations {
            if (b.gap > 0) == (c.gap > 0) {
                c = a
                step = b.x - a.x
                previousStep = step
            }
            if abs(c.gap) < abs(b.gap) {
                a = b
                b = c
                c = a
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b.x) + Double.leastNormalMagnitude
            let halfInterval = 0.5 * (c.x - b.x)
            if abs(halfInterval) <= tolerance || b.gap == 0 { return b }
            if abs(previousStep) < tolerance || abs(a.gap) <= abs(b.gap) {
                step = halfInterval
                previousStep = halfInterval
            } else {
                let interpolated = Self.interpolationStep(a: a, b: b, c: c, halfInterval: halfInterval)
                let limit = min(3 * halfInterval * interpolated.q - abs(tolerance * interpolated.q),
                                abs(previousStep * interpolated.q))
                if 2 * interpolated.p < limit {
                    previousStep = step
                    step = interpolated.p / interpolated.q
                } else {
                    step = halfInterval
                    previousStep = halfInterval
                }
            }
            a = b
            let move = abs(step) > tolerance ? step : (halfInterval > 0 ? tolerance : -tolerance)
            let candidate = b.x + move
            if let value = gap(candidate) {
                b = Point(x: candidate, gap: value)
            } else {
                let midpoint = b.x + halfInterval
                guard let value = gap(midpoint) else { return b }
                b = Point(x: midpoint, gap: value)
                step = halfInterval
                previousStep = halfInterval
            }
        }
        return abs(b.gap) <= abs(c.gap) ? b : c
    }

    /// The secant step (two distinct points) or inverse quadratic step (three), as the
    /// fraction p/q with p ≥ 0, the form Brent's acceptance test compares against.
    private static func interpolationStep(a: Point, b: Point, c: Point, halfInterval: Double) -> (p: Double, q: Double) {
        let s = b.gap / a.gap
        var p: Double
        var q: Double
        if a.x == c.x {
            p = 2 * halfInterval * s
            q = 1 - s
        } else {
            let qa = a.gap / c.gap
            let r = b.gap / c.gap
            p = s * (2 * halfInterval * qa * (qa - r) - (b.x - a.x) * (r - 1))
            q = (qa - 1) * (r - 1) * (s - 1)
        }
        if p > 0 { q = -q } else { p = -p }
        return (p, q)
    }
}
