import Foundation
import GRDB
import ReviewModel
import TeamScreening

/// One record as the ranker learns from it.
public struct LearningExample: Sendable, Equatable {
    public var recordID: Int64
    public var label: Label
    /// The hybrid signals' ranks of the record in the ranking shown when it was first decided
    /// (empty for decisions made before they were stored, or by import).
    public var signalRanks: [String: SignalObservation]
}

extension ReviewDatabase {
    /// What the ranker learns from, in decision order (oldest first): the current label of each
    /// decided canonical record in single screening; in dual and verified screening the team's
    /// learning label (final label, else relevant when any vote is include). Each comes with the
    /// signal ranks stored with the record's first decision, from which the hybrid restores its
    /// credit, so the live ranking is a function of the review file.
    public func learningHistory() throws -> [LearningExample] {
        try writer.read { db in
            let rules = try Self.teamRules(db)
            var ordered: [(recordID: Int64, label: Label)]
            if rules.settings.mode == .single {
                ordered = try Self.latestLabels(db)
            } else {
                let summary = TeamSummary(rules: rules, book: VoteBook(events: try Self.voteEvents(db)))
                let latest = summary.book.votes.mapValues { $0.values.map(\.eventID).max() ?? 0 }
                ordered = summary.statuses.compactMap { id, status in
                    rules.learningLabel(status).map { (recordID: id, label: $0) }
                }.sorted { (latest[$0.recordID] ?? 0, $0.recordID) < (latest[$1.recordID] ?? 0, $1.recordID) }
            }
            // Signal ranks of each record's first decision that has them.
            var ranks: [Int64: [String: SignalObservation]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.recordId, s.decisionId, s.signal, s.rank, s.openCount FROM decisionSignal s
                    JOIN decision d ON d.id = s.decisionId ORDER BY s.decisionId
                    """)
            var firstDecision: [Int64: Int64] = [:]
            while let row = try rows.next() {
                let record: Int64 = row[0]
                let decision: Int64 = row[1]
                if let first = firstDecision[record], first != decision { continue }
                firstDecision[record] = decision
                ranks[record, default: [:]][row[2]] = SignalObservation(rank: row[3], openCount: row[4])
            }
            return ordered.map {
                LearningExample(recordID: $0.recordID, label: $0.label, signalRanks: ranks[$0.recordID] ?? [:])
            }
        }
    }
}
