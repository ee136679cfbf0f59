import ReviewSession
import ArgumentParser
import Evaluation
import Foundation
import ReviewModel
import ReviewStore
import Transformer

/// `tarsier embed`: compute and cache BERT embeddings of a review's records.
struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed a review's records with the BERT model and cache them in the review.",
        discussion: """
            Embeds title + abstract of every record not yet embedded with this model (keyed by the \
            weights' SHA-256), committing every batch together with the job's progress: stop or kill \
            it at any time and run it again to continue where it stopped. With --background the job \
            detaches (new session, output appended to REVIEW.embed.log) and tarsier returns at once; \
            `tarsier status` shows its progress, rate and time left. Only one job embeds a review at \
            a time (lock file REVIEW.embed.lock); a screen's background embedder waits while a job \
            runs. Screening never waits for this; the ranker uses the embeddings that exist.
            """)

    @OptionGroup var review: ReviewArgument
    @Option(help: "Model folder with config.json, vocab.txt and model.safetensors.") var model: String?
    @Option(help: "Records embedded and committed per batch.") var batchSize = 64
    @Option(help: "Longest input in wordpieces.") var maxLength = 256
    @Flag(help: "Run as a detached background job logging to REVIEW.embed.log; print its pid and return.")
    var background = false
    @Option(
        help: ArgumentHelp(
            "Store the embeddings an embedding cache file (simulate --embeddings-cache) holds for the review's records and topic, without the model.",
            valueName: "file"))
    var fromCache: String?

    func validate() throws {
        if fromCache != nil && background { throw ValidationError("--from-cache runs in the foreground") }
    }

    func run() throws {
        if let fromCache { return try storeFromCache(fromCache) }
        let database = try review.open()
        guard let directory = ModelLocator.find(explicit: model) else {
            Console.error("tarsier: error: \(ModelLocator.missingModelMessage(explicit: model))")
            throw ExitCode.failure
        }
        if let holder = EmbeddingJobLock.holder(reviewPath: review.path) {
            Console.error(
                "tarsier: error: \(review.path) is already being embedded (\(holder.description)); "
                    + "`tarsier status \(review.path)` shows its progress")
            throw ExitCode.failure
        }
        if background { return try startInBackground() }
        let lock = EmbeddingJobLock(reviewPath: review.path)
        guard try Console.run({ try lock.tryAcquire(owner: "tarsier embed") }) else {
            let holder = EmbeddingJobLock.holder(reviewPath: review.path)?.description ?? "another process"
            Console.error("tarsier: error: \(review.path) is already being embedded (\(holder))")
            throw ExitCode.failure
        }
        defer { lock.release() }
        let encoder = try Console.run { try BertEncoder(modelDirectory: directory) }
        let bar = ProgressBar(label: "embedding", unit: " rec")
        // Not on a terminal (a log file, a pipe): one line per committed batch instead of a bar.
        let lines = isatty(STDOUT_FILENO) == 0
        var job = EmbeddingJob(
            database: database, encoder: encoder, modelName: directory.lastPathComponent, batchSize: batchSize,
            maxLength: maxLength)
        job.progress = { progress in
            bar.update(progress.done, of: progress.total)
            if lines {
                print(
                    "embedded \(progress.done) of \(progress.total) (\(String(format: "%.1f", progress.recordsPerSecond)) records/s)"
                )
                fflush(nil)
            }
        }
        let began = Date()
        let (final, now) = try Console.run { try job.run() }
        bar.finish()
        let seconds = Date().timeIntervalSince(began)
        let rate = seconds > 0 ? Double(now) / seconds : 0
        print(
            "\(final.done) of \(final.total) records embedded (\(now) now, \(String(format: "%.1f", rate)) records/s) with \(directory.lastPathComponent) [\(final.modelSHA256.prefix(12))]"
        )
    }

    /// Re-runs this command without `--background` as a detached job and waits until it holds the
    /// lock (or has failed), so that what is printed is true.
    private func startInBackground() throws {
        let logPath = review.path + ".embed.log"
        let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--background" }
        let pid = try Console.run { try DetachedProcess.spawn(arguments: Array(arguments), logPath: logPath) }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if DetachedProcess.hasExited(pid) {
                Console.error("tarsier: error: the embedding job (pid \(pid)) stopped at once; see \(logPath)")
                throw ExitCode.failure
            }
            if EmbeddingJobLock.holder(reviewPath: review.path)?.pid == pid { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        print(
            """
            embedding in the background, pid \(pid)
            follow it with `tarsier status \(review.path)` or `tail -f \(logPath)`; stop it with `kill \(pid)` \
            (run `tarsier embed \(review.path)` again to continue)
            """)
    }
}

extension Embed {
    /// `--from-cache FILE`: every record whose text (title and abstract as the screen ranks them)
    /// is in the cache file, and the topic, get the cached embedding under the cache's model;
    /// the others are listed as missing (the model can embed them later).
    func storeFromCache(_ path: String) throws {
        let database = try review.open()
        try Console.run {
            let cache = try EmbeddingCache.existing(fileURL: URL(fileURLWithPath: path))
            let records = try database.screeningTexts()
            let topic = try database.topic().embeddingText
            let keys = records.map { EmbeddingCache.textKey($0.document) }
            let known = try cache.load(keys: Set(keys + (topic.isEmpty ? [] : [EmbeddingCache.textKey(topic)])))
            let found = zip(records, keys).compactMap { record, key in known[key].map { (record.id, $0) } }
            try database.saveEmbeddings(found, modelSHA256: cache.modelSHA256)
            let topicVector = topic.isEmpty ? nil : known[EmbeddingCache.textKey(topic)]
            if let topicVector {
                try database.setValue(
                    .topicEmbedding, TopicEmbedding(modelSHA256: cache.modelSHA256, text: topic, vector: topicVector))
            }
            print(
                "\(found.count) of \(records.count) records embedded from \(path) [\(cache.modelSHA256.prefix(12))]"
                    + (topic.isEmpty ? "" : topicVector == nil ? "; the topic is not in it" : ", and the topic"))
        }
    }
}
