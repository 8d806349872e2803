// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "recon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxml2 behind one door: a module map and one shim header.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Money, dates, open items, bank transactions, matching and settlement. No file I/O.
        .target(name: "ReconCore"),
        // Readers (bytes -> values) and writers (values -> bytes).
        .target(
            name: "ReconFormats",
            dependencies: [
                "ReconCore",
                "CLibXML2",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The jobs the commands run: read inputs, reconcile, write outputs atomically.
        .target(name: "ReconApp", dependencies: ["ReconCore", "ReconFormats"]),
        // The executable only parses arguments.
        .executableTarget(
            name: "recon",
            dependencies: [
                "ReconApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: paths, golden files, running the built executable.
        .target(name: "ReconTestSupport", dependencies: ["ReconCore"], path: "Tests/ReconTestSupport"),
        .testTarget(
            name: "ReconCoreTests",
            dependencies: [
                "ReconCore", "ReconTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ReconFormatsTests", dependencies: ["ReconFormats", "ReconTestSupport"]),
        .testTarget(name: "ReconAppTests", dependencies: ["ReconApp", "ReconTestSupport", "recon"]),
    ],
    swiftLanguageModes: [.v6]
)
