import Foundation
import GRDB
import ReviewModel
import TeamScreening

/// One event of the append-only decision log.
public struct DecisionEvent: Sendable, Codable, Equatable, Identifiable {
    /// How the event came about.
    public enum Kind: String, Sendable, Codable { case decide, undo, redo, `import`, resolve }
    public var id: Int64
    public var recordID: Int64
    public var kind: Kind
    /// The record's label after the event; nil when an undo made it undecided again.
    public var label: Label?
    public var assessor: String
    public var reason: String?
    public var note: String?
    public var decidedAt: Date
    /// For undo and redo: the event undone or re-applied.
    public var undoesDecisionID: Int64?
    /// How the record was picked for the assessor (the ranking's top, a random draw); nil when
    /// chosen by hand.
    public var pickedBy: PickReason?
    /// The ranking run whose order showed the record.
    public var rankingRunID: Int64?
    /// The record's 1-based position in that ranking when it was shown.
    public var rankShown: Int?

    init(row: Row) {
        id = row["id"]
        recordID = row["recordId"]
        kind = Kind(rawValue: row["kind"]) ?? .decide
        label = (row["label"] as String?).flatMap(Label.init(rawValue:))
        assessor = row["assessor"]
        reason = row["reason"]
        note = row["note"]
        decidedAt = row["decidedAt"]
        undoesDecisionID = row["undoesDecisionId"]
        pickedBy = (row["pickedBy"] as String?).flatMap(PickReason.init(rawValue:))
        rankingRunID = row["rankingRunId"]
        rankShown = row["rankShown"]
    }
}

/// Where a decided record came from in the screening order (provenance for the decision log).
public struct DecisionProvenance: Sendable, Equatable {
    public var pickedBy: PickReason?
    public var rankingRunID: Int64?
    public var rankShown: Int?
    /// Each hybrid signal's rank of the record in the ranking shown (table `decisionSignal`): what
    /// the fusion's credit is restored from when the review is reopened.
    public var signalRanks: [String: SignalObservation]
    public init(
        pickedBy: PickReason? = nil, rankingRunID: Int64? = nil, rankShown: Int? = nil,
        signalRanks: [String: SignalObservation] = [:]
    ) {
        self.pickedBy = pickedBy
        self.rankingRunID = rankingRunID
        self.rankShown = rankShown
        self.signalRanks = signalRanks
    }
}

