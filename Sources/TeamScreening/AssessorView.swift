import ReviewModel

/// What one assessor's screen works from in dual or verified screening: their own votes and the
/// records' final labels (never another assessor's vote on an unsettled record), and the records
/// that wait for their vote.
public struct AssessorView: Sendable, Equatable {
    /// The label each record shows this assessor.
    public let labels: [Int64: Label]
    /// Those records in the order they were decided (their own vote, or when they became final).
    public let order: [Int64]
    /// Records another assessor voted on that need this assessor's vote to be settled.
    public let awaitingMyVote: Set<Int64>
    /// Those records in the order of their first vote.
    public let awaitingOrder: [Int64]

    public init(summary: TeamSummary, assessor: String) {
        var labels: [Int64: Label] = [:]
        var keyed: [(Int64, Int64)] = []
        var awaiting: [(Int64, Int64)] = []
        for (id, status) in summary.statuses {
            if case .awaitingSecondVote(let vote) = status, vote.assessor != assessor {
                awaiting.append((id, vote.eventID))
            }
            guard let label = summary.label(of: id, for: assessor) else { continue }
            labels[id] = label
            let own = summary.book.votes[id]?[assessor]?.eventID
            let settled: Int64? =
                switch status {
                case .resolved(let resolution): resolution.eventID
                default: summary.book.votes[id]?.values.map(\.eventID).max()
                }
            keyed.append((id, own ?? settled ?? 0))
        }
        self.labels = labels
        order = keyed.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        awaitingOrder = awaiting.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        awaitingMyVote = Set(awaitingOrder)
    }

    /// This assessor's queue in dual or verified screening: the records awaiting their vote
    /// first, oldest first vote first, then the ranked records. A half-screened record was at the
    /// top of the ranking when the first assessor was shown it, so it is due now; and its place in
    /// a ranking that has learnt from the first vote would tell the second assessor what that vote
    /// was (an excluded record sinks), which blind screening must not.
    /// - Parameter ranked: the records still open to this assessor, in ranking order; awaiting
    ///   records not among them (voted on since) are left out.
    public func queue(_ ranked: [Int64]) -> [Int64] {
        guard !awaitingMyVote.isEmpty else { return ranked }
        let open = Set(ranked)
        return awaitingOrder.filter(open.contains) + ranked.filter { !awaitingMyVote.contains($0) }
    }
}
