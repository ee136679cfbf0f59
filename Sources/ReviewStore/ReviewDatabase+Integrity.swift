import GRDB

extension ReviewDatabase {
    /// Runs SQLite's own consistency checks on the whole file and reads the durability settings.
    ///
    /// `PRAGMA integrity_check` verifies every b-tree page, index and constraint; `PRAGMA
    /// foreign_key_check` lists rows whose parent is missing (https://sqlite.org/pragma.html).
    /// Both run in one read transaction, so they see a single committed state of the file even
    /// while another process writes.
    public func integrityReport() throws -> IntegrityReport {
        let (integrity, violations, journalMode) = try writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row["table"] ?? "?"
                let rowID: Int64? = row["rowid"]
                let parent: String = row["parent"] ?? "?"
                return "\(table) rowid \(rowID.map(String.init) ?? "?") refers to a missing row of \(parent)"
            }
            let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
            return (integrity, violations, journalMode)
        }
        // `synchronous` is per connection: read the writer's, the one that commits decisions.
        let synchronous = try writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        }
        return IntegrityReport(
            integrity: integrity, foreignKeyViolations: violations, journalMode: journalMode.lowercased(),
            synchronous: IntegrityReport.synchronousName(synchronous))
    }
}
