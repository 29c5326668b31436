/// Turns values into text for people and for machines.
///
/// People see rounded, grouped text in the cell's display format (`$14,256`,
/// `15%`, `1,234.57`); machines (CSV, JSON) get the number at 15 significant
/// digits (`14256`, `0.15`). Both never show more than 15 significant digits. Rounding works on the decimal
/// digits of that shortest text, so `1.005` shows as `1.01`, as a person
/// reading the number expects, even though the double is a hair below it.
public enum ValueFormatter {
    /// Magnitudes with more integer digits than this are shown in scientific
    /// notation: numbers have 15 significant digits (``SpreadsheetPrecision``).
    private static let largestFixedIntegerDigits = 15
    /// Digits people see: at most two decimals, and three significant digits in scientific notation.
    private static let fractionDigits = 2
    private static let scientificSignificantDigits = 3

    /// People: percent `15%` / `12.5%` / `33.33%` (at most 2 decimals, trailing zeros dropped),
    /// currency `$14,256` / `€1,234.50` (cents only when not whole) / `-£1,200`, numbers
    /// `1,234.57` / `22.5` / `0`, booleans `true` / `false`, errors their code `#DIV/0!`.
    /// Magnitudes of 10^15 and up use scientific notation (`1.2e+20`), and so do non-zero
    /// numbers and percents that would round to zero (`4e-03`), so they do not pass for zero;
    /// currency rounds to the cent. Never `-0`.
    public static func display(_ value: Value, format: DisplayFormat) -> String {
        switch value {
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .error(let code):
            return code.rawValue
        case .number(let number):
            guard let exact = DecimalDigits(number) else { return CellError.number.rawValue }
            let decimal = exact.rounded(significantDigits: SpreadsheetPrecision.significantDigits)
            switch format {
            case .percent:
                return signed(decimal, magnitude: magnitudeText(decimal.shifted(by: 2), style: .plain) + "%")
            case .currency(let symbol):
                return signed(decimal, magnitude: symbol.rawValue + magnitudeText(decimal, style: .money))
            case .number, .boolean:
                return signed(decimal, magnitude: magnitudeText(decimal, style: .plain))
            }
        }
    }

    /// Machine (CSV, JSON): the number rounded to 15 significant digits, as spreadsheets store
    /// it, in the shortest text that reads back as that double: `14256` (for 14256.000000000002),
    /// `0.3` (for 0.1 + 0.2), `1e+300`, `true`, `#DIV/0!`. A non-finite number (which
    /// evaluation never produces) is `#NUM!`.
    public static func machine(_ value: Value) -> String {
        switch value {
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .error(let code):
            return code.rawValue
        case .number(let number):
            guard number.isFinite else { return CellError.number.rawValue }
            if number == 0 { return "0" }  // also turns -0.0 into 0
            let text = number.atSpreadsheetPrecision.description
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
    }

    /// Relative change for the reactive display: `+25%`, `-12.5%`, `0%`, rounded like a
    /// percent cell. The change is measured against the size of the old value, so the sign
    /// follows the direction of the move (-200 → -100 is `+50%`). Nil when the old value is
    /// zero or either value is not a number (a boolean or an error).
    public static func relativeChange(from old: Value, to new: Value) -> String? {
        guard case .number(let before) = old, case .number(let after) = new, before != 0 else { return nil }
        guard let change = DecimalDigits((after - before) / abs(before)) else { return nil }
        let magnitude = magnitudeText(change.shifted(by: 2), style: .change)
        if magnitude == "0" { return "0%" }
        return (change.isNegative ? "-" : "+") + magnitude + "%"
    }

    /// How a magnitude is rounded for a kind of text.
    private enum MagnitudeStyle {
        /// Up to two decimals; a non-zero value that would round to zero goes scientific, so it does not pass for zero.
        case plain
        /// Cents, both digits or none; a fraction of a cent is noise and rounds to zero.
        case money
        /// Up to two decimals; a change too small to see rounds to zero.
        case change
    }

    /// The magnitude of a number as people read it, without its sign.
    private static func magnitudeText(_ decimal: DecimalDigits, style: MagnitudeStyle) -> String {
        let rounded = decimal.rounded(fractionDigits: fractionDigits)
        let hidesNonZero = rounded.isZero && !decimal.isZero && style == .plain
        if rounded.integerDigitCount > largestFixedIntegerDigits || hidesNonZero {
            return decimal.rounded(significantDigits: scientificSignificantDigits).scientificText
        }
        var fraction = rounded.fractionText
        if style == .money && !fraction.isEmpty {
            fraction += String(repeating: "0", count: fractionDigits - fraction.count)
        }
        return groupedThousands(rounded.integerText) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Puts the minus sign in front (before any currency symbol), but never on a value that shows as zero.
    private static func signed(_ decimal: DecimalDigits, magnitude: String) -> String {
        let showsZero = !magnitude.contains(where: { ("1"..."9").contains($0) })
        return decimal.isNegative && !showsZero ? "-" + magnitude : magnitude
    }

    private static func groupedThousands(_ integerDigits: String) -> String {
        var grouped = ""
        let count = integerDigits.count
        for (index, digit) in integerDigits.enumerated() {
            if index > 0 && (count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
