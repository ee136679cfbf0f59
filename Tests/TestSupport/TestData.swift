import Foundation

/// Where test data lives. Everything the default test run reads is inside the repository
/// (`Tests/Fixtures/`, `sample-reviews/`), so a clone alone passes. The large labelled sets
/// (`$TARSIER_DATASETS`, default: the `shared/datasets` folder beside the clone) are read only by the dataset tests,
/// which run when `TARSIER_DATASET_TESTS=1`; then a missing folder is a failure that names it.
public enum TestData {
    /// The package root, two levels above this file (Tests/TestSupport/TestData.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/`: small real files copied into the repository with provenance.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A file under `Tests/Fixtures/`.
    public static func fixture(_ relativePath: String) -> URL { fixtures.appendingPathComponent(relativePath) }

    /// `sample-reviews/`: the realistic reviews the README's demo opens.
    public static let sampleReviews = packageRoot.appendingPathComponent("sample-reviews")

    /// The large labelled datasets: `$TARSIER_DATASETS`, or the `shared/datasets` folder beside the clone.
    public static var datasets: URL {
        if let path = ProcessInfo.processInfo.environment["TARSIER_DATASETS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    }

    /// A file under the datasets folder.
    public static func dataset(_ relativePath: String) -> URL { datasets.appendingPathComponent(relativePath) }

    /// True when `TARSIER_DATASET_TESTS=1`: the tests that read the large datasets run.
    public static var datasetTestsEnabled: Bool {
        ProcessInfo.processInfo.environment["TARSIER_DATASET_TESTS"] == "1"
    }

    /// Why the dataset tests are skipped (the text of their `.enabled(if:)` trait).
    public static let datasetSkipReason =
        "dataset test: set TARSIER_DATASET_TESTS=1 (reads $TARSIER_DATASETS, default: shared/datasets beside the clone)"

    /// Throws, naming the path, when the datasets folder is missing; dataset tests call it first so
    /// an enabled run without the data fails instead of passing silently.
    public static func requireDatasets() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: datasets.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw MissingDatasets(path: datasets.path) }
    }

    /// The datasets folder is missing although the dataset tests were asked for.
    public struct MissingDatasets: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "TARSIER_DATASET_TESTS=1 but the datasets folder \(path) does not exist (set TARSIER_DATASETS)"
        }
    }
}
