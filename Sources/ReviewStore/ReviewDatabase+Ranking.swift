import Foundation
import GRDB
import ReviewModel

/// A stored ranking run: which model ordered the records, with what parameters, trained on how many decisions.
public struct RankingRun: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var modelVersion: String
    public var ranker: String
    /// The ranker's parameters as JSON.
    public var parameters: String
    public var trainingSize: Int
    public var createdAt: Date
}

/// The topic's embedding by one model, kept with the records' embeddings (setting
/// `topicEmbedding`): valid while the topic's text is the one embedded.
public struct TopicEmbedding: Sendable, Codable, Equatable {
    /// The model's weights SHA-256.
    public var modelSHA256: String
    /// The text embedded (`Topic.embeddingText`).
    public var text: String
    /// The embedding.
    public var vector: [Float]

    public init(modelSHA256: String, text: String, vector: [Float]) {
        self.modelSHA256 = modelSHA256
        self.text = text
        self.vector = vector
    }
}

/// The first records of the newest ranking run, kept in the review (setting `lastRankingTop`) so
/// that a screen opened on it shows the top of that ranking from its first frame, before its own
/// first ranking is ready.
public struct RankingTop: Sendable, Codable, Equatable {
    /// The ranking run.
    public var runID: Int64
    /// Its first record ids, best first.
    public var top: [Int64]

    public init(runID: Int64, top: [Int64]) {
        self.runID = runID
        self.top = top
    }

    /// How many records are kept: a few screens' worth of queue rows.
    public static let length = 200
}

extension ReviewDatabase {
    /// Stores a ranking run and returns its id (the id decisions refer to); with `top`, its first
    /// records become the review's `lastRankingTop`, in the same transaction.
    public func saveRankingRun(
        modelVersion: String, ranker: String, parameters: String, trainingSize: Int, top: [Int64]? = nil
    ) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO rankingRun (modelVersion, ranker, parameters, trainingSize, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [modelVersion, ranker, parameters, trainingSize, Date()])
            let id = db.lastInsertedRowID
            if let top {
                let value = RankingTop(runID: id, top: Array(top.prefix(RankingTop.length)))
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                    arguments: [
                        ReviewSetting<RankingTop>.lastRankingTop.key,
                        String(decoding: try JSONEncoder().encode(value), as: UTF8.self),
                    ])
            }
            return id
        }
    }

    /// The most recent ranking runs, newest first.
    public func rankingRuns(limit: Int = 20) throws -> [RankingRun] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rankingRun ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                row in
                RankingRun(
                    id: row["id"], modelVersion: row["modelVersion"], ranker: row["ranker"],
                    parameters: row["parameters"], trainingSize: row["trainingSize"], createdAt: row["createdAt"])
            }
        }
    }

    // MARK: - Embeddings

    /// The models the review has record embeddings of, with how many canonical records each
    /// covers, most first.
    public func embeddingModels() throws -> [(modelSHA256: String, count: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.modelSHA256, COUNT(*) FROM embedding e JOIN record r ON r.id = e.recordId
                    WHERE r.isCanonical GROUP BY e.modelSHA256 ORDER BY COUNT(*) DESC, e.modelSHA256
                    """
            ).map { (modelSHA256: $0[0], count: $0[1]) }
        }
    }

    /// Stores embeddings for records under a model's weights SHA-256 (replacing earlier ones), in
    /// one transaction; with `job`, the job's progress is written in that same transaction.
    public func saveEmbeddings(
        _ vectors: [(recordID: Int64, vector: [Float])], modelSHA256: String, job: EmbeddingJobProgress? = nil
    ) throws {
        let jobJSON = try job.map { String(decoding: try Self.progressEncoder.encode($0), as: UTF8.self) }
        try writer.write { db in
            for (recordID, vector) in vectors {
                let data = vector.withUnsafeBufferPointer { Data(buffer: $0) }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO embedding (recordId, modelSHA256, vector) VALUES (?, ?, ?)",
                    arguments: [recordID, modelSHA256, data])
            }
            if let jobJSON {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                    arguments: [EmbeddingJobProgress.settingKey, jobJSON])
            }
        }
    }

    /// Writes an embedding job's progress on its own (at start and when it finishes).
    public func saveEmbeddingJob(_ job: EmbeddingJobProgress) throws {
        let text = String(decoding: try Self.progressEncoder.encode(job), as: UTF8.self)
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                arguments: [EmbeddingJobProgress.settingKey, text])
        }
    }

    /// The newest embedding job's progress, nil when no job has run on this review.
    public func embeddingJob() throws -> EmbeddingJobProgress? {
        guard
            let text = try writer.read({
                try String.fetchOne(
                    $0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [EmbeddingJobProgress.settingKey])
            })
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(EmbeddingJobProgress.self, from: Data(text.utf8))
    }

    private static var progressEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// How many embedding rows a model has, duplicates of a record included (a resumed job must
    /// never store a record twice; the primary key (recordId, modelSHA256) forbids it).
    public func embeddingRowCount(modelSHA256: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embedding WHERE modelSHA256 = ?", arguments: [modelSHA256])
                ?? 0
        }
    }

    /// Every cached embedding for a model, by record id.
    public func embeddings(modelSHA256: String) throws -> [Int64: [Float]] {
        try writer.read { db in
            var result: [Int64: [Float]] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT recordId, vector FROM embedding WHERE modelSHA256 = ?", arguments: [modelSHA256])
            while let row = try cursor.next() {
                let data: Data = row["vector"]
                // Copy: Data's storage is not guaranteed to be Float-aligned.
                var vector = [Float](repeating: 0, count: data.count / MemoryLayout<Float>.size)
                vector.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
                result[row["recordId"]] = vector
            }
            return result
        }
    }

    /// Canonical records that have no embedding yet for a model, as (id, title + abstract).
    public func recordsMissingEmbeddings(modelSHA256: String, limit: Int = 10_000) throws -> [(id: Int64, text: String)]
    {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, COALESCE(r.translatedTitle, r.title) AS title, r.abstract FROM record r
                    WHERE r.isCanonical AND NOT EXISTS
                        (SELECT 1 FROM embedding e WHERE e.recordId = r.id AND e.modelSHA256 = ?)
                    ORDER BY r.id LIMIT ?
                    """,
                arguments: [modelSHA256, limit]
            ).map { row in
                (
                    id: row["id"],
                    text: ScreeningText(id: row["id"], storedTitle: row["title"], storedAbstract: row["abstract"])
                        .document
                )
            }
        }
    }

    /// How many canonical records have an embedding for a model.
    public func embeddingCount(modelSHA256: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM embedding e JOIN record r ON r.id = e.recordId WHERE r.isCanonical AND e.modelSHA256 = ?",
                arguments: [modelSHA256]) ?? 0
        }
    }
}
