import ReviewModel

/// The hybrid's signals' ranks in one ranking, kept with that ranking so a decision on any record
/// picked from it can store where each signal had placed the record (`SignalObservation`).
public struct SignalRankTable: Sendable {
    private let entries: [(id: String, ranks: SignalRanks, coverage: [Bool]?)]
    private let screened: [Bool]

    init(entries: [(String, SignalRanks, [Bool]?)], screened: [Bool]) {
        self.entries = entries.map { (id: $0.0, ranks: $0.1, coverage: $0.2) }
        self.screened = screened
    }

    /// The signals' ranks of pool record `record`, by signal id; empty when it was screened
    /// already (it was not open in this ranking) or is outside the pool.
    public func observations(for record: Int) -> [String: SignalObservation] {
        guard record >= 0, record < screened.count, !screened[record] else { return [:] }
        var result: [String: SignalObservation] = [:]
        for entry in entries where entry.ranks.openCount > 0 && (entry.coverage?[record] ?? true) {
            let score = entry.ranks.scores[record]
            guard score.isFinite else { continue }
            result[entry.id] = SignalObservation(
                rank: entry.ranks.rank(of: score, isOpen: true), openCount: entry.ranks.openCount)
        }
        return result
    }
}
