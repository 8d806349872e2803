// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, one executable per reader. Built by `make fuzz` only, with
// `-sanitize=fuzzer,address`; the root package never builds this one. Each executable hands an
// entry point of ReconFuzzing (which the root test suite also uses to replay fixtures/fuzz/<target>/)
// to libFuzzer's driver.
let targets = ["csv", "camt", "mt940", "profile", "decisions-csv", "decisions-xlsx", "amount", "date"]

let package = Package(
    name: "recon-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "recon", path: "../.."),
    ],
    targets: [
        .target(name: "CFuzzer", path: "Sources/CFuzzer"),
    ] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["CFuzzer", .product(name: "ReconFuzzing", package: "recon")],
            path: "Sources/\(name)"
        )
    },
    swiftLanguageModes: [.v6]
)
