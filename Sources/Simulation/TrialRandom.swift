/// The random numbers of one trial: a SplitMix64 stream whose start is derived from the seed and
/// the trial's index alone.
///
/// Because a trial's numbers depend on (seed, trial) and on nothing else, not on which core ran
/// it or what ran before, a simulation gives the same numbers bit for bit on one core or many,
/// and any trial can be replayed on its own. SplitMix64 (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", 2014) passes BigCrush and costs a few instructions a draw.
public struct TrialRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64, trial: Int) {
        // Two rounds of mixing so neighbouring seeds and trials start far apart.
        state = Self.mix(Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15) ^ (UInt64(truncatingIfNeeded: trial) &* 0xD1B5_4A32_D192_ED03))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform number strictly between 0 and 1 (53 random bits, centred in its interval), so an
    /// inverse CDF never meets 0 or 1.
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
