import Foundation
import GRDB
import ReviewModel
import Testing

@testable import ReviewStore

/// Files that are not reviews, reviews from a newer tarsier and read-only reviews are refused (or
/// read read-only) without a single byte of the file changing and without `-wal`/`-shm` left behind.
///
/// The tests run as root, which `chmod` does not stop; `ReviewFileCheck` reads the permission bits
/// as well as `access(2)`, so `chmod a-w` marks a file or folder read-only for root too, and the
/// SHA-256 comparison proves nothing was written.
@Suite("Review file safety")
struct ReviewFileSafetyTests {
    /// A fresh folder, removed (after restoring write permission) when `body` returns.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            chmod(folder.path, 0o755)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                chmod(folder.appendingPathComponent(name).path, 0o644)
            }
            try? FileManager.default.removeItem(at: folder)
        }
        try body(folder)
    }

    /// A review file with two records, closed.
    func makeReview(_ url: URL) throws {
        let database = try ReviewDatabase.create(path: url.path, topic: Topic(title: "Safety"))
        _ = try database.importBatch(input(sampleRecords()))
    }

    func companions(_ url: URL) -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: url.path + $0) }
    }

    @Test("a text file is refused as not a SQLite database and left unchanged", arguments: ["hello\n", ""])
    func notSQLite(content: String) throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("notes.tarsier")
            try Data(content.utf8).write(to: url)
            let before = try SHA256.hex(fileAt: url)
            for access in [ReviewDatabase.Access.readWrite, .readOnly] {
                #expect(throws: ReviewStoreError.notSQLite(url.path)) {
                    try ReviewDatabase.open(path: url.path, access: access)
                }
            }
            #expect(try SHA256.hex(fileAt: url) == before)
            #expect(companions(url).isEmpty)
        }
    }

    @Test("a SQLite database of another program (rollback journal) is refused and its bytes are unchanged")
    func foreignDatabase() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("zotero.sqlite")
            do {
                let queue = try DatabaseQueue(path: url.path)
                try queue.write { db in
                    try db.execute(
                        sql:
                            "CREATE TABLE items (itemID INTEGER PRIMARY KEY, key TEXT); INSERT INTO items VALUES (1, 'ABCD')"
                    )
                }
            }
            let before = try SHA256.hex(fileAt: url)
            #expect(throws: ReviewStoreError.notAReview(url.path)) { try ReviewDatabase.open(path: url.path) }
            #expect(throws: ReviewStoreError.notAReview(url.path)) {
                try ReviewDatabase.open(path: url.path, access: .readOnly)
            }
            #expect(try SHA256.hex(fileAt: url) == before)
            #expect(companions(url).isEmpty)
            // Still in rollback-journal mode: nobody switched it to WAL.
            let mode = try DatabaseQueue(path: url.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "delete")
        }
    }

    @Test("a GRDB database of another program (migrations but no review table) is not a review")
    func otherGRDBDatabase() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("other.sqlite")
            do {
                var migrator = DatabaseMigrator()
                migrator.registerMigration("v1") { db in
                    try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY)")
                }
                try migrator.migrate(DatabaseQueue(path: url.path))
            }
            let before = try SHA256.hex(fileAt: url)
            #expect(throws: ReviewStoreError.notAReview(url.path)) { try ReviewDatabase.open(path: url.path) }
            #expect(try SHA256.hex(fileAt: url) == before)
        }
    }

    @Test("a review with a migration this build does not know is refused for reading and writing, unchanged")
    func newerSchema() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("newer.tarsier")
            try makeReview(url)
            do {
                let queue = try DatabaseQueue(path: url.path)
                try queue.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
                }
            }
            let before = try SHA256.hex(fileAt: url)
            for access in [ReviewDatabase.Access.readWrite, .readOnly] {
                #expect(throws: ReviewStoreError.newerSchema(path: url.path, schema: "v9-future")) {
                    try ReviewDatabase.open(path: url.path, access: access)
                }
            }
            #expect(try SHA256.hex(fileAt: url) == before)
            #expect(companions(url).isEmpty)
            let message = ReviewStoreError.newerSchema(path: url.path, schema: "v9-future").localizedDescription
            #expect(message.contains("newer tarsier (schema v9-future); upgrade tarsier"))
        }
    }

    @Test("a read-only review file refuses writers and is read read-only without any change")
    func readOnlyFile() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("r.tarsier")
            try makeReview(url)
            chmod(url.path, 0o444)
            let before = try SHA256.hex(fileAt: url)
            #expect(throws: ReviewStoreError.readOnly(path: url.path, reason: "the file is not writable")) {
                try ReviewDatabase.open(path: url.path, access: .readWrite)
            }
            do {
                let database = try ReviewDatabase.open(path: url.path, access: .readOnly)
                #expect(database.isReadOnly)
                #expect(try database.records().count == 2)
                #expect(try database.topic().title == "Safety")
                // SQLite itself refuses a write through the read-only connection.
                #expect(throws: (any Error).self) { try database.importBatch(input(sampleRecords(), sha: "other")) }
            }
            #expect(try SHA256.hex(fileAt: url) == before)
            #expect(companions(url).isEmpty)
        }
    }

    @Test("a review in a read-only folder (no room for -wal/-shm) refuses writers and is readable")
    func readOnlyFolder() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("r.tarsier")
            try makeReview(url)
            chmod(folder.path, 0o555)
            let before = try SHA256.hex(fileAt: url)
            #expect {
                try ReviewDatabase.open(path: url.path, access: .readWrite)
            } throws: { error in
                guard case .readOnly(_, let reason) = error as? ReviewStoreError else { return false }
                return reason.contains("folder") && reason.contains("-wal")
            }
            do {
                let database = try ReviewDatabase.open(path: url.path, access: .readOnly)
                #expect(try database.status().records == 5)
            }
            #expect(try SHA256.hex(fileAt: url) == before)
            #expect(companions(url).isEmpty)
        }
    }

    @Test("a writable review opens read-write and reading it leaves no -wal or -shm behind")
    func writableReview() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("r.tarsier")
            try makeReview(url)
            do {
                let database = try ReviewDatabase.open(path: url.path)
                #expect(!database.isReadOnly)
                _ = try database.importBatch(input([sampleRecords()[0]], sha: "second"))
            }
            do {
                let database = try ReviewDatabase.open(path: url.path, access: .readOnly)
                #expect(try database.status().records == 6)
            }
            #expect(companions(url).isEmpty)
        }
    }

    @Test("a NUL inside a field is replaced by U+FFFD with a warning instead of cutting the field short")
    func nulCharacter() throws {
        let database = try ReviewDatabase.inMemory()
        let record = ImportedRecord(
            fields: ReferenceFields(title: "before\u{0}after", abstract: "a\u{0}b\u{1B}[31mc\u{07}"), line: 7,
            raw: "TI  - before\u{0}after")
        let summary = try database.importBatch(
            ImportBatchInput(
                fileName: "nul.ris", format: .ris, sha256: "nul", records: [record], warnings: []))
        #expect(
            summary.storeWarnings == ["nul.ris:7: warning: NUL character replaced by U+FFFD (a review cannot store it)"]
        )
        #expect(summary.warningCount == 1)
        let stored = try #require(try database.records().first)
        #expect(stored.fields.title == "before\u{FFFD}after")
        // Other control characters are stored unchanged.
        #expect(stored.fields.abstract == "a\u{FFFD}b\u{1B}[31mc\u{07}")
        #expect(stored.rawText == "TI  - before\u{FFFD}after")
    }
}
