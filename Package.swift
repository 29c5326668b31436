// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "leadlag",
    products: [
        .executable(name: "leadlag", targets: ["leadlag"]),
        // The engine without a terminal, for the benchmark package and for embedding.
        .library(name: "LeadlagCore", targets: ["Formula", "PlanEngine", "ModelFile", "WhatIf", "Simulation"]),
        // The promises any input must keep, for the fuzz package (Fuzz/).
        .library(name: "LeadlagInvariants", targets: ["Invariants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Random models and edit sequences for the property tests (InvariantTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Reading the CSV files spreadsheets and CRMs export, for `:actuals import`.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The formula language: tokens, syntax, values, evaluation. Knows nothing of models or terminals.
        .target(name: "Formula", dependencies: ["CPrefetch"]),
        // The processor's prefetch hint, which Swift does not spell, for loads that look up many
        // names; and the kernel's, for the pages a growing table is about to fill.
        .target(name: "CPrefetch"),
        // Named cells, the dependency graph and incremental recompute.
        .target(name: "PlanEngine", dependencies: ["Formula", "CPrefetch"]),
        // Lossless model files: load every item, save the user's text back.
        .target(name: "ModelFile", dependencies: ["Formula", "PlanEngine"]),
        // Goal seek, sensitivity tables and scenarios, computed on copies of a model.
        .target(name: "WhatIf", dependencies: ["Formula", "PlanEngine"]),
        // Tracking a plan against actual results: reading actuals from CSV, variance.
        .target(name: "Tracking", dependencies: [
            "Formula", "PlanEngine", "ModelFile", "WhatIf",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // Monte Carlo over ranges: seeded per-trial streams, the parallel trial runner, statistics, drivers.
        .target(name: "Simulation", dependencies: ["Formula", "PlanEngine"]),
        // libedit, imported through a small shim of typed wrappers.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Line input: libedit on a terminal, plain lines otherwise.
        .target(name: "LineEditing", dependencies: ["CEditLine", "TextLayout"]),
        // Text tables that fit the terminal, and colors only where they belong.
        .target(name: "TextLayout"),
        // The REPL session and its commands, testable without a terminal.
        .target(name: "Shell", dependencies: [
            "Formula", "PlanEngine", "ModelFile", "WhatIf", "Simulation", "Tracking", "LineEditing", "TextLayout",
        ]),
        // What must hold after any input (a loaded file, lines typed into a session): checked by
        // the fuzz targets in Fuzzing/ and by the corpus tests alike.
        .target(name: "Invariants", dependencies: ["Formula", "PlanEngine", "ModelFile", "Tracking", "Shell"]),
        .executableTarget(name: "leadlag", dependencies: [
            "Formula", "PlanEngine", "ModelFile", "WhatIf", "Simulation", "Tracking", "Shell", "LineEditing", "TextLayout",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FormulaTests", dependencies: ["Formula"]),
        .testTarget(name: "PlanEngineTests", dependencies: ["PlanEngine", "Formula"]),
        .testTarget(name: "ModelFileTests", dependencies: ["ModelFile", "PlanEngine", "Formula"]),
        .testTarget(name: "WhatIfTests", dependencies: ["WhatIf", "PlanEngine", "ModelFile", "Formula"]),
        .testTarget(name: "TrackingTests", dependencies: ["Tracking", "PlanEngine", "ModelFile", "Formula"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "PlanEngine", "ModelFile", "Formula"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "LineEditing", "PlanEngine", "ModelFile"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "leadlag", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "InvariantTests", dependencies: [
            "Invariants", "Shell", "ModelFile", "Formula", "Tracking",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
