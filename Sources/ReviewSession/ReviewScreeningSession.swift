import Foundation
import Ranking
import ReviewModel
import ReviewStore
import ScreeningUI
import TeamScreening
import TextAnalysis

/// The screening UI's view of a review file: queue order from the ranking on screen, decisions
/// written straight to the decision log (durable before `decide` returns) with the provenance of
/// that ranking, retraining in the background after each decision.
///
/// The list follows one ranking at a time (`shown`): the top of the newest ranking stored in the
/// review when the screen opens, then each ranking the worker posts from the pick that adopts it
/// (`beginPick`), never under the reader. Other assessors' decisions are marked on the records
/// they touch and leave the list at the next pick.
///
/// Called from the UI's event loop thread; the ranking worker calls back from its own queue.
public final class ReviewScreeningSession: ScreeningSession, @unchecked Sendable {
    let database: ReviewDatabase
    let assessor: String
    let title: String
    let poolIDs: [Int64]
    /// Position of each record in the pool (the rankers' index).
    let poolIndex: [Int64: Int]
    let titles: [Int64: String]
    let years: [Int64: Int]
    private let topicTerms: [String]
    let worker: RankingWorker
    /// Background embedding, when a BERT model is available.
    var embedder: EmbeddingWorker?
    let lock = NSLock()
    /// True for a lead's session (`screen --lead`): it lists the conflicts and resolves them.
    public var isLead = false
    var labels: [Int64: Label] = [:]
    /// Dual or verified screening: this assessor's view (own votes, final labels, the records
    /// awaiting their vote, offered first); nil in single screening.
    var assessorView: AssessorView?
    /// The review's team rules (single screening unless set), read when the session opens.
    let teamRules: TeamRules
    /// Record ids in the order their current decisions were made.
    var decisionOrder: [Int64] = []
    /// The ranking the list follows (nil: the review was never ranked and this sitting's first
    /// ranking is not ready: no undecided record is listed yet).
    var shown: LiveRanking?
    /// Rankings the worker posted that the screen may adopt, by run id (the newest few).
    var posted: [Int64: LiveRanking] = [:]
    /// Other assessors' decisions since the last pick, by record (single screening: shown as
    /// marks; the records leave the list at the next pick).
    var marks: [Int64: RecordDetail.OtherDecision] = [:]
    /// The first ranking failed: the list shows the pool in id order so screening can go on.
    var rankingFailed = false
    var changeHandler: (@Sendable (SessionChange) -> Void)?
    var lastError: String?
    var orderCache: (key: String, ids: [Int64])?
    /// The pool in ranking order for one ranking run (see `orderOfPool`).
    var poolOrderCache: (runID: Int64, ids: [Int64])?
    /// The pool order of the newest posted ranking, prepared on the worker's thread when it
    /// arrives so that the pick adopting it does not build it on the UI thread.
    var poolOrderPrepared: (runID: Int64, ids: [Int64])?
    /// Bumped whenever `labels` changes (keys the order cache).
    var labelsVersion = 0
    /// The stopping line and the hypergeometric upper bound on the total, per version of the labels.
    var stoppingCache: (version: Int, text: String?, bound: Int?, markers: [SessionOverview.StopMarker])?
    /// The labels version a background stopping evaluation is running for, if any.
    var stoppingInFlight: Int?
    /// True when building and retraining run on the caller's thread (scripts, tests): the
    /// stopping line is then evaluated on it too.
    let synchronous: Bool
    /// Whether undo and redo are possible, recomputed (a replay of this assessor's log) only when
    /// the labels changed: every decide, undo and redo bumps `labelsVersion`.
    var undoCache: (version: Int, undo: Bool, redo: Bool)?
    /// The newest event id written by other assessors that `labels` already reflects.
    var othersSeen: Int64 = 0
    /// The newest event id by other assessors that is marked (or folded into `labels`).
    var othersMarked: Int64 = 0
    /// Polls the review for other assessors' decisions while the screen is open (not in scripts).
    private var othersTimer: DispatchSourceTimer?
    /// Called with each decision, undo and redo once it is committed (`screen --ack`).
    public var onCommit: (@Sendable (ReviewStore.DecisionEvent) -> Void)?

