import Foundation

/// Errors raised by the review database.
public enum ReviewStoreError: Error, LocalizedError, Equatable {
    case noSuchReview(String)
    case alreadyExists(String)
    /// A SQLite database without tarsier's tables (a Zotero or ASReview file, say).
    case notAReview(String)
    /// A file that is not a SQLite database at all.
    case notSQLite(String)
    /// A review whose schema has migrations this build does not know.
    case newerSchema(path: String, schema: String)
    /// A command that writes was given a file it may not write.
    case readOnly(path: String, reason: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    case noSuchRecord(Int64)
    case alreadyImported(file: String, batch: Int64, date: Date)
    case nothingToUndo
    case nothingToRedo
    /// The file's schema is not what a migration expects (a damaged or hand-edited review).
    case corrupt(String)
    /// A team rule refused the request (a change of mode, a resolution); nothing changed.
    case teamRule(String)

    public var errorDescription: String? {
        switch self {
        case .noSuchReview(let path): "no review at \(path) (create one with `tarsier init \(path)`)"
        case .alreadyExists(let path): "\(path) already exists; refusing to overwrite it"
        case .notAReview(let path):
            "\(path) is a SQLite database but not a tarsier review (it has no review tables); it was not changed"
        case .notSQLite(let path): "\(path) is not a SQLite database, so not a tarsier review; it was not changed"
        case .newerSchema(let path, let schema):
            "\(path) was made by a newer tarsier (schema \(schema)); upgrade tarsier to open it. It was not changed"
        case .readOnly(let path, let reason):
            "\(path) is read-only (\(reason)); this command writes to the review, so nothing was done"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .noSuchRecord(let id): "no record with id \(id)"
        case .alreadyImported(let file, let batch, let date):
            "\(file) was already imported (batch \(batch), \(date.formatted(.iso8601))); nothing changed"
        case .nothingToUndo: "nothing to undo"
        case .nothingToRedo: "nothing to redo"
        case .corrupt(let reason): "the review's schema is damaged: \(reason); it was not changed"
        case .teamRule(let reason): "\(reason); nothing changed"
        }
    }
}
