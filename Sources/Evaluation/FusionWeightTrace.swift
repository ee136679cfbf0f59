import Ranking

/// How a fusion weighed its signals over a replay (`simulate --json`'s `weights`): one point at
/// the first fused ranking, one whenever a signal's weight has moved by at least `resolution`
/// since the last point (or a signal joined, or the served signal changed), and one at the last
/// ranking, so a lead can see when and why the ranking moved without a point per decision.
public struct FusionWeightTrace: Sendable {
    /// One recorded ranking.
    public struct Point: Sendable, Hashable, Codable {
        /// Decisions the ranking was trained on.
        public var decisions: Int
        /// Includes among them.
        public var includes: Int
        /// The single signal served instead of the fusion, if any.
        public var served: String?
        /// Each signal's weight and credit.
        public var signals: [SignalWeight]
    }

    /// Smallest change of any weight that records a new point.
    public let resolution: Double
    /// The recorded points, oldest first.
    public private(set) var points: [Point] = []
    /// The newest ranking seen, kept until a later one shows whether it is the last.
    private var pending: Point?

    /// An empty trace.
    public init(resolution: Double = 0.01) {
        self.resolution = resolution
    }

    /// Notes a ranking; snapshots of a ranker that is not a fusion are ignored.
    public mutating func note(_ snapshot: RankingSnapshot) {
        guard !snapshot.signalWeights.isEmpty else { return }
        let point = Point(
            decisions: snapshot.trainingSetSize, includes: snapshot.trainingIncludes, served: snapshot.servedSignal,
            signals: snapshot.signalWeights)
        if let last = points.last, !moved(from: last, to: point) {
            pending = point
            return
        }
        points.append(point)
        pending = nil
    }

    /// The recorded points followed by the last ranking seen.
    public var finished: [Point] {
        pending.map { points + [$0] } ?? points
    }

    private func moved(from old: Point, to new: Point) -> Bool {
        guard old.served == new.served, old.signals.map(\.signal) == new.signals.map(\.signal) else { return true }
        return zip(old.signals, new.signals).contains { abs($0.weight - $1.weight) >= resolution }
    }
}
