// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` on the project never builds them.
// Run: swift package --package-path Benchmarks --scratch-path Benchmarks/.build benchmark
import Foundation
import PackageDescription

/// A package given by path is known by its folder's name, which is the clone's name: not always "leadlag".
let project = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LeadlagBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeadlagBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LeadlagCore", package: project),
            ],
            path: "Benchmarks/LeadlagBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
