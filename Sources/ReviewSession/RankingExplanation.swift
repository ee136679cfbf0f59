import Foundation
import Ranking
import ReviewModel
import ReviewStore
import Transformer

/// Explains where the hybrid ranker places one record now: each signal's score, rank, weight and
/// track record in this review (for `tarsier show --explain`). Nothing is written to the review.
public enum RankingExplanation {
    /// The record's overall rank among undecided records (nil if decided) and the per-signal rows.
    public static func explain(recordID: Int64, database: ReviewDatabase) throws -> (
        rank: Int?, signals: [SignalExplanation]
    ) {
        let records = try database.screeningTexts()
        let poolIDs = records.map(\.id)
        guard let position = poolIDs.firstIndex(of: recordID) else { throw ReviewStoreError.noSuchRecord(recordID) }
        let topic = try database.topic()
        // The embeddings a screen opened now would rank with: by the model at hand if any, else
        // by the model the review has embeddings of; the topic's as stored in the review.
        var source: StoredEmbeddings?
        if let directory = ModelLocator.find(explicit: nil),
            let model = try? EmbeddingWorker(database: database, modelDirectory: directory)
        {
            source = StoredEmbeddings(modelSHA256: model.modelSHA256, topic: try model.topicEmbedding())
        } else {
            source = try StoredEmbeddings.resolve(database: database)
        }
        let embeddings = try source?.load(database: database, poolIDs: poolIDs)?.embeddings
        let configuration = CycleConfiguration(ranker: .hybrid, seed: UInt64(try database.reviewProtocol().randomSeed))
        let rankers = try RankerRegistry.makeRankers(
            configuration: configuration, documents: records.map(\.document),
            topic: topic.isEmpty ? nil : topic, embeddings: embeddings)
        let (snapshot, cycle) = try RankingWorker.restore(
            rankers: rankers, poolIDs: poolIDs, history: try database.learningHistory(), configuration: configuration)
        let hybrid = cycle.rankers.first { $0 is HybridRanker } as? HybridRanker
        let rank = snapshot.order.firstIndex(of: position).map { $0 + 1 }
        return (rank, hybrid?.explanation(for: position) ?? [])
    }

    /// Text lines for `tarsier show`.
    public static func lines(rank: Int?, signals: [SignalExplanation]) -> [String] {
        var lines = [
            "ranking   "
                + (rank.map { "#\($0) among undecided records (hybrid, retrained now)" } ?? "decided: not in the queue")
        ]
        for signal in signals.sorted(by: { $0.weight > $1.weight }) {
            let name = signal.signal.padding(toLength: 12, withPad: " ", startingAt: 0)
            lines.append(
                "  \(name)"
                    + String(
                        format: "weight %.2f  rank %5d  score %8.3f  track record %.2f",
                        signal.weight, signal.rank, signal.score, signal.credit))
        }
        return lines
    }
}
