import Foundation
import GRDB
import ReviewModel
import Testing

@testable import ReviewStore

/// Schema v2 fills the full-text index once per import batch instead of per row; these tests pin
/// that the index stays exactly consistent with the records, including reviews made by schema v1.
@Suite("Batch full-text index")
struct BatchIndexTests {
    /// FTS5's own check that the index matches the external content table, plus SQLite's.
    private func expectConsistent(_ database: ReviewDatabase) throws {
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO recordFts (recordFts) VALUES ('integrity-check')")
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let indexed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recordFts_docsize")
            #expect(indexed == (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record")))
        }
    }

    @Test("two batches with duplicates joining earlier groups leave a consistent, searchable index")
    func twoBatches() throws {
        let database = try ReviewDatabase.inMemory()
        _ = try database.importBatch(input(sampleRecords(), sha: "a"))
        var later = sampleRecords()
        later.append(
            ImportedRecord(
                fields: ReferenceFields(title: "Zebrafish sleep genetics in a new cohort", abstract: "zebrafish"),
                line: 30))
        let summary = try database.importBatch(input(later, sha: "b"))
        #expect(summary.duplicateCount == 5)
        try expectConsistent(database)
        #expect(try database.search("zebrafish").count == 1)
        #expect(try database.search("randomised").count == 1)
    }

    @Test("the duplicate group records the key that matched an earlier record")
    func matchedOn() throws {
        let database = try ReviewDatabase.inMemory()
        _ = try database.importBatch(input(sampleRecords()))
        let keys = try database.writer.read {
            try String.fetchAll($0, sql: "SELECT matchedOn FROM duplicateGroup ORDER BY id")
        }
        #expect(keys == ["doi:10.1000/abc", "pmid:222"])
    }

    @Test("a review made by schema v1 (per-row index triggers) migrates and keeps one consistent index")
    func fromVersionOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).tarsier").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let queue = try DatabaseQueue(path: path)
            try ReviewDatabase.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO review (id, title, randomSeed, createdAt) VALUES (1, 'old', 1, '2026-01-01')")
                try db.execute(
                    sql: """
                        INSERT INTO importBatch (id, fileName, format, sha256, recordCount, duplicateCount, warningCount, warnings, importedAt)
                        VALUES (1, 'old.ris', 'ris', 'old', 1, 0, 0, '[]', '2026-01-01');
                        INSERT INTO record (importBatchId, line, title, abstract, authors, keywords, meshTerms, urls, rawText)
                        VALUES (1, 1, 'Hedgehog hibernation physiology', 'hedgehogs', '[]', '[]', '[]', '[]', '');
                        """)
            }
        }
        let database = try ReviewDatabase.open(path: path)
        _ = try database.importBatch(input(sampleRecords(), sha: "new"))
        try expectConsistent(database)
        #expect(try database.search("hedgehog").count == 1)
        #expect(try database.search("cafe").count == 1)
    }

    @Test("a batch stored in chunks equals the same batch stored at once, duplicates across chunks included")
    func chunked() throws {
        let records =
            sampleRecords()
            + sampleRecords().map { record in
                var copy = record
                copy.line += 100
                return copy
            }
        let whole = try ReviewDatabase.inMemory()
        let expected = try whole.importBatch(input(records))
        let chunked = try ReviewDatabase.inMemory()
        var chunks = stride(from: 0, to: records.count, by: 3).map { Array(records[$0..<min($0 + 3, records.count)]) }[
            ...]
        let summary = try chunked.importBatch(
            fileName: "sample.ris", sha256: "sha-1", next: { chunks.popFirst() },
            finish: { (.ris, ["sample.ris:3: warning: unknown tag XX"]) })
        #expect(summary == expected)
        #expect(try chunked.records(.duplicates).map(\.line) == (try whole.records(.duplicates).map(\.line)))
        #expect(try chunked.status().imports.first?.format == "ris")
        try expectConsistent(chunked)
    }

    @Test("a chunked batch whose reader fails halfway stores nothing")
    func chunkedFailure() throws {
        let database = try ReviewDatabase.inMemory()
        var handedOver = false
        #expect(throws: ReviewStoreError.self) {
            _ = try database.importBatch(
                fileName: "bad.ris", sha256: "sha-bad",
                next: {
                    if handedOver { throw ReviewStoreError.nothingToUndo }
                    handedOver = true
                    return sampleRecords()
                },
                finish: { (.ris, []) })
        }
        #expect(try database.status().records == 0)
        #expect(try database.status().imports.isEmpty)
        try expectConsistent(database)
    }
}
