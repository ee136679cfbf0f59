import Foundation
import GRDB

extension ReviewDatabase {
    /// Stores an assessor's working note on a record; a nil or blank note removes it.
    public func setNote(_ recordID: Int64, assessor: String, note: String?) throws {
        try writer.write { db in
            if let note, !note.allSatisfy(\.isWhitespace) {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO recordNote (recordId, assessor, note, updatedAt) VALUES (?, ?, ?, ?)",
                    arguments: [recordID, assessor, note, Date()])
            } else {
                try db.execute(
                    sql: "DELETE FROM recordNote WHERE recordId = ? AND assessor = ?", arguments: [recordID, assessor])
            }
        }
    }

    /// An assessor's working note on a record, if any.
    public func note(_ recordID: Int64, assessor: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT note FROM recordNote WHERE recordId = ? AND assessor = ?",
                arguments: [recordID, assessor])
        }
    }
}
