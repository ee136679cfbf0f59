import Foundation
import Ranking
import ReviewModel
import ReviewStore

/// The newest finished ranking of a review's pool.
public struct LiveRanking: Sendable {
    /// Stored ranking run id (the model version shown and recorded with decisions).
    public var runID: Int64
    /// The ranker that produced the order.
    public var rankerID: String
    /// Record ids of the records undecided when the ranking was made, best first.
    public var order: [Int64]
    /// Score by record id.
    public var scores: [Int64: Double]
    /// The hybrid's signals' ranks in this ranking (nil when another ranker produced it), by pool
    /// position: stored with a decision on a record picked from this ranking.
    public var signals: SignalRankTable?
    /// True for the top of the newest ranking run stored in the review, shown when a screen opens
    /// until its own first ranking is adopted (it has no scores and no signal ranks).
    public var isStoredTop = false

    /// The newest stored ranking's top, as a screen shows it before its own first ranking.
    init(stored: RankingTop) {
        self.init(runID: stored.runID, rankerID: "", order: stored.top, scores: [:], signals: nil, isStoredTop: true)
    }

    init(
        runID: Int64, rankerID: String, order: [Int64], scores: [Int64: Double], signals: SignalRankTable?,
        isStoredTop: Bool = false
    ) {
        self.runID = runID
        self.rankerID = rankerID
        self.order = order
        self.scores = scores
        self.signals = signals
        self.isStoredTop = isStoredTop
    }
}

/// Retrains the review's ranker off the UI thread after every decision and publishes the newest
/// finished ranking; decisions arriving during a retrain coalesce into one more retrain.
///
/// One `ActiveLearningCycle` lives as long as the worker: the features (TF-IDF, BM25) are built
/// once, in the background, when the worker starts, or read from the review when it kept them for
/// the same records and topic (`ClassicalFeatures`; built ones are kept for the next opening); after each decision the cycle follows the review's
/// learning history (decision by decision) and retrains, its learners warm-started from their
/// previous fit. Embeddings that arrive let the dense signals join the hybrid's fusion (its
/// classical signals stay as they are). Each run is stored as a `rankingRun`.
public final class RankingWorker: @unchecked Sendable {
    private let database: ReviewDatabase
    private let poolIDs: [Int64]
    private let configuration: CycleConfiguration
    private let queue = DispatchQueue(label: "tarsier.ranking", qos: .utility)
    private let lock = NSCondition()
    /// The screen's active-learning cycle (nil until the rankers are built).
    private var cycle: ActiveLearningCycle?
    private var running = false
    private var pending = false
    private var published: LiveRanking?
    private var onUpdate: (@Sendable (LiveRanking) -> Void)?
    private var onError: (@Sendable (String) -> Void)?
    private var documents: [String] = []
    /// The classical rankers' features, once built or read from the review.
    private var features: ClassicalFeatures?
    private var topic = Topic(title: "")
    /// Supplies the cached embeddings of the pool (and the topic's) for the dense signals.
    private var embeddingSource: EmbeddingSource?
    /// Embedded records when the rankers were last built.
    private var builtWithEmbeddings = 0

    /// When true, building and retraining run on the caller's thread before returning
    /// (script mode and tests, where screens must be reproducible).
    private let synchronous: Bool

    /// A worker for the canonical records `poolIDs`.
    public init(
        database: ReviewDatabase, poolIDs: [Int64], configuration: CycleConfiguration, synchronous: Bool = false
    ) {
        self.database = database
        self.poolIDs = poolIDs
        self.configuration = configuration
        self.synchronous = synchronous
    }

    private func dispatch(_ work: @escaping @Sendable () -> Void) {
        if synchronous { queue.sync(execute: work) } else { queue.async(execute: work) }
    }

    /// The newest finished ranking, if any.
    public var latest: LiveRanking? { lock.withLock { published } }

    /// Waits up to `seconds` for the first ranking (at once when there is one); nil if none came.
    public func waitForFirstRanking(seconds: Double) -> LiveRanking? {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while published == nil, lock.wait(until: deadline) {}
        return published
    }

    /// True while a retrain is running or queued.
    public var isRetraining: Bool { lock.withLock { running || pending } }

    /// Installs callbacks (called on the worker's queue).
    public func observe(update: @escaping @Sendable (LiveRanking) -> Void, error: @escaping @Sendable (String) -> Void)
    {
        lock.withLock {
            onUpdate = update
            onError = error
        }
    }

    /// Sets where the dense signals' embeddings come from; the rankers are rebuilt as they grow.
    public func useEmbeddings(_ source: EmbeddingSource) {
        lock.withLock { embeddingSource = source }
    }

