import Foundation
import ReviewModel
import ReviewStore
import ScreeningUI

/// Which ranking the list follows and when it changes: rankings arrive from the worker with their
/// payload and are followed from the pick that adopts them; other assessors' decisions are marked
/// until the next pick takes them in.
extension ReviewScreeningSession {
    /// How many posted rankings are kept for the screen to adopt.
    static let postedKept = 4

    /// A ranking the worker finished: kept for adoption and posted to the screen with its order.
    /// Before a screen listens (a script, a test) there is nothing on screen, so it is followed at
    /// once.
    func rankingArrived(_ ranking: LiveRanking) {
        // Prepared here, on the worker's thread: the pick that adopts it finds it ready.
        let prepared = (ranking.runID, poolOrder(of: ranking))
        let handler = lock.withLock { () -> (@Sendable (SessionChange) -> Void)? in
            poolOrderPrepared = prepared
            posted[ranking.runID] = ranking
            for old in posted.keys.sorted().dropLast(Self.postedKept) { posted[old] = nil }
            if changeHandler == nil { follow(ranking) }
            return changeHandler
        }
        handler?(.ranking(RankingUpdate(version: Int(ranking.runID), order: ranking.order)))
    }

    /// Makes `ranking` the one the list follows (call with the lock held).
    private func follow(_ ranking: LiveRanking) {
        shown = ranking
        rankingFailed = false
    }

    public func beginPick(adopting ranking: RankingUpdate?) throws {
        try takeInOtherAssessors()
        lock.withLock {
            if let ranking, let adopted = posted[Int64(ranking.version)] { follow(adopted) }
        }
    }

    /// Folds what other assessors decided since the last pick into the list (their marks go).
    func takeInOtherAssessors() throws {
        let latest = try database.latestEventID(notBy: assessor)
        guard latest > lock.withLock({ othersSeen }) else { return }
        try reloadLabels()
        lock.withLock {
            othersSeen = latest
            othersMarked = max(othersMarked, latest)
            marks = [:]
        }
    }

    /// Marks the records other assessors decided since the list was picked (single screening; in
    /// team screening their votes are blind and the records move at the next pick). The list
    /// itself stays as it is.
    func markOtherAssessors() throws {
        guard teamRules.settings.mode == .single else { return }
        let since = lock.withLock { othersMarked }
        let events = try database.decisionEvents(after: since, notBy: assessor)
        guard let newest = events.last?.id else { return }
        lock.withLock {
            for event in events where event.kind != .import {
                marks[event.recordID] = RecordDetail.OtherDecision(assessor: event.assessor, label: event.label)
            }
            othersMarked = newest
        }
    }

    /// Each hybrid signal's rank of record `id` in the ranking on screen. Before this sitting's
    /// first ranking the screen shows the stored top of the last one, which keeps no signal
    /// ranks: they come from this sitting's first ranking (waited for), which is made from the
    /// same decisions.
    func signalRanks(of id: Int64, shown: LiveRanking?) -> [String: SignalObservation] {
        guard let shown, let position = poolIndex[id] else { return [:] }
        if let table = shown.signals { return table.observations(for: position) }
        guard shown.isStoredTop, let first = worker.waitForFirstRanking(seconds: 30) else { return [:] }
        return first.signals?.observations(for: position) ?? [:]
    }
}
