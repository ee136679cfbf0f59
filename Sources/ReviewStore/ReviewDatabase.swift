import Foundation
import GRDB
import ReviewModel

/// One review: a single SQLite file (WAL mode, foreign keys on) holding the protocol, imports,
/// records, duplicate groups, the append-only decision log, ranking runs and cached embeddings.
///
/// All methods are synchronous and thread-safe; the database serialises writes, and readers never
/// block the writer (a `DatabasePool` in WAL mode), so two assessors may screen the same file.
public final class ReviewDatabase: Sendable {
    /// The underlying GRDB writer (a pool for files, a queue in memory).
    let writer: any DatabaseWriter
    /// The file's path, or nil for an in-memory review.
    public let path: String?

    /// True when the review was opened read-only (see `open(path:access:)`): every write fails.
    public let isReadOnly: Bool

    private init(writer: any DatabaseWriter, path: String?, migrate: Bool = true, readOnly: Bool = false) throws {
        self.writer = writer
        self.path = path
        self.isReadOnly = readOnly
        // GRDB sets synchronous = NORMAL in WAL mode, where a commit survives a process crash but
        // the last ones may be lost on power loss. FULL syncs the WAL at every commit, so a decision
        // is durable when `decide` returns (Documentation/CrashSafety.md).
        if !readOnly { try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
        if migrate { try Self.migrator.migrate(writer) }
    }

    /// How a command uses a review file.
    public enum Access: Sendable {
        /// The command writes (import, screen, embed): the file and its folder must be writable.
        case readWrite
        /// The command only reads (list, show, export, import --dry-run): the file is opened through
        /// read-only connections, so it is never written, not even by SQLite's bookkeeping.
        case readOnly
        /// The command reads and may record something small (status records when a stopping rule
        /// first fired): read-write when the file allows it, read-only otherwise.
        case readWriteIfWritable
    }

    /// Opens an existing review file after checking, without changing it, that it is a review this
    /// build can use.
    ///
    /// A file that is not SQLite, a SQLite database without tarsier's tables, or a review made by a
    /// newer tarsier (unknown migrations) is refused before anything is written: no migration, no
    /// switch to WAL, no `-wal`/`-shm` files. With `.readWrite` a read-only file or folder is refused
    /// too; with `.readOnly` it is read through SQLite's read-only (or, when no `-wal` file exists,
    /// immutable) mode.
    /// - Throws: `ReviewStoreError.noSuchReview`, `.notSQLite`, `.notAReview`, `.newerSchema`,
    ///   `.readOnly` or `.unreadable`.
    public static func open(path: String, access: Access = .readWrite) throws -> ReviewDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw ReviewStoreError.noSuchReview(path) }
        let check = try ReviewFileCheck.inspect(path: path, knownMigrations: migrator.migrations)
        let upToDate = check.appliedMigrations.isSuperset(of: migrator.migrations)
        switch (check.writability, access) {
        case (.writable, .readOnly) where upToDate:
            return try openReadOnly(path: path)
        case (.writable, _):
            return try ReviewDatabase(
                writer: DatabasePool(path: path, configuration: configuration()), path: path, migrate: !upToDate)
        case (.readOnly(let reason), .readWrite):
            throw ReviewStoreError.readOnly(path: path, reason: reason)
        case (.readOnly(let reason), .readOnly), (.readOnly(let reason), .readWriteIfWritable):
            guard upToDate else {
                throw ReviewStoreError.readOnly(
                    path: path, reason: reason + "; it needs upgrading to this tarsier's schema first")
            }
            return try openReadOnly(path: path)
        }
    }

    /// A read-only connection: plain read-only when a `-wal` file holds changes (another process
    /// may be writing), otherwise immutable, which needs no `-shm` file and takes no locks.
    private static func openReadOnly(path: String) throws -> ReviewDatabase {
        do {
            let queue = try DatabaseQueue(
                path: ReviewFileCheck.readLocation(path), configuration: ReviewFileCheck.readOnlyConfiguration())
            return try ReviewDatabase(writer: queue, path: path, migrate: false, readOnly: true)
        } catch let error as DatabaseError {
            throw ReviewStoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Creates a new review file with its protocol; refuses to overwrite an existing file.
    public static func create(path: String, topic: Topic, randomSeed: Int = 1) throws -> ReviewDatabase {
        guard !FileManager.default.fileExists(atPath: path) else { throw ReviewStoreError.alreadyExists(path) }
        let database = try ReviewDatabase(writer: DatabasePool(path: path, configuration: configuration()), path: path)
        try database.writeProtocol(topic: topic, randomSeed: randomSeed)
        return database
    }

    /// An in-memory review, for tests and simulations.
    public static func inMemory(topic: Topic = Topic(title: "Untitled review"), randomSeed: Int = 1) throws
        -> ReviewDatabase
    {
        let database = try ReviewDatabase(writer: DatabaseQueue(configuration: configuration()), path: nil)
        try database.writeProtocol(topic: topic, randomSeed: randomSeed)
        return database
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        // A second assessor's write waits rather than failing at once.
        config.busyMode = .timeout(10)
        return config
    }

    private func writeProtocol(topic: Topic, randomSeed: Int) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO review (id, title, objective, query, randomSeed, createdAt)
                    VALUES (1, ?, ?, ?, ?, ?)
                    """,
                arguments: [topic.title, topic.objective, topic.query, randomSeed, Date()])
        }
    }

    // MARK: - Protocol

    /// The review's protocol: title, objective and Boolean query as a `Topic`.
    public func topic() throws -> Topic {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT title, objective, query FROM review WHERE id = 1") else {
                throw ReviewStoreError.notAReview(path ?? ":memory:")
            }
            return Topic(title: row["title"], objective: row["objective"], query: row["query"])
        }
    }

    /// The review's protocol in full.
    public func reviewProtocol() throws -> ReviewProtocol {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = 1") else {
                throw ReviewStoreError.notAReview(path ?? ":memory:")
            }
            return ReviewProtocol(
                title: row["title"], objective: row["objective"], inclusionCriteria: row["inclusionCriteria"],
                exclusionCriteria: row["exclusionCriteria"], query: row["query"], randomSeed: row["randomSeed"],
                createdAt: row["createdAt"])
        }
    }

    /// Replaces the review's protocol text (title, objective, criteria, query).
    public func updateProtocol(_ updated: ReviewProtocol) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE review SET title = ?, objective = ?, inclusionCriteria = ?, exclusionCriteria = ?, query = ?
                    WHERE id = 1
                    """,
                arguments: [
                    updated.title, updated.objective, updated.inclusionCriteria, updated.exclusionCriteria,
                    updated.query,
                ])
        }
    }

    // MARK: - Settings

    /// Reads a JSON-encoded per-review setting (callers outside the store use `value(_:)`).
    func setting<T: Decodable>(_ key: String, as type: T.Type) throws -> T? {
        guard
            let text = try writer.read({
                try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            })
        else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// Writes a JSON-encoded per-review setting (callers outside the store use `setValue(_:_:)`).
    func setSetting<T: Encodable>(_ key: String, _ value: T) throws {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, text])
        }
    }
}
