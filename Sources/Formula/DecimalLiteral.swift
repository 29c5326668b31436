#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The double nearest to a decimal number given as the bytes of its digits and a power of ten:
/// the value the lexer gives a literal, read from the file's bytes without building a text.
///
/// The result is the one C's `strtod` gives for the same digits, for every input. Nearly every
/// literal in a plan (`1.0001`, `15%`, `$2400`, `1.5M`) has at most 15 significant digits and a
/// small power of ten: then digits and power are both exact doubles, and one multiplication or
/// division rounds the way `strtod` does (Clinger's fast path). Longer digits or larger powers
/// go to `strtod` itself, on the digits copied into a buffer.
public enum DecimalLiteral {
    /// `integerDigits.fractionDigits × 10^exponent`. The digits are ASCII; underscores between
    /// them (`1_000`) are skipped. Zero digits give `0`; beyond the double range, `infinity`.
    public static func double(
        integerDigits: ArraySlice<UInt8>, fractionDigits: ArraySlice<UInt8>, exponent: Int
    ) -> Double {
        var significand = Significand()
        for byte in integerDigits { significand.append(byte) }
        let digitsBeforeFraction = significand.digitCount
        for byte in fractionDigits { significand.append(byte) }
        guard significand.significantCount > 0 else { return 0 }
        // The digits as one integer: the value is that integer times 10^power.
        let power = exponent.clampedToExponentRange - (significand.digitCount - digitsBeforeFraction)
        if let exact = exactProduct(significand, power: power) { return exact }
        return correctlyRounded(integerDigits, fractionDigits, power: power)
    }

    /// Powers of ten that are exact doubles (10^22 is the last: 5^22 < 2^53).
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The largest integer below which every integer is an exact double.
    private static let exactIntegerLimit: UInt64 = 1 << 53

    /// `significand × 10^power` when both factors are exact doubles, so that the one rounding
    /// of the multiplication (or division) is the correct rounding; nil otherwise.
    private static func exactProduct(_ significand: Significand, power: Int) -> Double? {
        guard significand.fitsExactly, significand.value <= exactIntegerLimit else { return nil }
        let digits = Double(significand.value)
        if (0...22).contains(power) { return digits * exactPowers[power] }
        if (-22 ..< 0).contains(power) { return digits / exactPowers[-power] }
        // 123e30: the digits times 10^8 is still an exact integer, so one multiplication by 10^22 remains.
        if (23...(22 + 15)).contains(power) {
            let (scaled, overflow) = significand.value.multipliedReportingOverflow(by: UInt64(exactPowers[power - 22]))
            if !overflow, scaled <= exactIntegerLimit { return Double(scaled) * exactPowers[22] }
        }
        return nil
    }

    /// `strtod` on `DIGITSe<power>` written into a buffer of C characters.
    private static func correctlyRounded(
        _ integerDigits: ArraySlice<UInt8>, _ fractionDigits: ArraySlice<UInt8>, power: Int
    ) -> Double {
        var text: [CChar] = []
        text.reserveCapacity(integerDigits.count + fractionDigits.count + 12)
        for byte in integerDigits where byte.isDecimalDigit { text.append(CChar(bitPattern: byte)) }
        for byte in fractionDigits where byte.isDecimalDigit { text.append(CChar(bitPattern: byte)) }
        text.append(CChar(bitPattern: UInt8(ascii: "e")))
        if power < 0 { text.append(CChar(bitPattern: UInt8(ascii: "-"))) }
        var magnitude = power.magnitude
        let firstExponentDigit = text.count
        repeat {
            text.append(CChar(bitPattern: UInt8(ascii: "0") + UInt8(magnitude % 10)))
            magnitude /= 10
        } while magnitude > 0
        text[firstExponentDigit...].reverse()
        text.append(0)
        return text.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
    }

    /// The leading significant digits of a literal as an integer, as long as they fit.
    private struct Significand {
        /// At most this many digits always fit in a `UInt64` (10^19 < 2^64).
        static let capacity = 19

        var value: UInt64 = 0
        /// Digits read, leading zeros included.
        var digitCount = 0
        /// Digits read from the first non-zero one on.
        var significantCount = 0

        var fitsExactly: Bool { significantCount <= Self.capacity }

        mutating func append(_ byte: UInt8) {
            guard byte.isDecimalDigit else { return }
            digitCount += 1
            let digit = UInt64(byte - UInt8(ascii: "0"))
            guard significantCount > 0 || digit != 0 else { return }
            significantCount += 1
            // Nineteen digits never overflow (see ``capacity``): the arithmetic needs no checks.
            if significantCount <= Self.capacity { value = value &* 10 &+ digit }
        }
    }
}

extension UInt8 {
    fileprivate var isDecimalDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}

extension Int {
    /// Far beyond the double range either way, and far from overflowing when digits are subtracted.
    fileprivate var clampedToExponentRange: Int { Swift.min(Swift.max(self, -100_000_000), 100_000_000) }
}
