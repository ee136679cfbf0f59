import Foundation
import TestSupport

/// Locates the real-world import samples: the copies in `Tests/Fixtures/import-samples/` (default
/// test run) and the large PubMed baseline files, which only the dataset tests read.
enum SampleFiles {
    /// The package root.
    static let packageRoot = TestData.packageRoot
    /// The import samples in the repository.
    static let root = TestData.fixture("import-samples")

    /// A sample by its path relative to `import-samples/`.
    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// A large PubMed baseline file (`import-samples/pubmed-xml-large/` of the datasets folder).
    static func large(_ name: String) -> URL { TestData.dataset("import-samples/pubmed-xml-large/\(name)") }
}
