/// A finite double as the digits of its shortest round-trip text, so an input
/// value found by a search can be written into a formula at full precision
/// (`1262.6262626262626`, not `1.26e+03`) and read back as the same double.
///
/// The value is `0.d₁d₂d₃… × 10^pointPosition`; `digits` has no leading or
/// trailing zeros and is empty for zero.
struct ShortestDecimal {
    /// Beyond this many digits from the decimal point, positional text gets unreadable
    /// (and a double holds no more than 17 significant digits anyway): scientific notation.
    private static let longestPositionalRun = 21

    let isNegative: Bool
    let digits: [Character]
    let pointPosition: Int

    private init(isNegative: Bool, digits: [Character], pointPosition: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.pointPosition = pointPosition
    }

    init(_ number: Double) {
        // Swift's description is the shortest text that reads back as the same double,
        // written as `14256.0`, `0.15`, `1e-05` or `1.2e+20`.
        let text = abs(number).description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? "0"
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = pieces.first.map(String.init) ?? ""
        let fractionPart = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = Array(integerPart + fractionPart)
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        isNegative = number < 0 && !digits.isEmpty
        self.digits = digits
        self.pointPosition = digits.isEmpty ? 0 : pointPosition
    }

    /// The value times 10^places, exactly: the digits stay, the decimal point moves.
    func shifted(by places: Int) -> ShortestDecimal {
        digits.isEmpty ? self
            : ShortestDecimal(isNegative: isNegative, digits: digits, pointPosition: pointPosition + places)
    }

    /// How many digits stand after the decimal point: 2 for `0.15`, 0 for `1500`.
    var fractionDigitCount: Int { max(digits.count - pointPosition, 0) }

    /// `1234.5`, `-0.0001`, `1e+40`: positional unless that would take more than
    /// ``longestPositionalRun`` digits, in the notation the formula lexer reads.
    var text: String {
        guard !digits.isEmpty else { return "0" }
        let sign = isNegative ? "-" : ""
        if pointPosition > Self.longestPositionalRun || pointPosition < -Self.longestPositionalRun {
            let exponent = pointPosition - 1
            let rest = digits.dropFirst()
            return sign + String(digits[0]) + (rest.isEmpty ? "" : "." + String(rest)) + "e" + String(exponent)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count)
        }
        return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }
}