    /// Builds the rankers from the documents and topic, then ranks for the first time.
    /// Loads the pool's documents (title and abstract, in pool order) and builds the rankers, in
    /// the background unless synchronous, then ranks.
    public func start(topic: Topic, documents load: @escaping @Sendable () throws -> [String]) {
        lock.withLock {
            running = true
            self.topic = topic
        }
        dispatch { [self] in
            do {
                let key = featureCacheKey(topic: topic)
                let began = Trace.now()
                if let key, let restored = restoredFeatures(key: key) {
                    lock.withLock { features = restored }
                    Trace.mark(String(format: "features restored %.1f ms", (Trace.now() - began) * 1000))
                } else {
                    let documents = try load()
                    lock.withLock { self.documents = documents }
                    Trace.mark(String(format: "documents loaded %.1f ms", (Trace.now() - began) * 1000))
                }
                let restored = lock.withLock { features != nil }
                try buildRankers()
                retrainNow()
                if let key, !restored { keepFeatures(key: key) }
            } catch {
                lock.withLock { running = false }
                report(error)
            }
        }
    }

    /// The key the review keeps this pool's classical features under; nil for rankers without them.
    private func featureCacheKey(topic: Topic) -> String? {
        guard [.bm25, .tfidfLR, .tfidfNB, .tfidfSVM, .hybrid].contains(configuration.ranker) else { return nil }
        return ClassicalFeatures.cacheKey(
            configuration: configuration, topic: topic.isEmpty ? nil : topic, poolIDs: poolIDs)
    }

    /// The features the review kept under `key`, when they can be read for this pool.
    private func restoredFeatures(key: String) -> ClassicalFeatures? {
        guard let data = try? database.cachedFeatures(key: key) else { return nil }
        return try? ClassicalFeatures(encoded: data, poolSize: poolIDs.count)
    }

    /// Keeps the features just built in the review (off this queue: retraining goes on), unless
    /// it is open read-only. A failure only means the next opening builds them again.
    private func keepFeatures(key: String) {
        guard !database.isReadOnly, let features = lock.withLock({ features }) else { return }
        let store: @Sendable () -> Void = { [database] in
            let began = Trace.now()
            try? database.storeCachedFeatures(features.encoded(), key: key)
            Trace.mark(String(format: "features kept %.1f ms", (Trace.now() - began) * 1000))
        }
        if synchronous { store() } else { DispatchQueue.global(qos: .background).async(execute: store) }
    }

    /// Builds the rankers with the embeddings that exist now (records without one are ranked by
    /// the classical signals alone) and the cycle over them.
    private func buildRankers() throws {
        let (documents, topic, source, kept) = lock.withLock {
            (self.documents, self.topic, embeddingSource, self.features)
        }
        let began = Trace.now()
        let dense = try source?.load()
        let built =
            try kept
            ?? (featureCacheKey(topic: topic) == nil
                ? nil
                : ClassicalFeatures.build(
                    configuration: configuration, documents: documents, topic: topic.isEmpty ? nil : topic))
        lock.withLock { self.features = built }
        let rankers = try RankerRegistry.makeRankers(
            configuration: configuration, documents: documents, topic: topic.isEmpty ? nil : topic,
            embeddings: dense?.embeddings, features: built)
        Trace.mark(
            String(
                format: "rankers built %.1f ms, %d records, %d embedded", (Trace.now() - began) * 1000, poolIDs.count,
                dense?.count ?? 0))
        let cycle = ActiveLearningCycle(
            poolSize: poolIDs.count, rankers: rankers, querier: configuration.querier, seed: configuration.seed)
        lock.withLock {
            self.cycle = cycle
            builtWithEmbeddings = dense?.count ?? 0
        }
    }

    /// Lets the embeddings stored now into the rankers: the hybrid's dense signals are rebuilt
    /// over them and join its fusion (its other signals, their warm starts and the credit the
    /// review's decisions give stay); a dense ranker on its own is rebuilt.
    private func joinEmbeddings() throws {
        guard let source = lock.withLock({ embeddingSource }), let dense = try source.load(),
            var cycle = lock.withLock({ self.cycle })
        else { return }
        let began = Trace.now()
        if configuration.ranker == .hybrid {
            let signals = RankerRegistry.makeDenseSignals(configuration: configuration, embeddings: dense.embeddings)
            cycle.updateRankers { rankers in
                for index in rankers.indices {
                    guard var hybrid = rankers[index] as? HybridRanker else { continue }
                    hybrid.join(signals)
                    rankers[index] = hybrid
                }
            }
        } else {
            let (documents, topic, features) = lock.withLock { (self.documents, self.topic, self.features) }
            let rebuilt = try RankerRegistry.makeRankers(
                configuration: configuration, documents: documents, topic: topic.isEmpty ? nil : topic,
                embeddings: dense.embeddings, features: features)
            cycle.updateRankers { $0 = rebuilt }
        }
        Trace.mark(
            String(format: "dense signals joined %.1f ms, %d embedded", (Trace.now() - began) * 1000, dense.count))
        lock.withLock {
            self.cycle = cycle
            builtWithEmbeddings = dense.count
        }
    }

