import Foundation

/// Errors raised by the review database.
public enum ReviewStoreError: Error, LocalizedError, Equatable {
    case noSuchReview(String)
    case alreadyExists(String)
    case notAReview(String)
    case noSuchRecord(Int64)
    case alreadyImported(file: String, batch: Int64, date: Date)
    case nothingToUndo
    case nothingToRedo

    public var errorDescription: String? {
        switch self {
        case .noSuchReview(let path): "no review at \(path) (create one with `tarsier init \(path)`)"
        case .alreadyExists(let path): "\(path) already exists; refusing to overwrite it"
        case .notAReview(let path): "\(path) is not a tarsier review"
        case .noSuchRecord(let id): "no record with id \(id)"
        case .alreadyImported(let file, let batch, let date):
            "\(file) was already imported (batch \(batch), \(date.formatted(.iso8601))); nothing changed"
        case .nothingToUndo: "nothing to undo"
        case .nothingToRedo: "nothing to redo"
        }
    }
}
