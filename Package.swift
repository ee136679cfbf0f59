// swift-tools-version:6.1
// tarsier — a terminal tool for prioritised systematic-review screening.
// Target layout and dependency rules: Documentation/CodebaseGuide.md.
import PackageDescription

/// Numeric kernels, the screen and the executable are compiled optimised even in debug builds
/// so tests of the transformer, the learners and scripted screening (thousands of decisions
/// through the real binary) run at a useful speed (see Documentation/Development.md).
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "tarsier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tarsier", targets: ["tarsier"]),
        // For the opt-in libFuzzer package in Fuzz/ (a path dependency can only use products).
        .library(name: "Formats", targets: ["Formats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(
            name: "CNcursesw", path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/COpenBLAS",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]),

        // MARK: - Libraries, one job each
        .target(name: "ReviewModel", swiftSettings: optimised),
        .target(
            name: "ReviewStore",
            dependencies: [
                "ReviewModel", "TeamScreening", .product(name: "GRDB", package: "GRDB.swift"),
            ], swiftSettings: optimised),
        .target(name: "Formats", dependencies: ["ReviewModel", "CZlib"]),
        .target(name: "TextAnalysis", swiftSettings: optimised),
        .target(name: "Linalg", dependencies: ["COpenBLAS"], swiftSettings: optimised),
        .target(
            name: "Ranking", dependencies: ["ReviewModel", "TextAnalysis", "Linalg"],
            swiftSettings: optimised),
        // Vectorised elementwise kernels (libmvec expf, rational erf); runtime CPU dispatch via target_clones.
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3", "-ffast-math", "-fveclib=libmvec"])]),
        .target(name: "Transformer", dependencies: ["ReviewModel", "Linalg", "CKernels"], swiftSettings: optimised),
        .target(name: "Evaluation", dependencies: ["ReviewModel", "Ranking"]),
        .target(name: "ScreeningUI", dependencies: ["ReviewModel"], swiftSettings: optimised),
        .target(name: "CursesTerminal", dependencies: ["ScreeningUI", "CNcursesw"]),
        .target(name: "Stopping", dependencies: ["ReviewModel"], swiftSettings: optimised),
        .target(name: "Reports", dependencies: ["ReviewModel", "Stopping", "TeamScreening"]),
        .target(name: "TeamScreening", dependencies: ["ReviewModel"]),

        // The live screening core: the session the screen and the commands work through (rankers kept
        // warm, embeddings, stopping, lead reports, team views), over the review database.
        .target(
            name: "ReviewSession",
            dependencies: [
                "ReviewModel", "ReviewStore", "Formats", "Ranking", "Transformer", "Evaluation", "ScreeningUI",
                "Stopping",
                "Reports", "TeamScreening",
            ], swiftSettings: optimised),

        // MARK: - The thin executable
        .executableTarget(
            name: "tarsier",
            dependencies: [
                "ReviewModel", "ReviewStore", "Formats", "TextAnalysis", "Ranking",
                "Transformer", "Evaluation", "ScreeningUI", "CursesTerminal", "Stopping", "Reports", "TeamScreening",
                "ReviewSession",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: optimised),

        // MARK: - Tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReviewModelTests", dependencies: ["ReviewModel"]),
        .testTarget(
            name: "ReviewStoreTests", dependencies: ["TestSupport", "ReviewStore", "Formats", "TeamScreening"]),
        .testTarget(name: "FormatsTests", dependencies: ["TestSupport", "Formats"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TestSupport", "TextAnalysis"]),
        .testTarget(name: "LinalgTests", dependencies: ["TestSupport", "Linalg"]),
        .testTarget(name: "RankingTests", dependencies: ["TestSupport", "Ranking", "TextAnalysis"]),
        .testTarget(
            name: "TransformerTests", dependencies: ["TestSupport", "Transformer", "ReviewModel", "Linalg"],
            exclude: ["Fixtures"]),
        .testTarget(name: "EvaluationTests", dependencies: ["TestSupport", "Evaluation", "Ranking"]),
        .testTarget(
            name: "ScreeningUITests",
            dependencies: ["TestSupport", "ScreeningUI", "ReviewSession", "ReviewStore", "Ranking"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "tarsier"]),
        .testTarget(name: "StoppingTests", dependencies: ["TestSupport", "Stopping"]),
        .testTarget(name: "ReportsTests", dependencies: ["TestSupport", "Reports", "Stopping", "TeamScreening"]),
        .testTarget(name: "TeamScreeningTests", dependencies: ["TeamScreening", "ReviewModel"]),
    ]
)
