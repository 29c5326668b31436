#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A belief about a lead indicator that is not known exactly: `25% to 40%`, `normal(120, 20)`.
///
/// Planners rarely know next quarter's win rate; they believe "somewhere between 25% and 40%".
/// A distribution keeps that belief in the model: plain evaluation uses its ``mean`` (so goal
/// seek, tables and scenarios work unchanged), and a simulation draws from it through
/// ``quantile(_:)``, the inverse of its cumulative distribution, one uniform number per draw.
///
/// Two ways to give a lognormal or a normal, both as a 90% interval (5% below `low`, 5% above
/// `high`), as Guesstimate and Squiggle read `5 to 10`:
/// - `low to high`: lognormal when both ends are above zero, normal otherwise;
/// - `lognormal(low, high)`: always lognormal (both ends must be above zero).
public enum Distribution: Sendable, Equatable {
    case normal(mean: Double, standardDeviation: Double)
    /// The logarithm of the value is normal with mean `mu` and standard deviation `sigma`.
    case lognormal(mu: Double, sigma: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)

    /// The z-score of the 95th percentile of a standard normal: a 90% interval spans ±z.
    public static let z95 = 1.6448536269514722

    /// The lognormal whose 5th and 95th percentiles are `low` and `high` (both above zero):
    /// mu is the mean of their logarithms, sigma half their distance over z95.
    public static func lognormal(fifthPercentile low: Double, ninetyFifthPercentile high: Double) -> Distribution {
        .lognormal(mu: (log(low) + log(high)) / 2, sigma: (log(high) - log(low)) / (2 * z95))
    }

    /// The normal whose 5th and 95th percentiles are `low` and `high`.
    public static func normal(fifthPercentile low: Double, ninetyFifthPercentile high: Double) -> Distribution {
        .normal(mean: (low + high) / 2, standardDeviation: (high - low) / (2 * z95))
    }

    public var mean: Double {
        switch self {
        case .normal(let mean, _): mean
        case .lognormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
        case .uniform(let low, let high): (low + high) / 2
        case .triangular(let low, let mode, let high): (low + mode + high) / 3
        }
    }

    /// The value below which a fraction `p` (0 < p < 1) of draws fall: the inverse CDF.
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .normal(let mean, let deviation):
            return mean + deviation * StandardNormal.quantile(p)
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * StandardNormal.quantile(p))
        case .uniform(let low, let high):
            return low + p * (high - low)
        case .triangular(let low, let mode, let high):
            let width = high - low
            guard width > 0 else { return low }
            // The CDF is (x-a)²/((b-a)(c-a)) up to the mode c and 1 - (b-x)²/((b-a)(b-c)) after it.
            if p * width < mode - low { return low + (p * width * (mode - low)).squareRoot() }
            return high - ((1 - p) * width * (high - mode)).squareRoot()
        }
    }
}

/// The standard normal's inverse CDF, which turns one uniform number into one normal draw.
///
/// Acklam's rational approximation (relative error below 1.15e-9), polished by one step of
/// Halley's method on `erfc`, which brings it to about machine precision.
public enum StandardNormal {
    public static func quantile(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        // Acklam's coefficients, written inline so a draw reads no array.
        var x: Double
        if p < 0.02425 || p > 1 - 0.02425 {
            let q = (-2 * log(Swift.min(p, 1 - p))).squareRoot()
            let tail = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1)
            x = p < 0.5 ? tail : -tail
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
        }
        let error = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// The fraction of a standard normal below `x`.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }
}
