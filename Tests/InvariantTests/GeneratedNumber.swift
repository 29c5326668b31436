import PropertyBased

/// Finite doubles of every size a plan meets: integers, cents, percents, tiny and huge
/// magnitudes, and both signs.
enum GeneratedNumber {
    static let generator = Generator<Double, Shrink.None<Double>> { random in
        var pick = Picker(random: random)
        let sign: Double = pick.chance(1, in: 3) ? -1 : 1
        let number: Double = switch pick.int(0...4) {
        case 0: Double(pick.int(0...1_000_000))
        case 1: Double(pick.int(0...10_000_000)) / 100
        case 2: Double(pick.int(0...10_000)) / 10_000
        case 3: Double.random(in: 0...1, using: &pick.random) * pow10(pick.int(-300...300))
        default: Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &pick.random))
        }
        random = pick.random
        return sign * number
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<abs(exponent)).reduce(1.0) { value, _ in exponent < 0 ? value / 10 : value * 10 }
    }
}
