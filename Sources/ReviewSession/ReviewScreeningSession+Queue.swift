import Foundation
import Ranking
import ReviewModel
import ReviewStore
import ScreeningUI
import Stopping
import TeamScreening
import TextAnalysis

/// The session's overview (counts, undo availability, the stopping line) and its queue order:
/// undecided records by the newest ranking, decided ones by when they were decided. Each piece
/// is cached until the labels or the ranking change, so a frame costs no database scan.
extension ReviewScreeningSession {
    public func overview() throws -> SessionOverview {
        // A background failure is reported once, as the status-line message of the next frame.
        if let message = lock.withLock({ () -> String? in
            defer { lastError = nil }; return lastError
        }) {
            throw SessionMessage(text: message)
        }
        try markOtherAssessors()
        let (labels, order) = lock.withLock { (self.labels, decisionOrder) }
        let counts = Dictionary(grouping: labels.values, by: { $0 }).mapValues(\.count)
        let sinceInclude = order.reversed().prefix { labels[$0] != .include }.count
        let undoable = try undoState()
        var overview = SessionOverview(
            title: title, assessor: assessor, total: poolIDs.count, screened: labels.count,
            includes: counts[.include] ?? 0, excludes: counts[.exclude] ?? 0, maybes: counts[.maybe] ?? 0,
            sinceLastInclude: sinceInclude, modelVersion: lock.withLock { shown }.map { Int($0.runID) },
            retraining: worker.isRetraining, embeddingsDone: embedder?.done ?? 0,
            embeddingsTotal: embedder == nil ? 0 : poolIDs.count,
            canUndo: undoable.undo, canRedo: undoable.redo, stopping: try stoppingIndicator(),
            totalUpperBound: lock.withLock { stoppingCache?.bound },
            stopMarkers: lock.withLock { stoppingCache?.markers ?? [] })
        overview.team = try teamOverview()
        return overview
    }

    /// The team's progress for the stats view (nil in single screening). In blind screening an
    /// assessor sees each colleague's pace but only their own label counts; a lead sees all.
    private func teamOverview() throws -> TeamOverview? {
        let settings = teamRules.settings
        guard settings.mode != .single else { return nil }
        let summary = try database.teamSummary()
        let progress = summary.progress(events: try database.voteEvents(), now: Date())
        return TeamOverview(
            mode: settings.mode.rawValue + (settings.blind ? ", blind" : ""),
            conflictsWaiting: summary.conflicts.count,
            assessors: progress.map { p in
                let visible = !settings.blind || isLead || p.assessor == assessor
                return TeamOverview.Assessor(
                    name: p.assessor, decided: p.decided,
                    labels: visible ? (p.included, p.excluded, p.maybe) : nil, lastHour: Int(p.lastHourRate),
                    perHour: p.overallRate)
            })
    }

    private func undoState() throws -> (undo: Bool, redo: Bool) {
        let version = lock.withLock { labelsVersion }
        if let cached = lock.withLock({ undoCache }), cached.version == version { return (cached.undo, cached.redo) }
        let state = try database.canUndo(assessor: assessor)
        lock.withLock { undoCache = (version, state.undo, state.redo) }
        return state
    }

    /// The pre-registered stopping rule's state, recomputed once per change of the labels.
    /// The stopping line for the status bar. Evaluating the rules over a long history takes
    /// milliseconds, so in the live screen it runs off the UI thread after each decision: the
    /// frame right after a key shows the previous line, and a `.progress` change brings the new
    /// one a moment later (scripts and tests evaluate it in place).
    private func stoppingIndicator() throws -> String? {
        let version = lock.withLock { labelsVersion }
        let cached = lock.withLock { stoppingCache }
        if let cached, cached.version == version { return cached.text }
        if synchronous || cached == nil { return try evaluateStopping(version: version) }
        let start = lock.withLock { () -> Bool in
            guard stoppingInFlight == nil else { return false }
            stoppingInFlight = version
            return true
        }
        if start {
            DispatchQueue.global(qos: .userInitiated).async { [weak self] in
                guard let self else { return }
                _ = try? self.evaluateStopping(version: version)
                let (again, handler) = self.lock.withLock { () -> (Bool, (@Sendable (SessionChange) -> Void)?) in
                    self.stoppingInFlight = nil
                    return (self.labelsVersion != version, self.changeHandler)
                }
                handler?(.progress)
                if again { _ = try? self.stoppingIndicator() }
            }
        }
        return cached?.text
    }

