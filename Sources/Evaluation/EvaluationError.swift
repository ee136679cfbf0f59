import Foundation

/// Errors raised by the evaluation module.
public enum EvaluationError: Error, LocalizedError, Equatable {
    /// Metrics need at least one included record.
    case noIncludes
    /// A prior id that is not in the dataset.
    case unknownPrior(String)
    /// An embedding cache file that cannot be used (path, reason).
    case embeddingCache(String, String)
    /// A labels file that cannot be used (the full `file:line: error: …` message).
    case invalidLabels(String)

    /// A lowercase one-line description.
    public var errorDescription: String? {
        switch self {
        case .noIncludes: "the dataset has no included records, so recall is undefined"
        case .unknownPrior(let id): "prior '\(id)' is not a record_id of the dataset"
        case .embeddingCache(let path, let reason): "embedding cache \(path): \(reason)"
        case .invalidLabels(let message): message
        }
    }
}
