// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kontor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kontor", targets: ["kontor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(name: "KontorCore"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "KontorFormats", dependencies: ["KontorCore", "CLibXML2"]),
        .target(name: "KontorOutput", dependencies: ["KontorCore"]),
        .target(name: "KontorStore", dependencies: [
            "KontorCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "KontorInventory", dependencies: [
            "KontorCore", "KontorStore", "KontorOutput",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KontorAccounting", dependencies: [
            "KontorCore", "KontorStore", "KontorOutput", "CLibCrypto",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KontorLogistics", dependencies: [
            "KontorCore", "KontorStore", "KontorOutput",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KontorCredit", dependencies: [
            "KontorCore", "KontorStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KontorOrders", dependencies: [
            "KontorCore", "KontorStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KontorPipeline", dependencies: [
            "KontorCore", "KontorFormats", "KontorStore", "KontorOutput", "CLibCrypto",
            "KontorInventory", "KontorAccounting", "KontorLogistics", "KontorCredit", "KontorOrders",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "kontor", dependencies: [
            "KontorCore", "KontorPipeline", "KontorStore", "KontorLogistics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "KontorTestSupport", dependencies: ["KontorCore"], path: "Tests/KontorTestSupport"),
        .testTarget(name: "KontorCoreTests", dependencies: ["KontorCore"]),
        .testTarget(name: "KontorFormatsTests", dependencies: ["KontorCore", "KontorFormats", "KontorTestSupport"]),
        .testTarget(name: "KontorModuleTests", dependencies: [
            "KontorCore", "KontorStore", "KontorInventory", "KontorAccounting", "KontorLogistics", "KontorCredit",
            "KontorPipeline", "KontorTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "KontorOutputTests", dependencies: ["KontorOutput"]),
        .testTarget(name: "KontorOrdersTests", dependencies: ["KontorCore", "KontorOrders"]),
        .testTarget(name: "KontorLogisticsTests", dependencies: ["KontorCore", "KontorLogistics"]),
        .testTarget(name: "KontorPipelineTests", dependencies: [
            "KontorCore", "KontorPipeline", "KontorStore", "KontorFormats", "KontorInventory", "KontorTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "KontorEndToEndTests", dependencies: ["KontorTestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
