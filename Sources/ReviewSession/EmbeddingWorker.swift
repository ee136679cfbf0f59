import Foundation
import ReviewModel
import ReviewStore
import Transformer

/// Embeds a review's records in the background while the assessor screens, committing each batch
/// to the review's embedding cache (so a review opened again never recomputes them).
public final class EmbeddingWorker: @unchecked Sendable {
    private let database: ReviewDatabase
    private let encoder: BertEncoder
    private let queue = DispatchQueue(label: "tarsier.embedding", qos: .background)
    private let lock = NSLock()
    private var stopped = false
    private var doneCount = 0

    /// The model's weights SHA-256 (the cache key).
    public let modelSHA256: String

    /// A worker for `database` with the model in `directory`.
    public init(database: ReviewDatabase, modelDirectory: URL) throws {
        self.database = database
        encoder = try BertEncoder(modelDirectory: modelDirectory)
        // One BLAS thread: the other core stays free for the UI and the ranker.
        encoder.parallelism = .blasThreads(1)
        modelSHA256 = encoder.weightsSHA256
        doneCount = try database.embeddingCount(modelSHA256: modelSHA256)
    }

    /// Length of the embeddings.
    public var dimension: Int { encoder.dimension }

    /// The review topic's embedding (title and objective, as `simulate` embeds it), nil without
    /// a topic: the one stored in the review, else embedded now and stored with the records'
    /// embeddings (unless the review is open read-only).
    public func topicEmbedding() throws -> [Float]? {
        if let stored = try StoredEmbeddings.storedTopic(database: database, modelSHA256: modelSHA256) {
            return stored
        }
        let text = try database.topic().embeddingText
        guard !text.isEmpty, let vector = encoder.encode([text]).first else { return nil }
        if !database.isReadOnly {
            try database.setValue(
                .topicEmbedding, TopicEmbedding(modelSHA256: modelSHA256, text: text, vector: vector))
        }
        return vector
    }

    /// Records embedded so far.
    public var done: Int { lock.withLock { doneCount } }

    /// Embeds every missing record in batches of `batchSize`, calling `progress` after each batch.
    ///
    /// While a `tarsier embed` job holds the review's embedding lock this worker does not compete
    /// with it: it re-reads the committed count every few seconds (the ranker uses those
    /// embeddings) and takes over only if the job ends before every record is embedded.
    public func start(
        batchSize: Int = 8, progress: @escaping @Sendable (Int) -> Void, failed: @escaping @Sendable (String) -> Void
    ) {
        queue.async { [self] in
            do {
                let jobLock = database.path.map { EmbeddingJobLock(reviewPath: $0) }
                defer { jobLock?.release() }
                // A folder where no lock file can be made: embed without one.
                while let jobLock, !((try? jobLock.tryAcquire(owner: "tarsier screen (background embedding)")) ?? true)
                {
                    if waitUnlessStopped(seconds: 5) { return }
                    let count = try database.embeddingCount(modelSHA256: modelSHA256)
                    lock.withLock { doneCount = count }
                    progress(count)
                }
                while !lock.withLock({ stopped }) {
                    let batch = try database.recordsMissingEmbeddings(modelSHA256: modelSHA256, limit: batchSize)
                    if batch.isEmpty { break }
                    let vectors = encoder.encode(batch.map(\.text))
                    try database.saveEmbeddings(
                        zip(batch.map(\.id), vectors).map { ($0, $1) }, modelSHA256: modelSHA256)
                    let total = lock.withLock { () -> Int in
                        doneCount += batch.count; return doneCount
                    }
                    progress(total)
                }
            } catch {
                failed("embedding stopped: \(error.localizedDescription)")
            }
        }
    }

    /// Sleeps up to `seconds` in short steps; true as soon as `stop()` was called.
    private func waitUnlessStopped(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if lock.withLock({ stopped }) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return lock.withLock { stopped }
    }

    /// Stops after the current batch and waits for it: the process must not exit (and unmap the
    /// model) while a batch is still being encoded.
    public func stop() {
        lock.withLock { stopped = true }
        queue.sync {}
    }
}
