import Foundation

/// Progress of the newest `tarsier embed` job, stored in the review (setting `embeddingJob`) in the
/// same transaction as each batch of embeddings, so it never claims more than is committed.
public struct EmbeddingJobProgress: Sendable, Codable, Equatable {
    /// Process id of the job that wrote this.
    public var pid: Int32
    /// The model's weights SHA-256 (the embedding cache key).
    public var modelSHA256: String
    /// The model folder's name, for display.
    public var model: String
    /// When the job started.
    public var startedAt: Date
    /// Records embedded for this model when the progress was written.
    public var done: Int
    /// Records to embed in all (canonical records).
    public var total: Int
    /// Records per second over about the last minute.
    public var recordsPerSecond: Double
    /// When the progress was written.
    public var updatedAt: Date
    /// When the job ended by itself (all records embedded or a stop requested); nil while running
    /// or after the process was killed.
    public var finishedAt: Date?

    /// A progress record.
    public init(
        pid: Int32, modelSHA256: String, model: String, startedAt: Date, done: Int, total: Int,
        recordsPerSecond: Double, updatedAt: Date, finishedAt: Date? = nil
    ) {
        self.pid = pid
        self.modelSHA256 = modelSHA256
        self.model = model
        self.startedAt = startedAt
        self.done = done
        self.total = total
        self.recordsPerSecond = recordsPerSecond
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }

    /// The setting key the progress is stored under.
    public static let settingKey = "embeddingJob"

    /// Seconds until every record is embedded at the current rate; nil when the rate is unknown.
    public var secondsLeft: Double? {
        guard recordsPerSecond > 0 else { return nil }
        return Double(max(0, total - done)) / recordsPerSecond
    }
}
