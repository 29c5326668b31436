// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` on the project never builds them.
// Run: swift package --package-path Benchmarks --scratch-path Benchmarks/.build benchmark
import PackageDescription

let package = Package(
    name: "LeadlagBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "leadlag", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeadlagBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LeadlagCore", package: "leadlag"),
            ],
            path: "Benchmarks/LeadlagBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
