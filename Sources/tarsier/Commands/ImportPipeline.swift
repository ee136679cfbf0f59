import Formats
import Foundation
import ReviewModel
import ReviewStore

/// Reads import files on a background thread, one file ahead of the writer: while file N is
/// stored in the review (one SQLite transaction, single-threaded), file N+1 is parsed on the
/// other core. At most two parsed files are in memory at once.
final class ImportPipeline: @unchecked Sendable {
    /// One file, parsed (ready to store) or failed.
    struct Parsed {
        var file: String
        var result: Result<ImportBatchInput, any Error>
    }

    private let condition = NSCondition()
    private var ready: [Parsed] = []
    private var finished = false

    /// Starts parsing `files` in order; `progress` draws (file, bytes read, total bytes).
    /// `admit` sees each file's name and SHA-256 before it is parsed and may throw to skip it
    /// (a file already in the review is refused without parsing it).
    init(files: [String], format: ImportFormat?, labelsAsDecisions: Bool, assessor: String,
         admit: @escaping @Sendable (_ fileName: String, _ sha256: String) throws -> Void = { _, _ in },
         progress: @escaping @Sendable (String, Int64, Int64) -> Void) {
        let thread = Thread { [self] in
            for file in files {
                let parsed = Parsed(file: file, result: Result {
                    let url = URL(fileURLWithPath: file)
                    let sha256: String
                    do {
                        sha256 = try SHA256.hex(fileAt: url)
                    } catch {
                        // The importer words an unreadable file best (file:1: error: cannot read …).
                        _ = try Importer.read(url: url, format: format)
                        throw error
                    }
                    try admit(url.lastPathComponent, sha256)
                    let result = try Importer.read(url: url, format: format) { done, total in progress(file, done, total) }
                    return ImportBatchInput(
                        fileName: url.lastPathComponent, format: result.format, sha256: sha256,
                        records: result.records, warnings: result.diagnostics.map(\.description),
                        labelsAsDecisions: labelsAsDecisions, assessor: assessor)
                })
                condition.lock()
                // Bounded: wait while the writer still has a parsed file it has not taken.
                while !ready.isEmpty { condition.wait() }
                ready.append(parsed)
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next parsed file in command-line order, or nil when all have been handed out.
    func next() -> Parsed? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let parsed = ready.removeFirst()
        condition.broadcast()
        return parsed
    }
}
