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
        // Bytes given as a CSV of actual results, imported into a twelve-month plan.
        .executableTarget(name: "FuzzActualsImport", dependencies: [
            .product(name: "LeadlagInvariants", package: project),
        ]),
    ]
)
