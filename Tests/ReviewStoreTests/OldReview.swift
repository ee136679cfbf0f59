import Foundation
import GRDB

@testable import ReviewStore

/// A review file as an older tarsier left it: the schema up to `migration`, the review row and one
/// import batch of `records` records, then `sql` for the test's own rows. For migration tests.
enum OldReview {
    static func make(upTo migration: String, records: Int, then sql: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("old-\(UUID().uuidString).tarsier")
            .path
        let queue = try DatabaseQueue(path: path)
        try ReviewDatabase.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO review (id, title, randomSeed, createdAt) VALUES (1, 'old', 1, '2026-01-01');
                    INSERT INTO importBatch (id, fileName, format, sha256, recordCount, duplicateCount, warningCount, warnings, importedAt)
                    VALUES (1, 'old.ris', 'ris', 'old', \(records), 0, 0, '[]', '2026-01-01');
                    """ + sql)
        }
        return path
    }

    /// Deletes the file and its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
