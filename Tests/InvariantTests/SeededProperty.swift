import Foundation
import PropertyBased
import Testing

/// Runs a property over generated cases from one seed, so a failure can be replayed.
///
/// swift-property-based draws a fresh seed for every case and can replay one only with a
/// `.fixedSeed` trait edited into the test; CI needs the same cases on every run instead.
/// So the seed is fixed when `CI` is set, fresh otherwise (a developer's runs explore new
/// cases), and `LEADLAG_PROPERTY_SEED=N` replays any run. A failing case prints the seed,
/// the case's number and its input, and stops the property.
enum SeededProperty {
    static let seedInCI: UInt64 = 20_261_202
    static let seedVariable = "LEADLAG_PROPERTY_SEED"

    static let seed: UInt64 = {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment[seedVariable], let seed = UInt64(text) { return seed }
        return environment["CI"] != nil ? seedInCI : UInt64.random(in: 1...UInt64.max)
    }()

    /// Checks `property` on `count` inputs drawn by `generator`; a thrown error is a failure.
    static func check<Value>(
        _ count: Int, of generator: Generator<Value, some Sequence>, test: String,
        sourceLocation: SourceLocation = #_sourceLocation, _ property: (Value) throws -> Void
    ) {
        for index in 0..<count {
            var random = stream(for: index)
            let input = generator.run(using: &random)
            do {
                try property(input)
            } catch {
                Issue.record(
                    """
                    property failed on case \(index) of \(count) with seed \(seed): \(error)
                    input: \(String(reflecting: input))
                    replay: \(seedVariable)=\(seed) swift test --filter '\(test)'
                    """, sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Case `index`'s own stream: the seed and the index spread over the state by splitmix64.
    private static func stream(for index: Int) -> Xoshiro {
        var state = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return Xoshiro(seed: (next(), next(), next(), next()))
    }
}
