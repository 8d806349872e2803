// swift-tools-version:6.1
import PackageDescription

/// Release builds of the hot modules skip Swift's dynamic exclusivity checks: the readers keep their
/// state in class properties, and the checks cost ~15 % of CSV parsing (measured with perf). The
/// compile-time checks stay, and debug builds (the tests) keep the dynamic ones.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "recon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
        // The fuzzing entry points, for the fuzz package in Tests/Fuzz (which the root never builds).
        .library(name: "ReconFuzzing", targets: ["ReconFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // exceptions.xlsx is a ZIP of SpreadsheetML parts; user journal templates are Mustache.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The workspace keeps its state in one SQLite file (issue 7).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // libxml2 behind one door: a module map and one shim header.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's deflate, for the workbook's ZIP writer (zlib1g-dev, which ZIPFoundation needs too).
        .systemLibrary(name: "CDeflate", providers: [.apt(["zlib1g-dev"])]),
        // ISA-L's igzip: the workbook's deflate at recon's level, four times zlib's speed (libisal-dev).
        .systemLibrary(name: "CIgzip", providers: [.apt(["libisal-dev"])]),
        // mimalloc: linked into the executable only, it takes over malloc for the whole process
        // (libmimalloc-dev; Sources/recon/MemoryTuning.swift says why).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Money, dates, open items, bank transactions, matching and settlement. No file I/O.
        .target(name: "ReconCore", swiftSettings: releaseSpeed),
        // Readers (bytes -> values) and writers (values -> bytes).
        .target(
            name: "ReconFormats",
            dependencies: [
                "ReconCore",
                "CLibXML2",
                "CDeflate",
                "CIgzip",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: releaseSpeed
        ),
        // The jobs the commands run: read inputs, reconcile, write outputs atomically.
        .target(name: "ReconApp", dependencies: ["ReconCore", "ReconFormats"]),
        // The workspace: state across runs in one SQLite file (schema, imports, match, export, audit log).
        .target(
            name: "ReconWorkspace",
            dependencies: ["ReconCore", "ReconFormats", "ReconApp", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The executable only parses arguments.
        .executableTarget(
            name: "recon",
            dependencies: [
                "ReconApp", "ReconFormats", "ReconWorkspace", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: paths, golden files, running the built executable.
        .target(name: "ReconTestSupport", dependencies: ["ReconCore"], path: "Tests/ReconTestSupport"),
        // Bytes in, through recon's own readers: what libFuzzer drives (Tests/Fuzz, `make fuzz`) and
        // the test suite replays (fixtures/fuzz/).
        .target(
            name: "ReconFuzzing",
            dependencies: [
                "ReconCore", "ReconFormats", "ReconApp",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/ReconFuzzing"
        ),
        .testTarget(
            name: "ReconCoreTests",
            dependencies: [
                "ReconCore", "ReconTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ReconFormatsTests",
            dependencies: [
                "ReconFormats", "ReconTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ReconWorkspaceTests",
            dependencies: ["ReconWorkspace", "ReconTestSupport", "recon", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ReconAppTests",
            dependencies: [
                "ReconApp", "ReconTestSupport", "recon",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Replays every input the fuzzers kept (fixtures/fuzz/<target>/) through the same entry points.
        .testTarget(name: "ReconFuzzingTests", dependencies: ["ReconFuzzing", "ReconTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
