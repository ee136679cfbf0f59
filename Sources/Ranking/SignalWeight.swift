/// One fused signal's standing at a ranking: its weight in the fusion and the credit behind it.
public struct SignalWeight: Sendable, Hashable, Codable {
    /// The signal's ranker id (`bm25`, `tfidf-lr`, `dense-topic`, `dense-lr`).
    public var signal: String
    /// Its weight in the fusion (the weights of the signals that ranked sum to 1; 0 when it could not rank).
    public var weight: Double
    /// Its track record in this review (see `HybridRanker`): smoothed mean ln(n / rank) over the
    /// includes minus the same over the excludes.
    public var credit: Double

    /// A signal's standing.
    public init(signal: String, weight: Double, credit: Double) {
        self.signal = signal
        self.weight = weight
        self.credit = credit
    }
}

/// A ranker made of signals reports how it weighed them at its latest ranking.
public protocol WeightedFusion {
    /// Each signal's weight and credit at the latest ranking, in signal order.
    var signalWeights: [SignalWeight] { get }
    /// The signal served instead of the fusion at the latest ranking (follow-the-leader), if any.
    var servedSignal: String? { get }
}