    /// Evaluates the stopping rules on the labels of `version` and caches the line.
    @discardableResult
    private func evaluateStopping(version: Int) throws -> String? {
        let (labels, order) = lock.withLock { (self.labels, decisionOrder) }
        // Team screening: the rules count final labels, not this assessor's view.
        let decided =
            teamRules.settings.mode == .single
            ? order.compactMap { id in labels[id].map { (id, $0) } } : try database.labelsInDecisionOrder()
        let history = try StoppingMonitor.history(
            poolSize: poolIDs.count, decided: decided, randomlyPicked: try database.randomlyPickedRecords())
        let states = try StoppingMonitor(database: database).status(of: history, replay: false)
        var text: String?
        if let rule = states.first(where: \.preregistered) ?? states.first {
            let name = rule.rule == "hypergeometric" ? "stop test" : rule.rule.replacingOccurrences(of: "_", with: " ")
            text = rule.state == .stop ? "STOP: \(name) met" : "\(name): keep going"
            if let others = Optional(states.filter { $0.state == .stop && !$0.preregistered }), !others.isEmpty,
                rule.state != .stop
            {
                text? += " (\(others.map(\.rule).joined(separator: ", ")) say stop)"
            }
        }
        let bound = try? HypergeometricStoppingRule().recallLowerBound(history)?.total
        let markers = states.compactMap { state in
            state.firstStopAt.map {
                SessionOverview.StopMarker(
                    rule: state.rule == "hypergeometric"
                        ? "stop test" : state.rule.replacingOccurrences(of: "_", with: " "), screened: $0)
            }
        }
        lock.withLock { stoppingCache = (version, text, bound ?? nil, markers) }
        return text
    }

    public func queue(_ filter: QueueFilter, offset: Int, limit: Int) throws -> QueuePage {
        try markOtherAssessors()
        let ids = try orderedIDs(filter)
        let (ranking, labels, marks) = lock.withLock { (shown, self.labels, self.marks) }
        let start = max(0, min(offset, ids.count))
        let end = min(ids.count, start + max(0, limit))
        let entries = (start..<end).map { position in
            let id = ids[position]
            return QueueEntry(
                id: id, rank: position + 1, score: ranking?.scores[id], year: years[id], title: titles[id] ?? "",
                label: labels[id] ?? marks[id]?.label)
        }
        return QueuePage(total: ids.count, offset: start, entries: entries)
    }

    public func position(of id: Int64, in filter: QueueFilter) throws -> Int? {
        try orderedIDs(filter).firstIndex(of: id)
    }

    /// The filtered records in a stable order: undecided ones by the ranking on screen (none
    /// before the first ranking of a review that was never ranked), decided ones by when they were
    /// decided. It changes only at a pick and with this assessor's own decisions.
    public func orderedIDs(_ filter: QueueFilter) throws -> [Int64] {
        let (ranking, failed, labels, decided, version) = lock.withLock {
            (shown, rankingFailed, self.labels, decisionOrder, labelsVersion)
        }
        let key =
            "\(filter.status)|\(filter.label?.rawValue ?? "")|\(filter.text)|\(ranking?.runID ?? 0)|\(ranking?.isStoredTop == true)|\(failed)|\(version)"
        if let cached = lock.withLock({ orderCache }), cached.key == key { return cached.ids }
        var undecided = orderOfPool(ranking, failed: failed).filter { labels[$0] == nil }
        if let view = lock.withLock({ assessorView }) { undecided = view.queue(undecided) }
        let decidedOrder = decided.filter { id in filter.label.map { labels[id] == $0 } ?? true }
        var ids: [Int64] =
            switch filter.status {
            case .undecided: undecided
            case .decided: decidedOrder
            case .all: undecided + decidedOrder
            }
        if !filter.text.isEmpty {
            let matches = Set(try database.search(filter.text, limit: poolIDs.count))
            ids = ids.filter(matches.contains)
        }
        lock.withLock { orderCache = (key, ids) }
        return ids
    }

    /// Every pool record once: the ranking's order, then (by id) the records it left out because
    /// they were decided when it was made (or, for the stored top, were below it). Without any
    /// ranking, nothing (a failed ranking: the pool by id). Computed once per ranking, so a
    /// decision costs one pass over the pool, not a set of every id (tens of ms at 100,000).
    private func orderOfPool(_ ranking: LiveRanking?, failed: Bool) -> [Int64] {
        guard let ranking else { return failed ? poolIDs : [] }
        let key = ranking.isStoredTop ? -ranking.runID : ranking.runID
        if let cached = lock.withLock({ poolOrderCache }), cached.runID == key { return cached.ids }
        if let prepared = lock.withLock({ poolOrderPrepared }), prepared.runID == key {
            lock.withLock { poolOrderCache = prepared }
            return prepared.ids
        }
        let ids = poolOrder(of: ranking)
        lock.withLock { poolOrderCache = (key, ids) }
        return ids
    }

    /// The ranking's order of the records in it, then the pool's other records by id.
    func poolOrder(of ranking: LiveRanking) -> [Int64] {
        var ranked = [Bool](repeating: false, count: poolIDs.count)
        var ids: [Int64] = []
        ids.reserveCapacity(poolIDs.count)
        for id in ranking.order {
            guard let index = poolIndex[id] else { continue }
            ranked[index] = true
            ids.append(id)
        }
        for (index, id) in poolIDs.enumerated() where !ranked[index] { ids.append(id) }
        return ids
    }
}
