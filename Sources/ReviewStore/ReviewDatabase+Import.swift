import Foundation
import GRDB
import ReviewModel

/// What one imported file added to a review.
public struct ImportSummary: Sendable, Codable, Equatable {
    public var batchID: Int64
    public var recordCount: Int
    /// Records that joined an existing duplicate group (kept, not screened separately).
    public var duplicateCount: Int
    public var warningCount: Int
    /// Decisions created from labels carried in the file (`--labels-as-decisions`).
    public var decisionCount: Int
    /// Problems found while storing (a NUL character replaced), as `file:line: warning: …`; they are
    /// also in the batch's warnings and `warningCount`.
    public var storeWarnings: [String]
}

/// A file's records and metadata, ready to be stored as one import batch.
public struct ImportBatchInput: Sendable {
    public var fileName: String
    public var format: ImportFormat
    public var sha256: String
    public var records: [ImportedRecord]
    /// Record-level problems, already formatted as `file:line: warning: …`.
    public var warnings: [String]
    /// When true, labels carried in the file become decisions by `assessor`.
    public var labelsAsDecisions: Bool
    public var assessor: String

    public init(
        fileName: String, format: ImportFormat, sha256: String, records: [ImportedRecord], warnings: [String],
        labelsAsDecisions: Bool = false, assessor: String = "import"
    ) {
        self.fileName = fileName
        self.format = format
        self.sha256 = sha256
        self.records = records
        self.warnings = warnings
        self.labelsAsDecisions = labelsAsDecisions
        self.assessor = assessor
    }
}

extension ReviewDatabase {
    /// Stores one file's records as an import batch, in a single transaction: either every record
    /// is stored (with duplicate groups and FTS index) or, on any error, nothing changes.
    ///
    /// - Throws: `ReviewStoreError.alreadyImported` when a file with the same SHA-256 is in the review.
    public func importBatch(_ input: ImportBatchInput) throws -> ImportSummary {
        var records: [ImportedRecord] = []
        var storeWarnings: [String] = []
        records.reserveCapacity(input.records.count)
        for record in input.records {
            let (stored, replaced) = record.replacingNUL()
            if replaced {
                storeWarnings.append("\(input.fileName):\(record.line): warning: NUL character replaced by U+FFFD (a review cannot store it)")
            }
            records.append(stored)
        }
        let warnings = input.warnings + storeWarnings
        return try writer.write { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, importedAt FROM importBatch WHERE sha256 = ?", arguments: [input.sha256])
            {
                throw ReviewStoreError.alreadyImported(file: input.fileName, batch: row["id"], date: row["importedAt"])
            }
            let warningsJSON = String(decoding: try JSONEncoder().encode(warnings), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO importBatch (fileName, format, sha256, recordCount, duplicateCount, warningCount, warnings, importedAt)
                    VALUES (?, ?, ?, ?, 0, ?, ?, ?)
                    """,
                arguments: [input.fileName, input.format.rawValue, input.sha256, records.count,
                            warnings.count, warningsJSON, Date()])
            let batchID = db.lastInsertedRowID
            var duplicates = 0
            var decisions = 0
            let now = Date()
            for record in records {
                let recordID = try insert(record, batchID: batchID, db: db)
                if try joinDuplicateGroup(recordID: recordID, keys: record.fields.duplicateKeys, db: db) {
                    duplicates += 1
                }
                if input.labelsAsDecisions, let label = record.label {
                    try db.execute(
                        sql: """
                            INSERT INTO decision (recordId, kind, label, assessor, note, decidedAt)
                            VALUES (?, 'import', ?, ?, ?, ?)
                            """,
                        arguments: [recordID, label.rawValue, input.assessor, "label from \(input.fileName)", now])
                    decisions += 1
                }
            }
            try db.execute(sql: "UPDATE importBatch SET duplicateCount = ? WHERE id = ?", arguments: [duplicates, batchID])
            return ImportSummary(
                batchID: batchID, recordCount: records.count, duplicateCount: duplicates,
                warningCount: warnings.count, decisionCount: decisions, storeWarnings: storeWarnings)
        }
    }

    private func insert(_ record: ImportedRecord, batchID: Int64, db: Database) throws -> Int64 {
        let f = record.fields
        // A cached statement: compiled once per import, not once per record.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO record (importBatchId, line, sourceID, type, title, abstract, authors, journal, year,
                volume, issue, pages, doi, pmid, keywords, meshTerms, urls, language, rawText)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            batchID, record.line, record.sourceID, f.type, f.title, f.abstract, Self.json(f.authors),
            f.journal, f.year, f.volume, f.issue, f.pages, f.doi, f.pmid, Self.json(f.keywords),
            Self.json(f.meshTerms), Self.json(f.urls), f.language, record.raw,
        ])
        return db.lastInsertedRowID
    }

    /// Puts the record in the duplicate group of the first earlier record sharing one of its keys.
    /// - Returns: true when the record is a duplicate of an earlier one.
    private func joinDuplicateGroup(recordID: Int64, keys: [String], db: Database) throws -> Bool {
        var canonical: Int64?
        for key in keys {
            let lookup = try db.cachedStatement(sql: "SELECT recordId FROM duplicateKey WHERE key = ?")
            if let match = try Int64.fetchOne(lookup, arguments: [key]) {
                canonical = match
                break
            }
        }
        let owner = canonical ?? recordID
        let insertKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO duplicateKey (key, recordId) VALUES (?, ?)")
        for key in keys { try insertKey.execute(arguments: [key, owner]) }
        guard let canonical else { return false }
        var groupID = try Int64.fetchOne(db, sql: "SELECT duplicateGroupId FROM record WHERE id = ?", arguments: [canonical])
        if groupID == nil {
            let matchedOn = try String.fetchOne(
                db, sql: "SELECT key FROM duplicateKey WHERE recordId = ? AND key IN (\(keys.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments([canonical] + keys.map { $0 as (any DatabaseValueConvertible) })) ?? "?"
            try db.execute(sql: "INSERT INTO duplicateGroup (matchedOn) VALUES (?)", arguments: [matchedOn])
            groupID = db.lastInsertedRowID
            try db.execute(sql: "UPDATE record SET duplicateGroupId = ? WHERE id = ?", arguments: [groupID, canonical])
        }
        try db.execute(
            sql: "UPDATE record SET duplicateGroupId = ?, isCanonical = 0 WHERE id = ?", arguments: [groupID, recordID])
        return true
    }

    /// A JSON array of strings (RFC 8259 escaping), written directly: JSONEncoder per field was
    /// the slowest step of a large import.
    static func json(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
