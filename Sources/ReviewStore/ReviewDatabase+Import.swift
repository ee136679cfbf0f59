import Foundation
import GRDB
import ReviewModel

/// What one imported file added to a review.
public struct ImportSummary: Sendable, Codable, Equatable {
    public var batchID: Int64
    public var recordCount: Int
    /// Records that joined an existing duplicate group (kept, not screened separately).
    public var duplicateCount: Int
    /// Records whose title and year match an earlier record's but whose DOI or PMID differ: both
    /// are screened (`tarsier duplicates` lists them).
    public var possibleDuplicateCount: Int = 0
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
    /// Throws `ReviewStoreError.alreadyImported` when a file with this SHA-256 is in the review:
    /// lets `import` refuse a re-import before spending time parsing the file.
    public func refuseIfImported(sha256: String, fileName: String) throws {
        try writer.read { db in try Self.refuseIfImported(sha256: sha256, fileName: fileName, db: db) }
    }

    /// The check itself, inside a read or the import's own write transaction.
    private static func refuseIfImported(sha256: String, fileName: String, db: Database) throws {
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, importedAt FROM importBatch WHERE sha256 = ?", arguments: [sha256])
        {
            throw ReviewStoreError.alreadyImported(file: fileName, batch: row["id"], date: row["importedAt"])
        }
    }

    /// Stores one file's records as an import batch, in a single transaction: either every record
    /// is stored (with duplicate groups and FTS index) or, on any error, nothing changes.
    ///
    /// - Throws: `ReviewStoreError.alreadyImported` when a file with the same SHA-256 is in the review.
    public func importBatch(_ input: ImportBatchInput) throws -> ImportSummary {
        var handedOver = false
        return try importBatch(
            fileName: input.fileName, sha256: input.sha256, labelsAsDecisions: input.labelsAsDecisions,
            assessor: input.assessor,
            next: { () -> [ImportedRecord]? in
                defer { handedOver = true }
                return handedOver ? nil : input.records
            },
            finish: { (input.format, input.warnings) })
    }

    /// Stores a file whose records arrive in chunks while it is still being read, in one
    /// transaction: storing starts before parsing ends.
    ///
    /// - Parameters:
    ///   - next: the next chunk of records in file order, nil after the last; when it throws (the
    ///     file turned out unreadable halfway), the error is rethrown and nothing is stored.
    ///   - finish: the format the file was read as and the reader's warnings, asked once after
    ///     the last chunk.
    /// - Throws: `ReviewStoreError.alreadyImported` when a file with the same SHA-256 is in the review.
    public func importBatch(
        fileName: String, sha256: String, labelsAsDecisions: Bool = false, assessor: String = "import",
        next: () throws -> [ImportedRecord]?, finish: () -> (format: ImportFormat, warnings: [String])
    ) throws -> ImportSummary {
        try writer.write { db in
            // Index inserts land on random pages of indexes that grow with the review (duplicate
            // keys, DOIs, the title index, FTS segments); SQLite's default 2 MB page cache then
            // re-reads pages for most inserts of a large batch into a large review.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try Self.refuseIfImported(sha256: sha256, fileName: fileName, db: db)
            // Counts, format and warnings are known at the end; nobody sees this row before then.
            try db.execute(
                sql: """
                    INSERT INTO importBatch (fileName, format, sha256, recordCount, duplicateCount, warningCount, warnings, importedAt)
                    VALUES (?, '', ?, 0, 0, 0, '[]', ?)
                    """,
                arguments: [fileName, sha256, Date()])
            let batchID = db.lastInsertedRowID
            var count = 0
            var duplicates = 0
            var decisions = 0
            var storeWarnings: [String] = []
            let now = Date()
            var writer = try ImportBatchWriter(db: db, batchID: batchID)
            while let chunk = try next() {
                for original in chunk {
                    let (record, replaced) = original.replacingNUL()
                    if replaced {
                        storeWarnings.append(
                            "\(fileName):\(record.line): warning: NUL character replaced by U+FFFD (a review cannot store it)"
                        )
                    }
                    let (recordID, duplicate) = try writer.write(record)
                    count += 1
                    if duplicate { duplicates += 1 }
                    if labelsAsDecisions, let label = record.label {
                        try db.execute(
                            sql: """
                                INSERT INTO decision (recordId, kind, label, assessor, note, decidedAt)
                                VALUES (?, 'import', ?, ?, ?, ?)
                                """,
                            arguments: [recordID, label.rawValue, assessor, "label from \(fileName)", now])
                        decisions += 1
                    }
                }
            }
            let (format, readerWarnings) = finish()
            let warnings = readerWarnings + storeWarnings
            // One pass over the batch fills the full-text index (schema v2 has no per-row trigger).
            try db.execute(
                sql:
                    "INSERT INTO recordFts (rowid, title, abstract) SELECT id, title, abstract FROM record WHERE importBatchId = ?",
                arguments: [batchID])
            try db.execute(
                sql: """
                    UPDATE importBatch SET format = ?, recordCount = ?, duplicateCount = ?, warningCount = ?, warnings = ?
                    WHERE id = ?
                    """,
                arguments: [
                    format.rawValue, count, duplicates, warnings.count,
                    String(decoding: try JSONEncoder().encode(warnings), as: UTF8.self), batchID,
                ])
            return ImportSummary(
                batchID: batchID, recordCount: count, duplicateCount: duplicates,
                possibleDuplicateCount: writer.possibleDuplicates,
                warningCount: warnings.count, decisionCount: decisions, storeWarnings: storeWarnings)
        }
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
