import Foundation

/// The remembered SHA-256 of a weights file: `<file>.sha256` holding `hex size mtime`, trusted
/// only while the file's size and modification time are unchanged.
struct WeightsHashSidecar {
    let modelFile: URL
    private var sidecar: URL { modelFile.appendingPathExtension("sha256") }

    private var stamp: String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: modelFile.path),
            let size = attributes[.size] as? NSNumber,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(size.int64Value) \(Int64(modified.timeIntervalSince1970 * 1000))"
    }

    /// The remembered digest, if present and still matching the file.
    func read() -> String? {
        guard let stamp, let text = try? String(contentsOf: sidecar, encoding: .utf8) else { return nil }
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, String(parts[1]) == stamp, parts[0].count == 64,
            parts[0].allSatisfy(\.isHexDigit)
        else { return nil }
        return String(parts[0])
    }

    /// Remembers `digest`; silently does nothing if the folder is read-only.
    func write(_ digest: String) {
        guard let stamp else { return }
        try? "\(digest) \(stamp)\n".write(to: sidecar, atomically: true, encoding: .utf8)
    }
}
