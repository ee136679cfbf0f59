import Foundation

/// Locates the shared real-world samples: `<package root>/../shared/datasets/import-samples`.
enum SampleFiles {
    /// The package root, three levels above this file (Tests/FormatsTests/SampleFiles.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared datasets directory.
    static let datasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    /// The import samples directory.
    static let root = datasets.appendingPathComponent("import-samples")

    /// A sample by its path relative to `import-samples/`.
    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// True when the shared samples are present (they are in CI and on the dev machines).
    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }
}
