import ReviewModel

/// One screening decision fed to the active-learning loop.
public struct Decision: Sendable, Codable, Hashable {
    /// Index of the record in the pool.
    public var record: Int
    /// Whether the record was included.
    public var relevant: Bool
    /// How the record was chosen.
    public var pickedAt: PickReason
    /// Each hybrid signal's rank of the record in the ranking it was picked from, by signal id,
    /// as stored with the decision (the live screen). Nil: the hybrid uses the ranks of its own
    /// previous ranking (simulation, where that is the ranking the record was picked from).
    public var signalRanks: [String: SignalObservation]?

    /// A decision on `record`.
    public init(record: Int, relevant: Bool, pickedAt: PickReason, signalRanks: [String: SignalObservation]? = nil) {
        self.record = record
        self.relevant = relevant
        self.pickedAt = pickedAt
        self.signalRanks = signalRanks
    }
}
