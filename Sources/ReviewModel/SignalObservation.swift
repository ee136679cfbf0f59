/// Where one signal of the hybrid placed a record in the ranking the assessor was shown: its
/// rank (1 = best, ties averaged) among the `openCount` records still unscreened then.
public struct SignalObservation: Sendable, Codable, Hashable {
    public var rank: Double
    public var openCount: Int

    public init(rank: Double, openCount: Int) {
        self.rank = rank
        self.openCount = openCount
    }
}
