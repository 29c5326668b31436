/// Turns values into text for people and for machines.
///
/// People see rounded, grouped text in the cell's display format (`$14,256`,
/// `15%`, `1,234.57`); machines (CSV, JSON) get the shortest text that reads
/// back as the same double (`14256`, `0.15`). Rounding works on the decimal
/// digits of that shortest text, so `1.005` shows as `1.01`, as a person
/// reading the number expects, even though the double is a hair below it.
public enum ValueFormatter {
    /// Magnitudes with more integer digits than this are shown in scientific
    /// notation: past 15 digits a double no longer holds every digit anyway.
    private static let largestFixedIntegerDigits = 15
    /// Digits people see: at most two decimals, and three significant digits in scientific notation.
    private static let fractionDigits = 2
    private static let scientificSignificantDigits = 3

    /// People: percent `15%` / `12.5%` / `33.33%` (at most 2 decimals, trailing zeros dropped),
    /// currency `$14,256` / `$1,234.50` (cents only when not whole) / `-$1,200`, numbers
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
            guard let decimal = DecimalDigits(number) else { return CellError.number.rawValue }
            switch format {
            case .percent:
                return signed(decimal, magnitude: magnitudeText(decimal.shifted(by: 2), style: .plain) + "%")
            case .currency:
                return signed(decimal, magnitude: "$" + magnitudeText(decimal, style: .money))
            case .number, .boolean:
                return signed(decimal, magnitude: magnitudeText(decimal, style: .plain))
            }
        }
    }

    /// Machine (CSV, JSON): full precision as the shortest text that reads back
    /// as the same double: `14256`, `0.15`, `1e+300`, `true`, `#DIV/0!`.
    /// A non-finite number (which evaluation never produces) is `#NUM!`.
    public static func machine(_ value: Value) -> String {
        switch value {
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .error(let code):
            return code.rawValue
        case .number(let number):
            guard number.isFinite else { return CellError.number.rawValue }
            if number == 0 { return "0" }  // also turns -0.0 into 0
            let text = number.description
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

    /// Puts the minus sign in front (before any `$`), but never on a value that shows as zero.
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

/// A finite double as the decimal digits of its shortest round-trip text, so that
/// rounding and moving the decimal point are exact operations on digits.
///
/// The value is `0.d₁d₂d₃… × 10^pointPosition`; `digits` has no leading or trailing
/// zeros, and is empty for zero.
private struct DecimalDigits {
    var isNegative: Bool
    var digits: [UInt8]
    var pointPosition: Int

    init?(_ number: Double) {
        guard number.isFinite else { return nil }
        // Swift's description is the shortest text that reads back as the same double,
        // written as `14256.0`, `0.15` or `1.2e+20`.
        let text = abs(number).description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let integerPart = mantissa[0]
        let fractionPart = mantissa.count > 1 ? mantissa[1] : ""
        var digits = (integerPart + fractionPart).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var pointPosition = integerPart.count + exponent
        let leadingZeros = digits.prefix(while: { $0 == 0 }).count
        digits.removeFirst(leadingZeros)
        pointPosition -= leadingZeros
        while digits.last == 0 { digits.removeLast() }
        self.init(isNegative: number < 0, digits: digits, pointPosition: digits.isEmpty ? 0 : pointPosition)
    }

    private init(isNegative: Bool, digits: [UInt8], pointPosition: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.pointPosition = pointPosition
    }

    var isZero: Bool { digits.isEmpty }

    /// The number of digits before the decimal point (0 for magnitudes below one).
    var integerDigitCount: Int { isZero ? 0 : max(pointPosition, 0) }

    /// The value times 10^places.
    func shifted(by places: Int) -> DecimalDigits {
        isZero ? self : DecimalDigits(isNegative: isNegative, digits: digits, pointPosition: pointPosition + places)
    }

    func rounded(fractionDigits: Int) -> DecimalDigits {
        rounded(keeping: pointPosition + fractionDigits)
    }

    func rounded(significantDigits: Int) -> DecimalDigits {
        rounded(keeping: significantDigits)
    }

    /// Keeps the first `count` digits, rounding half away from zero on the next one.
    private func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(isNegative: isNegative, digits: [], pointPosition: 0) }
        var kept = Array(digits.prefix(count))
        var position = pointPosition
        if digits[count] >= 5 {
            // Carry from the last kept digit; 9.99 → 10.0 moves the decimal point.
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                position += 1
            }
        }
        while kept.last == 0 { kept.removeLast() }
        return DecimalDigits(isNegative: isNegative, digits: kept, pointPosition: kept.isEmpty ? 0 : position)
    }

    /// Digits before the decimal point, `0` when there are none.
    var integerText: String {
        guard integerDigitCount > 0 else { return "0" }
        let shown = digits.prefix(pointPosition).map(String.init).joined()
        return shown + String(repeating: "0", count: pointPosition - min(pointPosition, digits.count))
    }

    /// Digits after the decimal point, without trailing zeros; empty for whole numbers.
    var fractionText: String {
        let fraction = digits.dropFirst(max(pointPosition, 0)).map(String.init).joined()
        guard !fraction.isEmpty else { return "" }
        return String(repeating: "0", count: max(-pointPosition, 0)) + fraction
    }

    /// `1.23e+20`, `4e-03`: the style of C's `%g`, which is also how Swift writes doubles.
    var scientificText: String {
        guard let first = digits.first else { return "0" }
        let rest = digits.dropFirst().map(String.init).joined()
        let exponent = pointPosition - 1
        let exponentDigits = String(abs(exponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return String(first) + (rest.isEmpty ? "" : "." + rest) + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
    }
}
