import Foundation
import GRDB
import ReviewModel

/// One duplicate group: the record screened and the records hidden behind it.
public struct DuplicateGroup: Sendable, Equatable, Codable {
    public struct Member: Sendable, Equatable, Codable {
        public var recordID: Int64
        public var title: String
        public var file: String
        /// The key this record shares with the screened one (`doi:…`, `pmid:…`, `title:…|year`).
        public var key: String
    }
    public var groupID: Int64
    public var canonicalID: Int64
    public var canonicalTitle: String
    public var members: [Member]
}

/// Two records whose titles and years match but whose DOIs or PMIDs differ: both are screened
/// until someone marks them as duplicates or as distinct.
public struct PossibleDuplicate: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable { case open, duplicate, distinct }
    public var recordID: Int64
    public var otherRecordID: Int64
    public var key: String
    public var state: State
}

extension ReviewDatabase {
    /// Every duplicate group with the key that joined each hidden record.
    public func duplicateGroups() throws -> [DuplicateGroup] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.title, r.doi, r.pmid, r.year, r.duplicateGroupId, r.isCanonical, b.fileName
                    FROM record r JOIN importBatch b ON b.id = r.importBatchId
                    WHERE r.duplicateGroupId IS NOT NULL ORDER BY r.duplicateGroupId, r.id
                    """)
            var groups: [DuplicateGroup] = []
            var canonicalKeys: Set<String> = []
            for row in rows {
                var fields = ReferenceFields(title: row["title"])
                fields.doi = row["doi"]
                fields.pmid = row["pmid"]
                fields.year = row["year"]
                let group: Int64 = row["duplicateGroupId"]
                if row["isCanonical"] as Bool {
                    groups.append(
                        DuplicateGroup(
                            groupID: group, canonicalID: row["id"], canonicalTitle: fields.title, members: []))
                    canonicalKeys = Set(fields.duplicateKeys)
                } else if groups.last?.groupID == group {
                    let key = fields.duplicateKeys.first(where: canonicalKeys.contains) ?? "(marked by hand)"
                    groups[groups.count - 1].members.append(
                        .init(recordID: row["id"], title: fields.title, file: row["fileName"], key: key))
                }
            }
            return groups.filter { !$0.members.isEmpty }
        }
    }

    /// Every possible-duplicate pair with its state (the latest mark, open without one).
    public func possibleDuplicates() throws -> [PossibleDuplicate] {
        try writer.read { db in
            var marks: [String: PossibleDuplicate.State] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, recordId, otherRecordId FROM duplicateEvent
                    WHERE kind IN ('mark-duplicate', 'mark-distinct') ORDER BY id
                    """)
            {
                let pair = Self.pairKey(row["recordId"], row["otherRecordId"])
                marks[pair] = (row["kind"] as String) == "mark-duplicate" ? .duplicate : .distinct
            }
            return try Row.fetchAll(db, sql: "SELECT recordId, otherRecordId, key FROM possibleDuplicate ORDER BY id")
                .map { row in
                    let (a, b): (Int64, Int64) = (row["recordId"], row["otherRecordId"])
                    return PossibleDuplicate(
                        recordID: a, otherRecordID: b, key: row["key"], state: marks[Self.pairKey(a, b)] ?? .open)
                }
        }
    }

    /// Takes a hidden record out of its duplicate group so it is screened on its own: a `split`
    /// event in the duplicate log; nothing is deleted.
    public func splitDuplicate(_ recordID: Int64, assessor: String) throws {
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT isCanonical, duplicateGroupId FROM record WHERE id = ?", arguments: [recordID])
            else { throw ReviewStoreError.noSuchRecord(recordID) }
            guard !(row["isCanonical"] as Bool), let group = row["duplicateGroupId"] as Int64? else {
                throw ReviewStoreError.teamRule(
                    "record \(recordID) is not a hidden duplicate, so there is nothing to split")
            }
            let canonical = try Int64.fetchOne(
                db, sql: "SELECT id FROM record WHERE duplicateGroupId = ? AND isCanonical", arguments: [group])
            try db.execute(
                sql: "UPDATE record SET isCanonical = 1, duplicateGroupId = NULL WHERE id = ?", arguments: [recordID])
            try Self.logDuplicateEvent(db, "split", recordID, canonical, assessor)
        }
    }

    /// Marks a possible-duplicate pair: as duplicates (the later record joins the earlier one's
    /// group and is no longer screened) or as distinct works (both stay). Refused for a pair that
    /// is not a possible duplicate.
    public func markPossibleDuplicate(_ recordID: Int64, _ otherID: Int64, duplicate: Bool, assessor: String) throws {
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT recordId, otherRecordId FROM possibleDuplicate
                        WHERE (recordId = ?1 AND otherRecordId = ?2) OR (recordId = ?2 AND otherRecordId = ?1)
                        """, arguments: [recordID, otherID])
            else {
                throw ReviewStoreError.teamRule("records \(recordID) and \(otherID) are not a possible-duplicate pair")
            }
            let (later, earlier): (Int64, Int64) = (row["recordId"], row["otherRecordId"])
            if duplicate {
                var group = try Int64.fetchOne(
                    db, sql: "SELECT duplicateGroupId FROM record WHERE id = ?", arguments: [earlier])
                if group == nil {
                    try db.execute(sql: "INSERT INTO duplicateGroup (matchedOn) VALUES ('marked by hand')")
                    group = db.lastInsertedRowID
                    try db.execute(
                        sql: "UPDATE record SET duplicateGroupId = ? WHERE id = ?", arguments: [group, earlier])
                }
                try db.execute(
                    sql: "UPDATE record SET isCanonical = 0, duplicateGroupId = ? WHERE id = ?",
                    arguments: [group, later])
            }
            try Self.logDuplicateEvent(db, duplicate ? "mark-duplicate" : "mark-distinct", later, earlier, assessor)
        }
    }

    private static func logDuplicateEvent(
        _ db: Database, _ kind: String, _ record: Int64, _ other: Int64?, _ assessor: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO duplicateEvent (kind, recordId, otherRecordId, assessor, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [kind, record, other, assessor, Date()])
    }

    private static func pairKey(_ a: Int64, _ b: Int64) -> String { "\(min(a, b))-\(max(a, b))" }
}

extension ReviewDatabase {
    /// Which of these duplicate keys (`doi:…`, `pmid:…`, `title:…|year`) the review already holds.
    public func knownDuplicateKeys(_ keys: [String]) throws -> Set<String> {
        try writer.read { db in
            var known: Set<String> = []
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk..<min(keys.count, chunk + 500)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                known.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT key FROM duplicateKey WHERE key IN (\(marks))",
                        arguments: StatementArguments(part)))
            }
            return known
        }
    }
}
