// swift-tools-version: 6.1
// Benchmarks for supportbot, kept out of the main package so its build stays lean.
// Run from this folder: `swift package benchmark` (see README.md here).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "supportbot-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "supportbot", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),  // LoadTool
    ],
    targets: [
        // What the benchmark targets share.
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport", swiftSettings: strict),
        // One executable target per area; other areas (e.g. the server's load tool) add their own.
        .executableTarget(
            name: "ClassifierBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SupportCore", package: "supportbot"),
            ],
            path: "Benchmarks/ClassifierBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // One turn of the conversation engine as the bot runs it (issue 4: the server's CPU per message).
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SupportCore", package: "supportbot"),
                .product(name: "SupportCatalog", package: "supportbot"),
                .product(name: "SupportStore", package: "supportbot"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The server's load tool: `supportbot serve` against a minimal NIO echo server (issue 4).
        .executableTarget(
            name: "LoadTool",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/LoadTool",
            swiftSettings: strict
        ),
    ]
)
