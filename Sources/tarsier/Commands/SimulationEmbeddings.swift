import Evaluation
import Foundation
import Ranking
import ReviewModel
import Transformer

/// Sentence embeddings for `simulate`: read from the embedding cache, the missing ones computed
/// with the BERT encoder (progress on a terminal) and appended to the cache, so several seeds and
/// rankers on a dataset embed each text once.
enum SimulationEmbeddings {
    /// Texts embedded per batch (and appended to the cache per batch, so an interrupted run resumes).
    static let batchSize = 256

    /// Embeddings of `texts` (and of the topic) with the model found by `ModelLocator`; without
    /// a model, from the cache file `cachePath` alone when it holds every text.
    /// - Parameter cachePath: the cache file; nil = `EmbeddingCache.defaultFile`.
    static func load(texts: [String], topic: Topic?, model: String?, cachePath: String?) throws -> DenseEmbeddings {
        let encoder = try ModelLocator.find(explicit: model).map { try BertEncoder(modelDirectory: $0) }
        let cache: EmbeddingCache
        if let encoder {
            let modelHash = encoder.weightsSHA256
            cache = EmbeddingCache(
                fileURL: cachePath.map { URL(fileURLWithPath: $0) }
                    ?? EmbeddingCache.defaultFile(modelSHA256: modelHash),
                modelSHA256: modelHash, dimension: encoder.dimension)
        } else if let cachePath, FileManager.default.fileExists(atPath: cachePath) {
            cache = try EmbeddingCache.existing(fileURL: URL(fileURLWithPath: cachePath))
        } else {
            throw SimulationCommandError(ModelLocator.missingModelMessage(explicit: model))
        }
        let topicText = topic.flatMap { $0.isEmpty ? nil : $0.embeddingText }
        let allTexts = texts + (topicText.map { [$0] } ?? [])
        let keys = allTexts.map(EmbeddingCache.textKey)
        var known = try cache.load(keys: Set(keys))
        var missing: [(key: String, text: String)] = []
        var queued = Set<String>()
        for (key, text) in zip(keys, allTexts) where known[key] == nil && queued.insert(key).inserted {
            missing.append((key, text))
        }
        if !missing.isEmpty, encoder == nil {
            throw SimulationCommandError(
                "\(missing.count) texts are not in \(cache.fileURL.path) and there is no model to embed them: "
                    + ModelLocator.missingModelMessage(explicit: model))
        }
        if let encoder, !missing.isEmpty {
            let progress = ProgressBar(label: "embedding \(missing.count) texts", unit: " texts")
            var done = 0
            progress.update(0, of: missing.count)
            for start in stride(from: 0, to: missing.count, by: batchSize) {
                let batch = Array(missing[start..<min(start + batchSize, missing.count)])
                let vectors = encoder.encode(batch.map(\.text))
                let entries = zip(batch, vectors).map { (key: $0.key, embedding: $1) }
                try cache.append(entries)
                for entry in entries { known[entry.key] = entry.embedding }
                done += batch.count
                progress.update(done, of: missing.count)
            }
            progress.finish()
        }
        let rows = keys.prefix(texts.count).map { known[$0] }
        let topicVector = topicText.flatMap { _ in keys.last.flatMap { known[$0] } }
        return DenseEmbeddings(rows: Array(rows), topic: topicVector, dimension: cache.dimension)
    }
}
