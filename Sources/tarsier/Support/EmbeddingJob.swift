import Foundation
import ReviewModel
import ReviewStore
import Transformer

/// One run of `tarsier embed`: embeds every record that has no embedding for the model, committing
/// each batch together with the job's progress, so that a job killed at any moment resumes where
/// its last committed batch ended and `tarsier status` never reports more than is stored.
struct EmbeddingJob {
    let database: ReviewDatabase
    let encoder: BertEncoder
    let modelName: String
    let batchSize: Int
    let maxLength: Int
    /// Called after each committed batch with the progress just stored.
    var progress: (EmbeddingJobProgress) -> Void = { _ in }

    /// Runs to the end and returns the final progress (with `finishedAt` set).
    func run() throws -> (final: EmbeddingJobProgress, embeddedNow: Int) {
        let sha = encoder.weightsSHA256
        let total = try database.status().screenable
        var done = try database.embeddingCount(modelSHA256: sha)
        let began = Date()
        var rate = RateWindow()
        rate.add(done, at: began)
        var job = EmbeddingJobProgress(
            pid: getpid(), modelSHA256: sha, model: modelName, startedAt: began, done: done, total: total,
            recordsPerSecond: 0, updatedAt: began)
        try database.saveEmbeddingJob(job)
        let start = done
        while true {
            let batch = try database.recordsMissingEmbeddings(modelSHA256: sha, limit: max(1, batchSize))
            if batch.isEmpty { break }
            let vectors = encoder.encode(batch.map(\.text), maxLength: maxLength)
            let now = Date()
            rate.add(done + batch.count, at: now)
            job.done = done + batch.count
            job.recordsPerSecond = rate.perSecond
            job.updatedAt = now
            try database.saveEmbeddings(zip(batch.map(\.id), vectors).map { ($0, $1) }, modelSHA256: sha, job: job)
            done = job.done
            progress(job)
        }
        // The topic's embedding is kept with the records' (the dense signals need no model then).
        let topic = try database.topic().embeddingText
        if !topic.isEmpty,
            try database.value(.topicEmbedding).map({ $0.modelSHA256 != sha || $0.text != topic }) ?? true,
            let vector = encoder.encode([topic], maxLength: maxLength).first
        {
            try database.setValue(.topicEmbedding, TopicEmbedding(modelSHA256: sha, text: topic, vector: vector))
        }
        // Count again: another process may have embedded records meanwhile (never twice: the
        // embedding table's key is (record, model)).
        job.done = try database.embeddingCount(modelSHA256: sha)
        job.finishedAt = Date()
        job.updatedAt = job.finishedAt ?? Date()
        try database.saveEmbeddingJob(job)
        return (job, done - start)
    }
}
