// swift-tools-version: 6.0
// libFuzzer targets in their own package, so `swift test` on the project never builds them.
// Each target feeds its input to the checks of the Invariants library (Sources/Invariants),
// which the property tests run too. Build and run them with `make fuzz` (see Fuzzing/run-fuzzers):
//   swift build -c release --sanitize fuzzer --package-path Fuzzing --scratch-path Fuzzing/.build
import Foundation
import PackageDescription

/// A package given by path is known by its folder's name, which is the clone's name: not always "leadlag".
let project = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LeadlagFuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Bytes given as a model file, with `leadlag check` semantics.
        .executableTarget(name: "FuzzModelLoader", dependencies: [
            .product(name: "LeadlagInvariants", package: project),
        ]),
        // Lines typed into a REPL session, optionally after a model file (see SessionScript).
        .executableTarget(name: "FuzzSession", dependencies: [
            .product(name: "LeadlagInvariants", package: project),
        ]),
        // The CSV actuals import gets its target here once it exists: bytes given as a CSV
        // file, imported into a loaded model, with the same invariants (nothing changes when
        // the import is refused; undo restores the file byte for byte). Add its name to
        // TARGETS in Fuzzing/run-fuzzers and its seeds under Fuzzing/Corpus.
    ]
)
