// swift-tools-version:6.1
// Opt-in libFuzzer harness for tarsier's importers; never part of the main build or CI.
// Build and run it with Scripts/fuzz.sh (see Documentation/Fuzzing.md).
import PackageDescription

let package = Package(
    name: "tarsier-fuzz",
    dependencies: [
        .package(name: "tarsier", path: "..")
    ],
    targets: [
        // libFuzzer supplies `main`, so the target has no top-level code (-parse-as-library).
        .executableTarget(
            name: "FormatsFuzzer",
            dependencies: [.product(name: "Formats", package: "tarsier")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ]
)