    /// True when enough new embeddings have arrived to be worth rebuilding the dense signals.
    private func embeddingsGrew() throws -> Bool {
        guard let source = lock.withLock({ embeddingSource }) else { return false }
        let current = try source.count()
        let built = lock.withLock { builtWithEmbeddings }
        return current == poolIDs.count ? current > built : current >= built + max(32, poolIDs.count / 10)
    }

    /// Waits for the retrain in progress, if any, and drops any queued one (used at exit).
    public func finish() {
        lock.withLock { pending = false }
        queue.sync {}
    }

    /// Asks for a retrain with the current decisions (coalesced with one already queued).
    public func requestRetrain() {
        let startNow: Bool = lock.withLock {
            guard cycle != nil else { return false }
            if running { pending = true; return false }
            running = true
            return true
        }
        if startNow { dispatch { [self] in retrainNow() } }
    }

    private func retrainNow() {
        repeat {
            lock.withLock { pending = false }
            do { try retrainOnce() } catch { report(error) }
        } while lock.withLock({ pending })
        lock.withLock { running = false }
    }

    private func retrainOnce() throws {
        if configuration.ranker.usesEmbeddings, try embeddingsGrew() {
            try joinEmbeddings()
        }
        guard var cycle = lock.withLock({ self.cycle }) else { return }
        let began = Trace.now()
        try cycle.follow(Self.decisions(try database.learningHistory(), poolIDs: poolIDs))
        let snapshot = cycle.retrain()
        lock.withLock { self.cycle = cycle }
        let parameters = String(
            decoding: (try? JSONEncoder().encode(
                snapshot.parameters.merging(["querier": configuration.querier.id]) { a, _ in a }))
                ?? Data(), as: UTF8.self)
        let runID = try database.saveRankingRun(
            modelVersion: "\(snapshot.rankerID)/\(snapshot.trainingSetSize)", ranker: snapshot.rankerID,
            parameters: parameters, trainingSize: snapshot.trainingSetSize,
            top: snapshot.order.prefix(RankingTop.length).map { poolIDs[$0] })
        var scores: [Int64: Double] = [:]
        scores.reserveCapacity(poolIDs.count)
        for (position, id) in poolIDs.enumerated() where position < snapshot.scores.count {
            scores[id] = snapshot.scores[position]
        }
        let hybrid = cycle.rankers.lazy.compactMap { $0 as? HybridRanker }.first { $0.id == snapshot.rankerID }
        let ranking = LiveRanking(
            runID: runID, rankerID: snapshot.rankerID, order: snapshot.order.map { poolIDs[$0] }, scores: scores,
            signals: hybrid?.signalRankTable())
        Trace.mark(
            String(
                format: "retrain %.1f ms, %d decisions, %d records", (Trace.now() - began) * 1000,
                snapshot.trainingSetSize, poolIDs.count))
        let callback = lock.withLock { () -> (@Sendable (LiveRanking) -> Void)? in
            published = ranking
            lock.broadcast()
            return onUpdate
        }
        callback?(ranking)
    }

    /// The review's learning history as the cycle's decisions over the pool `poolIDs` (records
    /// outside it are left out). `maybe` counts as relevant for learning: the assessor saw
    /// something like an include. Each decision carries the signal ranks stored with it (none
    /// when none were stored, never the hybrid's own view of them), so the hybrid's credit is a
    /// function of the review file.
    public static func decisions(_ history: [LearningExample], poolIDs: [Int64]) -> [Decision] {
        let index = Dictionary(uniqueKeysWithValues: poolIDs.enumerated().map { ($1, $0) })
        return history.compactMap { example in
            index[example.recordID].map {
                Decision(
                    record: $0, relevant: example.label != .exclude, pickedAt: .rank, signalRanks: example.signalRanks)
            }
        }
    }

    /// A cycle over new `rankers` that has followed the review's learning history and ranked the
    /// pool once: what a screen opened on the review now ranks first (for explanations).
    public static func restore(
        rankers: [any Ranker], poolIDs: [Int64], history: [LearningExample], configuration: CycleConfiguration
    ) throws -> (RankingSnapshot, ActiveLearningCycle) {
        var cycle = ActiveLearningCycle(
            poolSize: poolIDs.count, rankers: rankers, querier: configuration.querier, seed: configuration.seed)
        try cycle.follow(decisions(history, poolIDs: poolIDs))
        let snapshot = cycle.retrain()
        return (snapshot, cycle)
    }

    private func report(_ error: any Error) {
        let callback = lock.withLock { onError }
        callback?("ranking failed: \(error.localizedDescription)")
    }
}
