/// Why the hybrid placed a record where it did: one signal's view of it.
public struct SignalExplanation: Sendable, Hashable, Codable {
    /// The signal's ranker id (`bm25`, `tfidf-lr`, `dense-topic`, `dense-lr`).
    public var signal: String
    /// The signal's weight in the latest fusion (weights of the signals covering the record sum to 1).
    public var weight: Double
    /// The signal's raw score of the record (a log-odds margin, a similarity, a BM25 score).
    public var score: Double
    /// The score on the fusion's common scale (see `ScoreNormalisation`).
    public var normalised: Double
    /// The record's rank by this signal among the unscreened records it covers (1 = best).
    public var rank: Int
    /// The signal's track record in this review: smoothed mean ln(n / rank) it gave the includes
    /// before they were labelled, minus the same for the excludes (see `HybridRanker`).
    public var credit: Double

    /// An explanation row.
    public init(signal: String, weight: Double, score: Double, normalised: Double, rank: Int, credit: Double) {
        self.signal = signal
        self.weight = weight
        self.score = score
        self.normalised = normalised
        self.rank = rank
        self.credit = credit
    }
}
