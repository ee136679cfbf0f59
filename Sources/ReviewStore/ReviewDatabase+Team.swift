import Foundation
import GRDB
import ReviewModel
import TeamScreening

extension ReviewDatabase {
    /// The review's team settings (single screening, not blind, when never set).
    public func teamSettings() throws -> TeamSettings {
        try setting(Self.teamSettingKey, as: TeamSettings.self) ?? .single
    }

    /// Changes the team settings, refusing (with `ReviewStoreError.teamRule`) a change of mode that
    /// would make existing decisions ambiguous; the check and the write are one transaction.
    public func setTeamSettings(_ settings: TeamSettings) throws {
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try writer.write { db in
            let current = try Self.teamSettings(db)
            let book = VoteBook(events: try Self.voteEvents(db))
            if let refusal = TeamRules.refusal(changingFrom: current.mode, to: settings.mode, book: book) {
                throw ReviewStoreError.teamRule(refusal)
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                arguments: [Self.teamSettingKey, text])
        }
    }

    /// The review's team rules: its settings with its random seed.
    public func teamRules() throws -> TeamRules {
        try writer.read { db in try Self.teamRules(db) }
    }

    /// The decision log as the team rules read it (import events left out).
    public func voteEvents() throws -> [VoteEvent] {
        try writer.read { db in try Self.voteEvents(db) }
    }

    /// Every record's team status, the conflicts and the agreement, from one read of the log.
    public func teamSummary() throws -> TeamSummary {
        try writer.read { db in
            TeamSummary(rules: try Self.teamRules(db), book: VoteBook(events: try Self.voteEvents(db)))
        }
    }

    /// Records a lead's final decision on a record in conflict as a `resolve` event; refuses a
    /// record that is not in conflict. Durable when this returns.
    @discardableResult
    public func resolve(_ recordID: Int64, _ label: Label, assessor: String, reason: String? = nil) throws
        -> DecisionEvent
    {
        try writer.write { db in
            let summary = TeamSummary(rules: try Self.teamRules(db), book: VoteBook(events: try Self.voteEvents(db)))
            guard summary.statuses[recordID]?.isConflict == true else {
                let exists =
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM record WHERE id = ?", arguments: [recordID]) ?? false
                guard exists else { throw ReviewStoreError.noSuchRecord(recordID) }
                throw ReviewStoreError.teamRule("record \(recordID) is not in conflict, so there is nothing to resolve")
            }
            try db.execute(
                sql: """
                    INSERT INTO decision (recordId, kind, label, assessor, reason, decidedAt)
                    VALUES (?, 'resolve', ?, ?, ?, ?)
                    """,
                arguments: [recordID, label.rawValue, assessor, reason, Date()])
            let id = db.lastInsertedRowID
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]) else {
                throw ReviewStoreError.noSuchRecord(recordID)
            }
            return DecisionEvent(row: row)
        }
    }

    static let teamSettingKey = "team"

    static func teamSettings(_ db: Database) throws -> TeamSettings {
        guard
            let text = try String.fetchOne(
                db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [teamSettingKey])
        else { return .single }
        return try JSONDecoder().decode(TeamSettings.self, from: Data(text.utf8))
    }

    static func teamRules(_ db: Database) throws -> TeamRules {
        let seed = try Int.fetchOne(db, sql: "SELECT randomSeed FROM review WHERE id = 1") ?? 1
        return TeamRules(settings: try teamSettings(db), seed: UInt64(bitPattern: Int64(seed)))
    }

    static func voteEvents(_ db: Database) throws -> [VoteEvent] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.recordId, d.kind, d.label, d.assessor, d.undoesDecisionId, d.reason, d.note, d.decidedAt
                FROM decision d JOIN record r ON r.id = d.recordId
                WHERE d.kind != 'import' AND r.isCanonical ORDER BY d.id
                """
        ).compactMap { row in
            guard let kind = VoteEvent.Kind(rawValue: row["kind"]) else { return nil }
            return VoteEvent(
                id: row["id"], recordID: row["recordId"], kind: kind,
                label: (row["label"] as String?).flatMap(Label.init(rawValue:)), assessor: row["assessor"],
                target: row["undoesDecisionId"], reason: row["reason"], note: row["note"], at: row["decidedAt"])
        }
    }
}
