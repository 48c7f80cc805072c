// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "supportbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "supportbot", targets: ["supportbot"]),
        .library(name: "SupportCore", targets: ["SupportCore"]),
        // For the Benchmarks package: the engine as the bot builds it, and the session encoding.
        .library(name: "SupportCatalog", targets: ["SupportCatalog"]),
        .library(name: "SupportStore", targets: ["SupportStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "SupportCore", swiftSettings: strict),
        .target(
            name: "SupportCatalog",
            dependencies: ["SupportCore", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/bip39")],
            swiftSettings: strict
        ),
        .target(
            name: "SupportStore",
            dependencies: ["SupportCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "SupportServer",
            dependencies: [
                "SupportCore", "SupportStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TranscriptTesting",
            dependencies: ["SupportCore", "SupportStore"],
            swiftSettings: strict
        ),
        .target(
            name: "SupportCLI",
            dependencies: [
                "SupportCore", "SupportCatalog", "SupportStore", "SupportServer", "TranscriptTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "supportbot",
            dependencies: ["SupportCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .target(
            name: "SupportTestSupport",
            dependencies: ["SupportCore", "SupportCatalog", "SupportStore"],
            path: "Tests/SupportTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "SupportCoreTests",
            dependencies: ["SupportCore", "SupportTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SupportCatalogTests",
            dependencies: ["SupportCatalog", "SupportTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SupportStoreTests",
            dependencies: ["SupportStore", "SupportTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SupportServerTests",
            dependencies: [
                "SupportServer", "SupportTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TranscriptTestingTests",
            dependencies: ["TranscriptTesting", "SupportTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SupportCLITests",
            dependencies: ["SupportCLI", "SupportTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
    ]
)