    /// Which embeddings the dense signals use.
    public enum Embeddings: Sendable {
        /// None: the hybrid ranks with its classical signals.
        case none
        /// Those stored in the review (by the model in the folder when one is given, else by the
        /// model the review has embeddings of); nothing is embedded.
        case stored(model: URL?)
        /// Those stored, and the rest embedded in the background with the model in the folder
        /// (the ranker takes them in as they arrive).
        case embedding(model: URL)
    }

    /// Opens a session for `assessor` and starts building the ranker in the background (before
    /// returning when `synchronous`), with the dense signals over `embeddings`.
    /// - Throws: a review that cannot be read; a model that cannot be loaded.
    public init(
        database: ReviewDatabase, assessor: String, configuration: CycleConfiguration, synchronous: Bool = false,
        embeddings: Embeddings = .none
    ) throws {
        self.database = database
        self.assessor = assessor
        self.synchronous = synchronous
        let reviewProtocol = try database.reviewProtocol()
        title = reviewProtocol.title
        // Titles only: the first frame lists titles; the ranker loads the abstracts in the background.
        let records = try database.screeningTexts(abstracts: false)
        poolIDs = records.map(\.id)
        poolIndex = Dictionary(uniqueKeysWithValues: poolIDs.enumerated().map { ($1, $0) })
        titles = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.title) })
        years = Dictionary(uniqueKeysWithValues: records.compactMap { r in r.year.map { (r.id, $0) } })
        topicTerms = Self.topicTerms(reviewProtocol.topic)
        worker = RankingWorker(
            database: database, poolIDs: poolIDs, configuration: configuration, synchronous: synchronous)
        teamRules = try database.teamRules()
        othersSeen = try database.latestEventID(notBy: assessor)
        othersMarked = othersSeen
        // The first frame shows the top of the newest ranking the review stores (a reopened
        // review); this sitting's own rankings are followed from the pick that adopts them.
        shown = try database.value(.lastRankingTop).map(LiveRanking.init(stored:))
        try reloadLabels()
        worker.observe(
            update: { [weak self] ranking in self?.rankingArrived(ranking) },
            error: { [weak self] message in self?.backgroundError(message) })
        switch embeddings {
        case .none: break
        case .stored(let model): try useStoredEmbeddings(modelDirectory: model)
        case .embedding(let model): embedder = try useStoredEmbeddings(modelDirectory: model)
        }
        let poolIDs = self.poolIDs
        worker.start(topic: reviewProtocol.topic) {
            // In pool order, by id: records imported since the pool was read are not in it.
            let texts = Dictionary(uniqueKeysWithValues: try database.screeningTexts().map { ($0.id, $0) })
            return poolIDs.map { id in texts[id]?.document ?? "" }
        }
    }

    // MARK: - Records and decisions

    public func record(_ id: Int64) throws -> RecordDetail {
        try markOtherAssessors()
        var stored = try database.record(id)
        // Markup in exported text is shown as plain text (the stored field stays as exported).
        stored.fields = stored.fields.shown
        // Team screening: the reason shown is this assessor's own (blind to the others').
        let team = teamRules.settings.mode != .single
        let latest = try database.decisionLog(recordID: id).last { !team || $0.assessor == assessor }
        let position = try position(of: id, in: .undecided)
        let (shown, mark, listed) = lock.withLock { (self.shown, marks[id], labels[id]) }
        return RecordDetail(
            id: id, rank: position.map { $0 + 1 }, score: shown?.scores[id], fields: stored.fields,
            // The label as the list has it (another assessor's decision since the pick is a mark).
            label: team || mark != nil ? listed : stored.label,
            reason: latest?.label == nil || (mark != nil && latest?.assessor != assessor) ? nil : latest?.reason,
            note: try database.note(id, assessor: assessor), decidedElsewhere: mark)
    }

    public func decide(_ id: Int64, _ label: Label, reason: String?, note: String?) throws {
        // Provenance is what the assessor saw: the run and rank of the list on screen, and each
        // signal's rank of the record in that ranking.
        let ranking = lock.withLock { shown }
        let rank = try position(of: id, in: .undecided).map { $0 + 1 }
        let provenance = DecisionProvenance(
            pickedBy: rank == 1 ? .rank : nil, rankingRunID: ranking?.runID, rankShown: rank,
            signalRanks: signalRanks(of: id, shown: ranking))
        let event = try database.decide(
            id, label, assessor: assessor, reason: reason, note: note, provenance: provenance)
        onCommit?(event)
        if let note { try database.setNote(id, assessor: assessor, note: note) }
        lock.withLock {
            labels[id] = label
            decisionOrder.removeAll { $0 == id }
            decisionOrder.append(id)
            labelsVersion += 1
            // A decide can always be undone and clears the redo stack: no replay needed.
            undoCache = (labelsVersion, true, false)
        }
        worker.requestRetrain()
    }

    public func setNote(_ id: Int64, _ note: String?) throws {
        try database.setNote(id, assessor: assessor, note: note)
    }

    public func undo() throws -> Int64? {
        do {
            let event = try database.undo(assessor: assessor)
            onCommit?(event)
            try reloadLabels()
            worker.requestRetrain()
            return event.recordID
        } catch ReviewStoreError.nothingToUndo {
            return nil
        }
    }

    public func redo() throws -> Int64? {
        do {
            let event = try database.redo(assessor: assessor)
            onCommit?(event)
            try reloadLabels()
            worker.requestRetrain()
            return event.recordID
        } catch ReviewStoreError.nothingToRedo {
            return nil
        }
    }

    public func history(limit: Int) throws -> [ScreeningUI.DecisionEvent] {
        // Blind team screening: another assessor's events appear once their record is final.
        let summary = teamRules.settings.mode == .single ? nil : try database.teamSummary()
        return try database.recentDecisions(limit: limit).filter { event in
            summary.map { $0.shows(eventBy: event.assessor, on: event.recordID, to: assessor) } ?? true
        }.map { event in
            ScreeningUI.DecisionEvent(
                sequence: event.id, recordID: event.recordID, title: titles[event.recordID] ?? "",
                kind: event.kind == .undo ? .undo : event.kind == .redo ? .redo : .decision, label: event.label,
                reason: event.reason, assessor: event.assessor)
        }
    }

    public func screeningCurve() throws -> [Bool] {
        lock.withLock { decisionOrder.map { labels[$0] == .include } }
    }

    public func search(_ text: String) throws -> [Int64] {
        let matches = Set(try database.search(text, limit: poolIDs.count))
        return try orderedIDs(QueueFilter(status: .all)).filter(matches.contains)
    }

    // MARK: - Term lists

    public func exclusionReasons() throws -> [String] {
        try database.value(.exclusionReasons) ?? Self.defaultExclusionReasons
    }

    public func setExclusionReasons(_ reasons: [String]) throws { try database.setValue(.exclusionReasons, reasons) }

    public func highlightTerms() throws -> HighlightTerms {
        HighlightTerms(
            topic: topicTerms, include: try database.value(.includeTerms) ?? [],
            exclude: try database.value(.excludeTerms) ?? [])
    }

    public func setHighlightTerms(_ terms: HighlightTerms) throws {
        try database.setValue(.includeTerms, terms.include)
        try database.setValue(.excludeTerms, terms.exclude)
    }

    // MARK: - Background

    /// Starts embedding the records that have no embedding yet (a session opened with
    /// `.embedding(model:)`); retrains when a batch lands so the ranker can use them. Screening
    /// never waits for it.
    public func startEmbedding() {
        guard let embedder = lock.withLock({ embedder }) else { return }
        embedder.start(
            progress: { [weak self] done in
                guard let self else { return }
                let handler = self.lock.withLock { self.changeHandler }
                handler?(.progress)
                if done % 256 < 32 || done == self.poolIDs.count { self.worker.requestRetrain() }
            },
            failed: { [weak self] message in self?.backgroundError(message) })
    }

    /// Lets the dense signals use the embeddings stored in the review (as they grow), without
    /// embedding anything itself: by the model in `modelDirectory` when given (returning the
    /// worker that can embed the rest), else by the model the review has embeddings of.
    @discardableResult
    private func useStoredEmbeddings(modelDirectory: URL?) throws -> EmbeddingWorker? {
        var embedder: EmbeddingWorker?
        var fixed: StoredEmbeddings?
        if let modelDirectory {
            let model = try EmbeddingWorker(database: database, modelDirectory: modelDirectory)
            fixed = StoredEmbeddings(modelSHA256: model.modelSHA256, topic: try model.topicEmbedding())
            embedder = model
        }
        worker.useEmbeddings(EmbeddingSource(database: database, poolIDs: poolIDs, fixed: fixed))
        return embedder
    }

    /// Stops background work before the process exits: embedding stops after its current batch,
    /// and a retrain in progress finishes (its result is stored; nothing is left half-done).
    public func stopBackgroundWork() {
        lock.withLock { othersTimer }?.cancel()
        lock.withLock { embedder }?.stop()
        worker.finish()
    }

    /// Retrains on the review as it is now; the screen follows with a pick, which takes in other
    /// assessors' decisions (the ranking follows when it is ready).
    public func refresh() throws {
        worker.requestRetrain()
    }

    public func setChangeHandler(_ handler: @escaping @Sendable (SessionChange) -> Void) {
        lock.withLock { changeHandler = handler }
    }

    /// Shows `message` once on the status line of the next frame.
    public func notice(_ message: String) { backgroundError(message) }

    private func backgroundError(_ message: String) {
        let handler = lock.withLock {
            lastError = message
            if shown == nil && worker.latest == nil { rankingFailed = true }
            return changeHandler
        }
        handler?(.progress)
    }

    /// Watches the review for other assessors' decisions every `seconds` while the screen is open:
    /// each new one is posted (`.decisions`, so the screen marks it) and retrains the ranker.
    public func watchOtherAssessors(every seconds: Double = 1) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "tarsier.others", qos: .utility))
        var lastPosted = lock.withLock { othersSeen }
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [weak self] in
            guard let self, let latest = try? self.database.latestEventID(notBy: self.assessor), latest > lastPosted
            else { return }
            lastPosted = latest
            self.worker.requestRetrain()
            self.lock.withLock { self.changeHandler }?(.decisions)
        }
        lock.withLock { othersTimer = timer }
        timer.resume()
    }

    func reloadLabels() throws {
        guard teamRules.settings.mode != .single else {
            let ordered = try database.labelsInDecisionOrder()
            lock.withLock {
                labels = Dictionary(ordered.map { ($0.recordID, $0.label) }, uniquingKeysWith: { _, last in last })
                decisionOrder = ordered.map(\.recordID)
                labelsVersion += 1
            }
            return
        }
        // Dual or verified screening: this assessor's own votes and the records' final labels.
        let view = try AssessorView(summary: try database.teamSummary(), assessor: assessor)
        lock.withLock {
            labels = view.labels
            decisionOrder = view.order
            assessorView = view
            labelsVersion += 1
        }
    }

    /// A message from background work, shown on the status line.
    public struct SessionMessage: Error, LocalizedError {
        var text: String
        public var errorDescription: String? { text }
    }

    /// Exclusion reasons offered until the review sets its own (PICO-style, as in Covidence/Rayyan).
    public static let defaultExclusionReasons = [
        "wrong population", "wrong intervention", "wrong comparator", "wrong outcome", "wrong study design",
        "wrong publication type", "not a primary study", "duplicate",
    ]

    /// Terms of the Boolean query (truncations as `word*`), or the title's content words without one.
    public static func topicTerms(_ topic: Topic) -> [String] {
        guard let query = topic.query, !query.allSatisfy(\.isWhitespace) else {
            let words = (topic.title + " " + (topic.objective ?? "")).lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            var seen = Set<String>()
            return words.filter { $0.count >= 4 && !StopWords.english.contains($0) && seen.insert($0).inserted }
        }
        var seen = Set<String>()
        return BooleanQueryParser().parse(query).terms.compactMap { term -> String? in
            switch term.kind {
            case .text(let text): return text
            case .pattern(let pattern):
                let stem = pattern.prefix { !"$*?#".contains($0) }
                return stem.count >= 3 ? stem + "*" : nil
            }
        }.filter { seen.insert($0.lowercased()).inserted }
    }
}
