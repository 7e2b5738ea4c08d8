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
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // One trait, not Hummingbird's two defaults: SwiftPM 6.x passes a dependency's enabled
        // traits as -D flags in a per-process hash order, so with two the flags' order (and the
        // build's signature) changed between runs and every other `swift run` recompiled
        // Hummingbird and HummingbirdCore (104 files). ConfigurationSupport (swift-configuration)
        // is not used here; leaving it out also drops that package from the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // Pure values and rules shared by client and server: Foundation only, no I/O.
        // The fixtures' decrees and reply templates are compiled in (Fixtures/ links to fixtures/).
        .target(name: "LaporDomain", resources: [.embedInCode("Fixtures/holidays"), .embedInCode("Fixtures/templates")]),
        // The user-facing text catalogue (Bahasa Indonesia and English).
        .target(name: "LaporText", dependencies: ["LaporDomain"]),
        // The use cases, once, between the screens and the store: acting on reports, status
        // counts, the sentences that word the store's and the sync's values. TUI and CLI adapt it.
        .target(name: "LaporApp", dependencies: ["LaporDomain", "LaporStore", "LaporSync", "LaporText"]),
        // The reference central LAPOR! server (`lapor central`): Hummingbird over its own GRDB store.
        .target(
            name: "LaporCentral",
            dependencies: [
                "LaporDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            // The demo's units and categories, compiled in (Fixtures/ links to fixtures/).
            resources: [.embedInCode("Fixtures/units.json"), .embedInCode("Fixtures/categories.json")]
        ),
        // The local case store: GRDB over SQLite (WAL), reports, outbox, drafts, audit, search.
        .target(
            name: "LaporStore",
            dependencies: [
                "LaporDomain", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API for the pull's per-report insert (`RawStatement`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The LAPOR! admin area's spreadsheet export, read and written: .xlsx (ZIPFoundation and
        // Foundation's XML parser) and .csv (CSV.swift), with limits against hostile files.
        .target(
            name: "LaporImport",
            dependencies: [
                "LaporDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Sync with the central endpoint over HTTP/JSON (URLSession).
        .target(name: "LaporSync", dependencies: ["LaporDomain", "LaporStore"]),
        // ncursesw from Swift: a module map and a header of small inline wrappers.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // Terminal plumbing that knows nothing of LAPOR!: cell grid, widths, sanitiser, ncurses backend.
        .target(name: "Terminal", dependencies: ["CNCursesW"]),
        // The screens: Elm-style state, update and view, drawn into a CellGrid.
        .target(name: "LaporTUI", dependencies: ["LaporDomain", "LaporStore", "LaporSync", "LaporText", "LaporApp", "Terminal"]),
        // The subcommands of `lapor`, as a library so that tests can drive them.
        .target(
            name: "LaporCLI",
            dependencies: [
                "LaporDomain", "LaporText", "LaporApp", "LaporCentral", "LaporStore", "LaporSync", "Terminal", "LaporTUI", "LaporImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "lapor", dependencies: ["LaporCLI"]),
        .executableTarget(
            name: "lapor-bench",
            dependencies: [
                "LaporDomain", "LaporCentral", "LaporStore", "LaporSync", "LaporTUI", "Terminal", "LaporImport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LaporDomainTests",
            dependencies: [
                "LaporDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Test helpers shared by the test targets: a reference server on a free port, a flaky proxy.
        .target(
            name: "LaporTestSupport",
            dependencies: [
                "LaporCentral", "LaporDomain", "Terminal",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "LaporCentralTests",
            dependencies: ["LaporCentral", "LaporDomain", "LaporTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "LaporTestSupport"]),
        .testTarget(
            name: "LaporTUITests",
            dependencies: [
                "LaporTUI", "LaporStore", "LaporSync", "LaporDomain", "LaporText", "LaporApp", "Terminal",
                "LaporTestSupport",
            ],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "LaporStoreTests", dependencies: ["LaporStore", "LaporDomain", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "LaporImportTests", dependencies: ["LaporImport", "LaporDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "LaporTextTests", dependencies: ["LaporText", "LaporDomain"]),
        .testTarget(name: "LaporAppTests", dependencies: ["LaporApp", "LaporStore", "LaporDomain", "LaporText"]),
        .testTarget(
            name: "LaporSyncTests",
            dependencies: ["LaporSync", "LaporStore", "LaporCentral", "LaporDomain", "LaporText", "LaporApp", "LaporTestSupport"]),
        .testTarget(
            name: "LaporCLITests",
            dependencies: [
                "LaporCLI", "LaporDomain", "LaporText", "LaporApp", "LaporStore", "LaporTUI", "LaporTestSupport", "Terminal", "LaporImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
