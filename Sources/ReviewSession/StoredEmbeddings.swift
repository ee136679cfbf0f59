import Foundation
import Ranking
import ReviewModel
import ReviewStore

/// The embeddings the dense signals use, read from the review: the records' embeddings by one
/// model and the topic's embedding stored with them. The ranking state is a function of the
/// review file, so the screen, `show --explain` and a screen on a machine without the model
/// (scripts, tests from a clone) all rank with the same vectors.
public struct StoredEmbeddings: Sendable {
    /// The model the embeddings come from (its weights' SHA-256).
    public let modelSHA256: String
    /// The topic's embedding by that model, when stored for the current topic.
    public let topic: [Float]?

    /// The review's embeddings by `modelSHA256` (the model at hand), or without it by the model
    /// the review has the most embeddings of; nil when there are none to use.
    public static func resolve(database: ReviewDatabase, modelSHA256: String? = nil) throws -> StoredEmbeddings? {
        let found = try modelSHA256 ?? database.embeddingModels().first?.modelSHA256
        guard let sha = found else { return nil }
        return StoredEmbeddings(modelSHA256: sha, topic: try storedTopic(database: database, modelSHA256: sha))
    }

    /// The stored topic embedding by a model, if it is of the review's current topic.
    public static func storedTopic(database: ReviewDatabase, modelSHA256: String) throws -> [Float]? {
        let text = try database.topic().embeddingText
        guard !text.isEmpty, let stored = try database.value(.topicEmbedding), stored.modelSHA256 == modelSHA256,
            stored.text == text
        else { return nil }
        return stored.vector
    }

    /// The pool's embeddings (rows in pool order, nil where a record has none yet) and how many
    /// there are; nil while there are none.
    public func load(database: ReviewDatabase, poolIDs: [Int64]) throws -> (embeddings: DenseEmbeddings, count: Int)? {
        let cached = try database.embeddings(modelSHA256: modelSHA256)
        guard let dimension = cached.values.first?.count else { return nil }
        let rows = poolIDs.map { cached[$0] }
        return (
            DenseEmbeddings(rows: rows, topic: topic, dimension: dimension), rows.lazy.filter { $0 != nil }.count
        )
    }
}

/// Where a screen's ranking worker reads the pool's embeddings from as they are stored: one model
/// (fixed when the session has the model; otherwise the model the review has the most embeddings
/// of, found as soon as any are stored). Counting is one query; loading reads the vectors.
public final class EmbeddingSource: @unchecked Sendable {
    private let database: ReviewDatabase
    private let poolIDs: [Int64]
    private let lock = NSLock()
    private var stored: StoredEmbeddings?

    /// A source of the embeddings by `fixed` (a model at hand), or by whichever model the review
    /// has embeddings of when nil.
    public init(database: ReviewDatabase, poolIDs: [Int64], fixed: StoredEmbeddings?) {
        self.database = database
        self.poolIDs = poolIDs
        stored = fixed
    }

    private func resolved() throws -> StoredEmbeddings? {
        if let stored = lock.withLock({ stored }) { return stored }
        let found = try StoredEmbeddings.resolve(database: database)
        lock.withLock { stored = found }
        return found
    }

    /// How many records have an embedding now.
    public func count() throws -> Int {
        guard let stored = try resolved() else { return 0 }
        return try database.embeddingCount(modelSHA256: stored.modelSHA256)
    }

    /// The pool's embeddings now, and how many records have one; nil while none do.
    public func load() throws -> (embeddings: DenseEmbeddings, count: Int)? {
        try resolved()?.load(database: database, poolIDs: poolIDs)
    }
}
