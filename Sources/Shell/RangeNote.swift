import Formula
import PlanEngine

/// How a lead indicator written as a range is marked wherever its value is shown: the value is
/// the distribution's mean, and the note next to it says so (`31.95%  mean of 25% to 40%`), so
/// nobody takes the mean for a number that was typed.
public enum RangeNote {
    /// `mean of 25% to 40%` for a range cell; nil for any other cell.
    public static func text(for cell: Cell) -> String? {
        guard RangeSyntax.distribution(of: cell.expression) != nil else { return nil }
        return "mean of " + cell.shownFormula
    }

    /// `lognormal, 90% between 25% and 40%: P10 26.33%, P90 37.98%` for `:show`.
    static func details(for cell: Cell) -> String? {
        guard let distribution = RangeSyntax.distribution(of: cell.expression) else { return nil }
        let shown = { (number: Double) in ValueFormatter.display(.number(number), format: cell.format) }
        let kind = switch distribution {
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .uniform: "uniform"
        case .triangular: "triangular"
        }
        return "\(kind): P10 \(shown(distribution.quantile(0.1))), mean \(shown(distribution.mean)), "
            + "P90 \(shown(distribution.quantile(0.9)))"
    }
}
