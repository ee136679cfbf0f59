import Foundation
import GRDB
import ReviewModel

/// Writes one import batch's records inside the import transaction: each record is inserted
/// already placed in its duplicate group, so a duplicate costs no extra update of its own row.
///
/// Every duplicate key of the review is held in memory for the batch (one read instead of a
/// lookup per key per record). The first record imported under a key is the canonical record; a
/// later record sharing any key joins that record's group, created on its first duplicate.
struct ImportBatchWriter {
    private let db: Database
    private let batchID: Int64
    private var owners: [String: Int64] = [:]
    /// Duplicate group of each canonical record already looked up or given a group in this batch.
    private var groups: [Int64: Int64] = [:]
    /// DOIs and PMIDs of each canonical record's group, looked up when a title key first matches it.
    private var identifiers: [Int64: WorkIdentifiers] = [:]
    private let groupIdentifiers: Statement
    /// Possible duplicates linked in this batch.
    private(set) var possibleDuplicates = 0
    private let insertPossible: Statement
    private let insertRecord: Statement
    private let insertKey: Statement
    private let groupOf: Statement
    private let insertGroup: Statement
    private let setGroup: Statement

    init(db: Database, batchID: Int64) throws {
        self.db = db
        self.batchID = batchID
        let rows = try Row.fetchCursor(db, sql: "SELECT key, recordId FROM duplicateKey")
        while let row = try rows.next() { owners[row[0]] = row[1] }
        insertRecord = try db.makeStatement(
            sql: """
                INSERT INTO record (importBatchId, line, sourceID, type, title, abstract, authors, journal, year,
                    volume, issue, pages, doi, pmid, keywords, meshTerms, urls, language, rawText,
                    duplicateGroupId, isCanonical, translatedTitle)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertKey = try db.makeStatement(sql: "INSERT INTO duplicateKey (key, recordId) VALUES (?, ?)")
        groupOf = try db.makeStatement(sql: "SELECT duplicateGroupId FROM record WHERE id = ?")
        insertGroup = try db.makeStatement(sql: "INSERT INTO duplicateGroup (matchedOn) VALUES (?)")
        setGroup = try db.makeStatement(sql: "UPDATE record SET duplicateGroupId = ? WHERE id = ?")
        groupIdentifiers = try db.makeStatement(
            sql: """
                SELECT doi, pmid FROM record WHERE id = ?1
                   OR (duplicateGroupId IS NOT NULL AND duplicateGroupId = (SELECT duplicateGroupId FROM record WHERE id = ?1))
                """)
        insertPossible = try db.makeStatement(
            sql: "INSERT INTO possibleDuplicate (recordId, otherRecordId, key) VALUES (?, ?, ?)")
    }

    /// Stores `record`; returns its id and whether it joined an earlier record's duplicate group.
    mutating func write(_ record: ImportedRecord) throws -> (id: Int64, duplicate: Bool) {
        let keys = record.fields.duplicateKeys
        let own = WorkIdentifiers(record.fields)
        var matched: (key: String, canonical: Int64)?
        var possible: (key: String, canonical: Int64)?
        for key in keys {
            guard let canonical = owners[key] else { continue }
            // A match the DOIs or PMIDs contradict (a title + year match, or a shared PMID when
            // the group already holds another DOI) is a possible duplicate only: both records
            // stay screenable. So a group never holds two DOIs or two PMIDs.
            if try identifiers(of: canonical).contradicts(own) {
                possible = (key, canonical)
                continue
            }
            matched = (key, canonical)
            break
        }
        let groupID = try matched.map { try group(of: $0.canonical, matchedOn: $0.key) }
        let f = record.fields
        insertRecord.setUncheckedArguments([
            batchID, record.line, record.sourceID, f.type, f.title, f.abstract, ReviewDatabase.json(f.authors),
            f.journal, f.year, f.volume, f.issue, f.pages, f.doi, f.pmid, ReviewDatabase.json(f.keywords),
            ReviewDatabase.json(f.meshTerms), ReviewDatabase.json(f.urls), f.language, record.raw,
            groupID, groupID == nil, f.translatedTitle,
        ])
        try insertRecord.execute()
        let id = db.lastInsertedRowID
        let owner = matched?.canonical ?? id
        for key in keys where owners[key] == nil {
            owners[key] = owner
            try insertKey.execute(arguments: [key, owner])
        }
        if let canonical = matched?.canonical {
            identifiers[canonical] = try identifiers(of: canonical).union(own)
        } else if let possible {
            try insertPossible.execute(arguments: [id, possible.canonical, possible.key])
            possibleDuplicates += 1
        }
        return (id, groupID != nil)
    }

    /// The DOIs and PMIDs of a canonical record and its duplicates.
    private mutating func identifiers(of canonical: Int64) throws -> WorkIdentifiers {
        if let known = identifiers[canonical] { return known }
        var result = WorkIdentifiers()
        let rows = try Row.fetchCursor(groupIdentifiers, arguments: [canonical])
        while let row = try rows.next() {
            var fields = ReferenceFields(title: "")
            fields.doi = row[0]
            fields.pmid = row[1]
            result = result.union(WorkIdentifiers(fields))
        }
        identifiers[canonical] = result
        return result
    }

    /// The duplicate group of the canonical record `canonical`, created (and the canonical record
    /// put in it) on its first duplicate.
    private mutating func group(of canonical: Int64, matchedOn key: String) throws -> Int64 {
        if let cached = groups[canonical] { return cached }
        if let known = try Int64.fetchOne(groupOf, arguments: [canonical]) {
            groups[canonical] = known
            return known
        }
        try insertGroup.execute(arguments: [key])
        let created = db.lastInsertedRowID
        try setGroup.execute(arguments: [created, canonical])
        groups[canonical] = created
        return created
    }
}