extension ReviewDatabase {
    /// Appends a decision; it is durable (committed) when this returns.
    @discardableResult
    public func decide(
        _ recordID: Int64, _ label: Label, assessor: String, reason: String? = nil, note: String? = nil,
        provenance: DecisionProvenance = DecisionProvenance()
    ) throws -> DecisionEvent {
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM record WHERE id = ?", arguments: [recordID]) != nil else {
                throw ReviewStoreError.noSuchRecord(recordID)
            }
            return try append(
                db, recordID: recordID, kind: .decide, label: label, assessor: assessor, reason: reason, note: note,
                undoes: nil, provenance: provenance)
        }
    }

    /// Undoes this assessor's latest decision (or redo) by appending an event that restores the
    /// label this assessor's own previous event gave the record (undecided when there is none).
    ///
    /// Only this assessor's events count: with two assessors screening one review, an undo never
    /// copies the other assessor's label into this assessor's history.
    @discardableResult
    public func undo(assessor: String) throws -> DecisionEvent {
        try writer.write { db in
            let stacks = try undoRedoStacks(db, assessor: assessor)
            guard let targetID = stacks.undo.last else { throw ReviewStoreError.nothingToUndo }
            let target = try event(db, targetID)
            let previous = try Row.fetchOne(
                db,
                sql: """
                    SELECT label, reason, note FROM decision WHERE recordId = ? AND id < ? AND assessor = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [target.recordID, targetID, assessor])
            return try append(
                db, recordID: target.recordID, kind: .undo,
                label: (previous?["label"] as String?).flatMap(Label.init(rawValue:)), assessor: assessor,
                reason: previous?["reason"], note: previous?["note"], undoes: targetID, provenance: DecisionProvenance()
            )
        }
    }

    /// Re-applies this assessor's most recently undone decision, as a new event.
    @discardableResult
    public func redo(assessor: String) throws -> DecisionEvent {
        try writer.write { db in
            let stacks = try undoRedoStacks(db, assessor: assessor)
            guard let targetID = stacks.redo.last else { throw ReviewStoreError.nothingToRedo }
            let target = try event(db, targetID)
            return try append(
                db, recordID: target.recordID, kind: .redo, label: target.label, assessor: assessor,
                reason: target.reason, note: target.note, undoes: targetID, provenance: DecisionProvenance())
        }
    }

    /// The id of the newest event written by anyone but `assessor` (0 when there is none): a
    /// session compares it with what it saw last to notice another assessor's decisions.
    public func latestEventID(notBy assessor: String) throws -> Int64 {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM decision WHERE assessor != ?", arguments: [assessor]) ?? 0
        }
    }

    /// The events other assessors wrote after event `id`, oldest first.
    public func decisionEvents(after id: Int64, notBy assessor: String) throws -> [DecisionEvent] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM decision WHERE id > ? AND assessor != ? ORDER BY id", arguments: [id, assessor]
            ).map(DecisionEvent.init(row:))
        }
    }

    /// Every event of the log in order (oldest first), optionally for one record.
    public func decisionLog(recordID: Int64? = nil) throws -> [DecisionEvent] {
        try writer.read { db in
            let rows =
                if let recordID {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM decision WHERE recordId = ? ORDER BY id", arguments: [recordID])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY id")
                }
            return rows.map(DecisionEvent.init(row:))
        }
    }

    /// Records whose latest decide event was a random pick (the stopping test's sample).
    public func randomlyPickedRecords() throws -> Set<Int64> {
        try writer.read { db in
            Set(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT d.recordId FROM decision d
                        JOIN (SELECT recordId, MAX(id) AS latest FROM decision WHERE kind = 'decide' GROUP BY recordId) m
                            ON d.id = m.latest
                        WHERE d.pickedBy = ?
                        """, arguments: [PickReason.random.rawValue]))
        }
    }

    /// The newest `limit` events of the log, newest first.
    public func recentDecisions(limit: Int) throws -> [DecisionEvent] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
                .map(DecisionEvent.init(row:))
        }
    }

    /// The current label of every decided record (the latest event per record), canonical records only.
    public func currentLabels() throws -> [Int64: Label] {
        Dictionary(try labelsInDecisionOrder().map { ($0.recordID, $0.label) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: - Private

    private func append(
        _ db: Database, recordID: Int64, kind: DecisionEvent.Kind, label: Label?, assessor: String, reason: String?,
        note: String?, undoes: Int64?, provenance: DecisionProvenance
    ) throws -> DecisionEvent {
        try db.execute(
            sql: """
                INSERT INTO decision (recordId, kind, label, assessor, reason, note, decidedAt, undoesDecisionId,
                    pickedBy, rankingRunId, rankShown)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                recordID, kind.rawValue, label?.rawValue, assessor, reason, note, Date(), undoes,
                provenance.pickedBy?.rawValue, provenance.rankingRunID, provenance.rankShown,
            ])
        let id = db.lastInsertedRowID
        for (signal, seen) in provenance.signalRanks.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO decisionSignal (decisionId, signal, rank, openCount) VALUES (?, ?, ?, ?)",
                arguments: [id, signal, seen.rank, seen.openCount])
        }
        return try event(db, id)
    }

    private func event(_ db: Database, _ id: Int64) throws -> DecisionEvent {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]) else {
            throw ReviewStoreError.noSuchRecord(id)
        }
        return DecisionEvent(row: row)
    }

    /// Replays an assessor's events: decide and redo push on the undo stack (a decide clears the
    /// redo stack); undo moves its target from the undo stack to the redo stack; redo pops its target
    /// from the redo stack.
    func undoRedoStacks(_ db: Database, assessor: String) throws -> (undo: [Int64], redo: [Int64]) {
        var undo: [Int64] = []
        var redo: [Int64] = []
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, kind, undoesDecisionId FROM decision WHERE assessor = ? AND kind != 'import' ORDER BY id",
            arguments: [assessor])
        for row in rows {
            let id: Int64 = row["id"]
            let target: Int64? = row["undoesDecisionId"]
            switch row["kind"] as String {
            case "decide":
                undo.append(id)
                redo.removeAll()
            case "undo":
                undo.removeAll { $0 == target }
                if let target { redo.append(target) }
            case "redo":
                redo.removeAll { $0 == target }
                undo.append(id)
            default: break
            }
        }
        return (undo, redo)
    }
}

extension ReviewDatabase {
    /// Current labels of decided canonical records, ordered by the event that set them (oldest
    /// first). In dual and verified screening these are the final labels (votes agreed, or a
    /// lead resolved the conflict): what stopping rules, the recall curve, PRISMA and `status` count.
    public func labelsInDecisionOrder() throws -> [(recordID: Int64, label: Label)] {
        try writer.read { db in
            let rules = try Self.teamRules(db)
            guard rules.settings.mode == .single else {
                let summary = TeamSummary(rules: rules, book: VoteBook(events: try Self.voteEvents(db)))
                return summary.finalDecisionOrder()
            }
            return try Self.latestLabels(db)
        }
    }

    /// Single screening's labels: the label of each canonical record's latest event, in the order
    /// of those events.
    static func latestLabels(_ db: Database) throws -> [(recordID: Int64, label: Label)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.recordId, d.label FROM decision d
                JOIN (SELECT recordId, MAX(id) AS latest FROM decision GROUP BY recordId) m ON d.id = m.latest
                JOIN record r ON r.id = d.recordId
                WHERE d.label IS NOT NULL AND r.isCanonical ORDER BY d.id
                """
        ).compactMap { row in Label(rawValue: row["label"]).map { (recordID: row["recordId"], label: $0) } }
    }
}

extension ReviewDatabase {
    /// Whether this assessor has a decision to undo and one to redo.
    public func canUndo(assessor: String) throws -> (undo: Bool, redo: Bool) {
        try writer.read { db in
            let stacks = try undoRedoStacks(db, assessor: assessor)
            return (!stacks.undo.isEmpty, !stacks.redo.isEmpty)
        }
    }
}
