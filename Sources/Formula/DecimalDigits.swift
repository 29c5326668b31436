/// A finite double as the decimal digits of its shortest round-trip text, so that rounding
/// and moving the decimal point are exact operations on digits, done as a person reading the
/// number would do them: `1.005` rounds to `1.01` although its double is a hair below it.
///
/// The one place numbers are turned into digits: the 15-significant-digit precision of
/// comparisons, `round`, `floor`, `ceil`, display and export (``Swift/Double/atSpreadsheetPrecision``),
/// the text people see (``ValueFormatter``) and the literals a goal seek writes.
///
/// The value is `0.d₁d₂d₃… × 10^pointPosition`; `digits` has no leading or trailing
/// zeros, and is empty for zero.
public struct DecimalDigits: Sendable, Equatable {
    /// Beyond this many digits from the decimal point, positional literal text gets unreadable:
    /// ``literalText`` uses scientific notation.
    private static let longestPositionalRun = 21

    public let isNegative: Bool
    public let digits: [UInt8]
    public let pointPosition: Int

    public init?(_ number: Double) {
        guard number.isFinite else { return nil }
        // Swift's description is the shortest text that reads back as the same double,
        // written as `14256.0`, `0.15` or `1.2e+20`.
        // Read as ASCII bytes: a Character's digit value goes through Unicode property tables,
        // which made this the hottest code of an edit's change display.
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var integerDigits = 0
        var exponent = 0
        var isExponentNegative = false
        enum Part { case integer, fraction, exponent }
        var part = Part.integer
        for byte in Swift.abs(number).description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if part == .exponent { exponent = exponent * 10 + Int(digit) } else { digits.append(digit) }
                if part == .integer { integerDigits += 1 }
            case UInt8(ascii: "."): part = .fraction
            case UInt8(ascii: "e"): part = .exponent
            case UInt8(ascii: "-"): isExponentNegative = true
            default: break
            }
        }
        var pointPosition = integerDigits + (isExponentNegative ? -exponent : exponent)
        let leadingZeros = digits.prefix(while: { $0 == 0 }).count
        digits.removeFirst(leadingZeros)
        pointPosition -= leadingZeros
        while digits.last == 0 { digits.removeLast() }
        self.init(isNegative: number < 0, digits: digits, pointPosition: pointPosition)
    }

    private init(isNegative: Bool, digits: [UInt8], pointPosition: Int) {
        self.isNegative = isNegative && !digits.isEmpty
        self.digits = digits
        self.pointPosition = digits.isEmpty ? 0 : pointPosition
    }

    public var isZero: Bool { digits.isEmpty }

    /// The nearest double to these digits; nil when they are beyond the double range
    /// (rounding 1.7976931348623157e308 up to 15 digits). Zero is `0`, never `-0`.
    public var double: Double? {
        guard !isZero else { return 0 }
        let text = (isNegative ? "-0." : "0.") + digits.map(String.init).joined() + "e\(pointPosition)"
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }

    /// The number of digits before the decimal point (0 for magnitudes below one).
    var integerDigitCount: Int { isZero ? 0 : Swift.max(pointPosition, 0) }

    /// How many digits stand after the decimal point: 2 for `0.15`, 0 for `1500`.
    public var fractionDigitCount: Int { Swift.max(digits.count - pointPosition, 0) }

    /// The value times 10^places, exactly: the digits stay, the decimal point moves.
    public func shifted(by places: Int) -> DecimalDigits {
        isZero ? self : DecimalDigits(isNegative: isNegative, digits: digits, pointPosition: pointPosition + places)
    }

    /// Rounded half away from zero at `fractionDigits` decimals (negative: tens, hundreds, …).
    public func rounded(fractionDigits: Int) -> DecimalDigits {
        rounded(keeping: pointPosition + fractionDigits)
    }

    /// Rounded half away from zero to `significantDigits` digits.
    public func rounded(significantDigits: Int) -> DecimalDigits {
        rounded(keeping: significantDigits)
    }

    /// Keeps the first `count` digits, rounding half away from zero on the next one.
    private func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(isNegative: false, digits: [], pointPosition: 0) }
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
        return DecimalDigits(isNegative: isNegative, digits: kept, pointPosition: position)
    }

    /// Digits before the decimal point, `0` when there are none.
    var integerText: String {
        guard integerDigitCount > 0 else { return "0" }
        let shown = digits.prefix(pointPosition).map(String.init).joined()
        return shown + String(repeating: "0", count: pointPosition - Swift.min(pointPosition, digits.count))
    }

    /// Digits after the decimal point, without trailing zeros; empty for whole numbers.
    var fractionText: String {
        let fraction = digits.dropFirst(Swift.max(pointPosition, 0)).map(String.init).joined()
        guard !fraction.isEmpty else { return "" }
        return String(repeating: "0", count: Swift.max(-pointPosition, 0)) + fraction
    }

    /// `1.23e+20`, `4e-03`: the style of C's `%g`, which is also how Swift writes doubles.
    var scientificText: String {
        guard let first = digits.first else { return "0" }
        let rest = digits.dropFirst().map(String.init).joined()
        let exponent = pointPosition - 1
        let exponentDigits = String(Swift.abs(exponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return String(first) + (rest.isEmpty ? "" : "." + rest) + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
    }

    /// `1234.5`, `-0.0001`, `1e+40` as a formula literal: positional unless that would take more
    /// than ``longestPositionalRun`` digits, in the notation the formula lexer reads.
    public var literalText: String {
        guard !isZero else { return "0" }
        let sign = isNegative ? "-" : ""
        let text = digits.map(String.init).joined()
        if pointPosition > Self.longestPositionalRun || pointPosition < -Self.longestPositionalRun {
            let rest = text.dropFirst()
            return sign + text.prefix(1) + (rest.isEmpty ? "" : "." + rest) + "e" + String(pointPosition - 1)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + text
        }
        if pointPosition >= digits.count {
            return sign + text + String(repeating: "0", count: pointPosition - digits.count)
        }
        return sign + text.prefix(pointPosition) + "." + text.dropFirst(pointPosition)
    }
}
