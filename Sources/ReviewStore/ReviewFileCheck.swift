import Foundation
import GRDB

/// What a file on disk is, found without changing it: checked before a review is opened so that a
/// file that is not a review (a Zotero or ASReview database, a RIS file) or one from a newer
/// tarsier is never migrated, switched to WAL or given `-wal`/`-shm` companions.
///
/// The header check follows the SQLite file format (https://sqlite.org/fileformat.html §1.3: the
/// 16-byte magic `SQLite format 3\0`). Tables and migrations are read through an `immutable=1` URI
/// (https://sqlite.org/uri.html), which takes no locks and creates no files beside the database,
/// except while a `-wal` file holds changes (another connection is open): then through a plain
/// read-only connection, which sees them.
struct ReviewFileCheck: Sendable {
    /// Migration identifiers recorded in the file's `grdb_migrations` table.
    var appliedMigrations: Set<String>
    /// Whether the process may write the file and create files in its folder.
    var writability: Writability

    /// Whether a file can be written, and if not, why not (for the message).
    enum Writability: Equatable, Sendable {
        case writable
        case readOnly(reason: String)
    }

    /// The 16 bytes every SQLite 3 database file starts with.
    static let magic = Array("SQLite format 3\0".utf8)

    /// Inspects `path` and throws unless it is a tarsier review this build can read.
    /// - Throws: `ReviewStoreError.notSQLite`, `.notAReview`, `.newerSchema` or `.unreadable`.
    static func inspect(path: String, knownMigrations: [String]) throws -> ReviewFileCheck {
        let header = try readHeader(path)
        guard header.count >= magic.count, Array(header.prefix(magic.count)) == magic else {
            throw ReviewStoreError.notSQLite(path)
        }
        let (tables, applied, reviewRows) = try readSchema(path)
        guard tables.contains("grdb_migrations"), tables.contains("review"), applied.contains("v1") else {
            throw ReviewStoreError.notAReview(path)
        }
        let unknown = applied.subtracting(knownMigrations)
        if !unknown.isEmpty {
            throw ReviewStoreError.newerSchema(path: path, schema: unknown.sorted().joined(separator: ", "))
        }
        guard reviewRows == 1 else { throw ReviewStoreError.notAReview(path) }
        return ReviewFileCheck(appliedMigrations: applied, writability: writability(path))
    }

    /// The first 100 bytes of the file (the SQLite header), or fewer for a short file.
    static func readHeader(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReviewStoreError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw ReviewStoreError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Table names, applied migrations and the number of `review` rows, read without locks or writes.
    private static func readSchema(_ path: String) throws -> (Set<String>, Set<String>, Int) {
        do {
            let queue = try DatabaseQueue(path: readLocation(path), configuration: readOnlyConfiguration())
            return try queue.read { db in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.contains("grdb_migrations"), tables.contains("review") else { return (tables, [], 0) }
                let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? 0
                return (tables, applied, rows)
            }
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw ReviewStoreError.notSQLite(path)
        } catch let error as DatabaseError {
            throw ReviewStoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// A read-only connection configuration (no WAL switch, no writes).
    static func readOnlyConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        return config
    }

    /// Where to read `path` without writing: an immutable URI, unless a non-empty `-wal` file holds
    /// changes not yet in the main file (another process has the review open); then the path itself,
    /// read through SQLite's read-only mode so those changes are seen.
    static func readLocation(_ path: String) -> String {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return wal > 0 ? path : immutableURI(path)
    }

    /// `file:PATH?immutable=1`, with the characters URI filenames reserve percent-encoded.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// Whether the file and its folder may be written.
    ///
    /// `access(2)` says yes to root for any mode, so the permission bits are checked too: a file
    /// or folder with no write bit at all (`chmod a-w`) is treated as read-only even for root.
    static func writability(_ path: String) -> Writability {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        if !isWritable(path) { return .readOnly(reason: "the file is not writable") }
        if !isWritable(directory) {
            return .readOnly(
                reason: "its folder \(directory) is not writable, so SQLite cannot create the -wal and -shm files")
        }
        return .writable
    }

    private static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0
    }
}
