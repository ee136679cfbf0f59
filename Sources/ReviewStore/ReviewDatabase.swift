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

    private init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        // GRDB sets synchronous = NORMAL in WAL mode, where a commit survives a process crash but
        // the last ones may be lost on power loss. FULL syncs the WAL at every commit, so a decision
        // is durable when `decide` returns (Documentation/CrashSafety.md).
        try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try Self.migrator.migrate(writer)
    }

    /// Opens an existing review file; throws `ReviewStoreError.notAReview` when it is not one.
    public static func open(path: String) throws -> ReviewDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw ReviewStoreError.noSuchReview(path) }
        let database = try ReviewDatabase(writer: DatabasePool(path: path, configuration: configuration()), path: path)
        guard try database.writer.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM review") }) == 1 else {
            throw ReviewStoreError.notAReview(path)
        }
        return database
    }

    /// Creates a new review file with its protocol; refuses to overwrite an existing file.
    public static func create(path: String, topic: Topic, randomSeed: Int = 1) throws -> ReviewDatabase {
        guard !FileManager.default.fileExists(atPath: path) else { throw ReviewStoreError.alreadyExists(path) }
        let database = try ReviewDatabase(writer: DatabasePool(path: path, configuration: configuration()), path: path)
        try database.writeProtocol(topic: topic, randomSeed: randomSeed)
        return database
    }

    /// An in-memory review, for tests and simulations.
    public static func inMemory(topic: Topic = Topic(title: "Untitled review"), randomSeed: Int = 1) throws -> ReviewDatabase {
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
                arguments: [updated.title, updated.objective, updated.inclusionCriteria, updated.exclusionCriteria, updated.query])
        }
    }

    // MARK: - Settings

    /// Reads a JSON-encoded per-review setting.
    public func setting<T: Decodable>(_ key: String, as type: T.Type) throws -> T? {
        guard let text = try writer.read({ try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) })
        else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// Writes a JSON-encoded per-review setting.
    public func setSetting<T: Encodable>(_ key: String, _ value: T) throws {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, text])
        }
    }
}
