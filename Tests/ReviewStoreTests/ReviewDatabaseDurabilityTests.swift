import Foundation
import ReviewModel
import Testing

@testable import ReviewStore

/// The store's side of crash safety: integrity reports, durable settings, per-assessor undo and the
/// embedding job's progress committed with its batch.
@Suite("Review database durability")
struct ReviewDatabaseDurabilityTests {
    func temporaryReview() throws -> (ReviewDatabase, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let database = try ReviewDatabase.create(
            path: dir.appendingPathComponent("r.tarsier").path, topic: Topic(title: "t"))
        return (database, dir)
    }

    @Test("a review file passes the integrity check in WAL mode with synchronous FULL")
    func integrityOfAFreshFile() throws {
        let (database, dir) = try temporaryReview()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try database.importBatch(input(sampleRecords()))
        let report = try database.integrityReport()
        #expect(report.isOK)
        #expect(report.integrity == ["ok"])
        #expect(report.foreignKeyViolations.isEmpty)
        #expect(report.journalMode == "wal")
        #expect(report.synchronous == "full")
    }

    @Test("a dangling foreign key makes the report fail")
    func danglingForeignKey() throws {
        let (database, dir) = try temporaryReview()
        defer { try? FileManager.default.removeItem(at: dir) }
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: "INSERT INTO recordNote (recordId, assessor, note, updatedAt) VALUES (999, 'ann', 'x', 0)")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let report = try database.integrityReport()
        #expect(!report.isOK)
        #expect(report.foreignKeyViolations.count == 1)
        #expect(report.foreignKeyViolations.first?.contains("recordNote") == true)
    }

    @Test("an undo restores this assessor's own earlier label, never the other assessor's")
    func undoIgnoresOtherAssessors() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let id = try #require(try db.records().first?.id)
        try db.decide(id, .exclude, assessor: "bob")
        try db.decide(id, .include, assessor: "ann")
        // ann had no label of her own before: her undo leaves the record undecided for her.
        let undone = try db.undo(assessor: "ann")
        #expect(undone.label == nil)
        try db.decide(id, .maybe, assessor: "ann")
        try db.decide(id, .include, assessor: "bob")
        try db.decide(id, .exclude, assessor: "ann")
        #expect(try db.undo(assessor: "ann").label == .maybe)
        #expect(try db.latestEventID(notBy: "ann") == 5)
        #expect(try db.latestEventID(notBy: "bob") == 7)
        #expect(try db.latestEventID(notBy: "nobody") == 7)
    }

    @Test("an embedding batch and the job's progress are committed together and read back")
    func embeddingJobProgress() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        #expect(try db.embeddingJob() == nil)
        let ids = try db.records().map(\.id)
        let started = Date(timeIntervalSince1970: 1_700_000_000)
        var job = EmbeddingJobProgress(
            pid: 42, modelSHA256: "abc", model: "m", startedAt: started, done: 1, total: ids.count,
            recordsPerSecond: 2.5, updatedAt: started.addingTimeInterval(10))
        try db.saveEmbeddings([(ids[0], [1, 2, 3])], modelSHA256: "abc", job: job)
        #expect(try db.embeddingJob() == job)
        #expect(try db.embeddingCount(modelSHA256: "abc") == 1)
        // Saving the same record again replaces its row: a resumed job never duplicates one.
        job.done = 2
        try db.saveEmbeddings([(ids[0], [1, 2, 3]), (ids[1], [4, 5, 6])], modelSHA256: "abc", job: job)
        #expect(try db.embeddingRowCount(modelSHA256: "abc") == 2)
        #expect(try db.embeddingJob()?.done == 2)
        #expect(job.secondsLeft == 0)
        job.finishedAt = started.addingTimeInterval(20)
        try db.saveEmbeddingJob(job)
        #expect(try db.embeddingJob()?.finishedAt == job.finishedAt)
    }

    @Test("a failed batch leaves neither embeddings nor progress behind")
    func failedBatchIsAtomic() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let id = try #require(try db.records().first?.id)
        let job = EmbeddingJobProgress(
            pid: 1, modelSHA256: "abc", model: "m", startedAt: Date(), done: 2, total: 2, recordsPerSecond: 1,
            updatedAt: Date())
        // Record 999 does not exist: the foreign key fails the whole transaction.
        #expect(throws: (any Error).self) {
            try db.saveEmbeddings([(id, [1]), (999, [2])], modelSHA256: "abc", job: job)
        }
        #expect(try db.embeddingRowCount(modelSHA256: "abc") == 0)
        #expect(try db.embeddingJob() == nil)
    }
}
