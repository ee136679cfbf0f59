import Foundation
import ReviewModel

/// The team's state over a whole review: each record's status, the conflicts, pairwise agreement
/// and each assessor's progress.
public struct TeamSummary: Sendable {
    public let rules: TeamRules
    public let book: VoteBook
    /// Status of every record that has a vote or a resolution.
    public let statuses: [Int64: RecordStatus]

    public init(rules: TeamRules, book: VoteBook) {
        self.rules = rules
        self.book = book
        var statuses: [Int64: RecordStatus] = [:]
        for record in Set(book.votes.keys).union(book.resolutions.keys) {
            statuses[record] = rules.status(
                recordID: record, votes: book.votes[record] ?? [:], resolution: book.resolutions[record])
        }
        self.statuses = statuses
    }

    /// Records in conflict, oldest first (by their latest vote).
    public var conflicts: [(recordID: Int64, votes: [Vote])] {
        statuses.compactMap { id, status in
            if case .conflict(let votes) = status { (id, votes) } else { nil }
        }.sorted { ($0.votes.map(\.eventID).max() ?? 0) < ($1.votes.map(\.eventID).max() ?? 0) }
    }

    /// Final labels (what stopping rules, curves and PRISMA count).
    public var finalLabels: [Int64: Label] { statuses.compactMapValues(\.finalLabel) }

    /// Final labels in the order the records became final (the event that settled each: the
    /// agreeing vote or the resolution).
    public func finalDecisionOrder() -> [(recordID: Int64, label: Label)] {
        statuses.compactMap { id, status -> (Int64, Label, Int64)? in
            guard let label = status.finalLabel else { return nil }
            let settled: Int64 =
                switch status {
                case .resolved(let resolution): resolution.eventID
                default: book.votes[id]?.values.map(\.eventID).max() ?? 0
                }
            return (id, label, settled)
        }.sorted { ($0.2, $0.0) < ($1.2, $1.0) }.map { (recordID: $0.0, label: $0.1) }
    }

    /// Records decided by two or more assessors.
    public var screenedByTwo: Int { book.votes.values.filter { $0.count >= 2 }.count }

    /// Conflicts a lead has resolved.
    public var conflictsResolved: Int { book.resolutions.count }

    /// Agreement of each pair of assessors over the records both voted on; `calibration` limits it
    /// to the first N such records (by their later vote).
    public func agreement(calibration: Int? = nil) -> [PairAgreement] {
        let assessors = book.assessors
        var result: [PairAgreement] = []
        for (i, a) in assessors.enumerated() {
            for b in assessors[(i + 1)...] {
                var pairs = book.votes.values.compactMap { votes -> (Label, Label, Int64)? in
                    guard let va = votes[a], let vb = votes[b] else { return nil }
                    return (va.label, vb.label, max(va.eventID, vb.eventID))
                }.sorted { $0.2 < $1.2 }
                if let calibration { pairs = Array(pairs.prefix(calibration)) }
                guard !pairs.isEmpty else { continue }
                let usesMaybe = pairs.contains { $0.0 == .maybe || $0.1 == .maybe }
                let categories: [Label] = usesMaybe ? [.include, .exclude, .maybe] : [.include, .exclude]
                var counts = Array(repeating: Array(repeating: 0, count: categories.count), count: categories.count)
                for (la, lb, _) in pairs {
                    counts[categories.firstIndex(of: la)!][categories.firstIndex(of: lb)!] += 1
                }
                let table = AgreementTable(categories: categories.map(\.rawValue), counts: counts)
                if let statistics = AgreementStatistics(table) {
                    result.append(PairAgreement(first: a, second: b, table: table, statistics: statistics))
                }
            }
        }
        return result
    }

    /// Each assessor's standing votes and pace.
    public func progress(events: [VoteEvent], now: Date) -> [AssessorProgress] {
        book.assessors.map { name in
            let votes = book.votes.values.compactMap { $0[name] }
            let cast = events.filter { $0.assessor == name && $0.kind == .decide }.map(\.at)
            let lastHour = cast.filter { now.timeIntervalSince($0) <= 3_600 }.count
            var overall: Double?
            // Over less than ten minutes a pace is noise (three scripted decisions in a second
            // are not 10,000 an hour): no overall rate until the span is that long.
            if let first = cast.min(), let last = cast.max(),
                last.timeIntervalSince(first) >= AssessorProgress.minimumSpan
            {
                overall = Double(cast.count) / (last.timeIntervalSince(first) / 3_600)
            }
            return AssessorProgress(
                assessor: name, decided: votes.count, included: votes.filter { $0.label == .include }.count,
                excluded: votes.filter { $0.label == .exclude }.count, maybe: votes.filter { $0.label == .maybe }.count,
                lastHourRate: Double(lastHour), overallRate: overall)
        }
    }
}

/// Agreement of one pair of assessors.
public struct PairAgreement: Sendable, Equatable, Codable {
    public let first: String
    public let second: String
    public let table: AgreementTable
    public let statistics: AgreementStatistics
}

/// One assessor's standing votes and pace (decisions per hour).
public struct AssessorProgress: Sendable, Equatable, Codable {
    public let assessor: String
    public let decided: Int
    public let included: Int
    public let excluded: Int
    public let maybe: Int
    /// Decisions in the last hour.
    public let lastHourRate: Double
    /// Decisions per hour between the assessor's first and latest decision; nil until those are
    /// `minimumSpan` apart.
    public let overallRate: Double?
    /// The shortest span an overall rate is given for: ten minutes.
    public static let minimumSpan: Double = 600
}

extension TeamSummary {
    /// Whether `assessor` may see other assessors' votes on a record: always without blinding or
    /// in single screening, and once the record has a final label (agreed or resolved) otherwise.
    public func revealsVotes(on recordID: Int64, to assessor: String?) -> Bool {
        guard assessor != nil, rules.settings.blind, rules.settings.mode != .single else { return true }
        return statuses[recordID]?.finalLabel != nil
    }

    /// The label a record shows: its final label when it has one; otherwise, for an assessor, their
    /// own vote (blind or not, the queue is theirs), and for a lead (nil) nothing yet.
    public func label(of recordID: Int64, for assessor: String?) -> Label? {
        if let final = statuses[recordID]?.finalLabel { return final }
        guard let assessor else { return nil }
        return book.votes[recordID]?[assessor]?.label
    }

    /// Whether an event of the log may be shown to `assessor` (nil: a lead, who sees everything).
    public func shows(_ event: VoteEvent, to assessor: String?) -> Bool {
        shows(eventBy: event.assessor, on: event.recordID, to: assessor)
    }

    /// Whether an event by `author` on a record may be shown to `assessor`.
    public func shows(eventBy author: String, on recordID: Int64, to assessor: String?) -> Bool {
        author == assessor || revealsVotes(on: recordID, to: assessor)
    }
}
