// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lapor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lapor", targets: ["lapor"]),
        .executable(name: "lapor-bench", targets: ["lapor-bench"]),
        .library(name: "LaporDomain", targets: ["LaporDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Pure values and rules shared by client and server: Foundation only, no I/O.
        .target(name: "LaporDomain"),
        // The user-facing text catalogue (Bahasa Indonesia and English).
        .target(name: "LaporText", dependencies: ["LaporDomain"]),
        // The subcommands of `lapor`, as a library so that tests can drive them.
        .target(
            name: "LaporCLI",
            dependencies: [
                "LaporDomain", "LaporText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lapor", dependencies: ["LaporCLI"]),
        .executableTarget(
            name: "lapor-bench",
            dependencies: [
                "LaporDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LaporDomainTests",
            dependencies: [
                "LaporDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "LaporCLITests", dependencies: ["LaporCLI", "LaporDomain", "LaporText"]),
    ],
    swiftLanguageModes: [.v6]
)
