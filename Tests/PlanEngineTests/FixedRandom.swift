/// A fixed linear congruential sequence for tests that compare a structure with a plain one over
/// random edits: the same seed gives the same edits, so a failure repeats.
struct FixedRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next number of the sequence, from 0 up to `bound - 1`.
    mutating func below(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
}
