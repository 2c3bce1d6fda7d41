// swift-tools-version: 6.1
import PackageDescription

/// Layers, bottom to top (see docs/ARCHITECTURE.md): pure X12 and claims logic, adapters
/// (PostgreSQL, inotify, OpenSSL), the pipeline, the app wiring, and the CLI as a thin shell.
let package = Package(
    name: "claimsgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "claimsgate", targets: ["claimsgate"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: C libraries
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibSSH", pkgConfig: "libssh", providers: [.apt(["libssh-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Pure X12 and claims logic
        .target(name: "X12"),
        .target(name: "X12Schema", dependencies: ["X12"]),
        .target(name: "X12Validation", dependencies: ["X12", "X12Schema", "ClaimsCore", "CZlib"]),
        .target(name: "ClaimsCore", dependencies: ["X12", "X12Schema"]),
        .target(name: "X12Acknowledgments", dependencies: ["X12", "X12Validation", "ClaimsCore"]),
        .target(name: "ClaimsSynthetic", dependencies: ["X12", "ClaimsCore"]),
        .target(name: "ClaimsRisk", dependencies: ["ClaimsCore"]),

        // MARK: Crypto and audit (low level: any module may record audit events)
        .target(name: "ClaimsCrypto", dependencies: ["COpenSSL"]),
        .target(name: "AuditLog", dependencies: ["ClaimsCrypto"]),

        // MARK: Adapters
        .target(
            name: "ClaimsStore",
            dependencies: [
                "CLibPQ", "ClaimsCore", "ClaimsCrypto", "AuditLog", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "InboxWatcher", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(
            name: "SFTPGateway",
            dependencies: ["CLibSSH", "COpenSSL", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: Pipeline, app, CLI
        .target(
            name: "ClaimsPipeline",
            dependencies: [
                "X12", "X12Schema", "X12Validation", "X12Acknowledgments", "ClaimsCore", "ClaimsStore", "ClaimsRisk",
                "COpenSSL", "ClaimsCrypto", "AuditLog", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClaimsApp",
            dependencies: [
                "ClaimsPipeline", "ClaimsStore", "InboxWatcher", "SFTPGateway", "ClaimsSynthetic", "ClaimsRisk",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "claimsgate",
            dependencies: ["ClaimsApp", "X12Validation", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: Benchmarks
        .executableTarget(
            name: "validation-benchmark",
            dependencies: ["X12Validation", "ClaimsSynthetic"],
            path: "Benchmarks/ValidationBenchmark"
        ),

        // MARK: Benchmarks
        .executableTarget(
            name: "AuditBench", dependencies: ["AuditLog", "ClaimsCrypto", "ClaimsStore", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/AuditBench"),

        // MARK: Tests
        .target(
            name: "ClaimsTestSupport",
            dependencies: ["ClaimsCore", "ClaimsStore", "ClaimsApp"],
            path: "Tests/ClaimsTestSupport"
        ),
        .testTarget(
            name: "X12Tests",
            dependencies: ["X12", "X12Schema", "X12Validation", "ClaimsCore", "ClaimsSynthetic", "ClaimsTestSupport"]
        ),
        .testTarget(name: "ClaimsCoreTests", dependencies: ["ClaimsCore", "ClaimsTestSupport"]),
        .testTarget(
            name: "X12AcknowledgmentsTests",
            dependencies: ["X12Acknowledgments", "ClaimsTestSupport"]
        ),
        .testTarget(name: "ClaimsStoreTests", dependencies: ["ClaimsStore", "ClaimsCrypto", "ClaimsTestSupport"]),
        .testTarget(
            name: "InboxWatcherTests",
            dependencies: ["InboxWatcher", "ClaimsTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "ClaimsPipelineTests",
            dependencies: [
                "ClaimsPipeline", "ClaimsStore", "ClaimsSynthetic", "X12Acknowledgments", "X12Validation", "ClaimsTestSupport",
                "ClaimsCrypto", "AuditLog",
            ]
        ),
        .testTarget(
            name: "ClaimsAppTests",
            dependencies: [
                "ClaimsApp", "ClaimsStore", "ClaimsCrypto", "AuditLog", "X12", "SFTPGateway", "ClaimsTestSupport",
                "ClaimsCore", "ClaimsSynthetic", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog", "ClaimsCrypto", "ClaimsStore", "ClaimsTestSupport"]),
        .testTarget(name: "SFTPGatewayTests", dependencies: ["SFTPGateway", "ClaimsTestSupport"]),
        .testTarget(
            name: "X12ValidationTests",
            dependencies: ["X12Validation", "ClaimsPipeline", "ClaimsApp", "ClaimsTestSupport"]
        ),
        .testTarget(name: "ClaimsSyntheticTests", dependencies: ["ClaimsSynthetic", "ClaimsTestSupport"]),
        .testTarget(
            name: "ClaimsRiskTests",
            dependencies: [
                "ClaimsRisk", "ClaimsSynthetic", "ClaimsPipeline", "ClaimsStore", "ClaimsApp", "X12", "X12Acknowledgments",
                "ClaimsTestSupport", "ClaimsCrypto", "AuditLog", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "BusinessEditsTests",
            dependencies: ["X12Validation", "ClaimsCore", "ClaimsPipeline", "ClaimsSynthetic", "ClaimsStore", "ClaimsApp", "ClaimsTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
