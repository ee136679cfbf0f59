import ReviewModel
import Foundation

/// The online active-learning loop shared by the screening UI and `tarsier simulate`: it holds
/// the pool's decisions, refits the rankers after every decision and chooses the next record.
///
/// The cycle is a value with no I/O. `simulate` decides, retrains and picks in turn. The live
/// screen keeps one cycle per screen inside its ranking worker (`ReviewSession.RankingWorker`):
/// after each decision the worker brings the cycle's decisions up to the review's learning
/// history (`follow(_:)`, one decision at a time), retrains on its own queue and posts the
/// snapshot to the screen, which shows it from the next pick on. The rankers stay warm for the
/// screen's lifetime; new dense signals join the hybrid (`updateRankers(_:)`).
///
/// Cold start: the rankers are asked in order and the first that can rank wins. The usual chain
/// is [learner, BM25 on the topic]; when neither can rank (no topic, no decisions, or only one
/// class) a seeded random order is used.
public struct ActiveLearningCycle: Sendable {
    /// Number of records in the pool.
    public let poolSize: Int
    /// Decisions in the order they were made.
    public private(set) var decisions: [Decision] = []
    /// `screened[i]` is true when record i has a decision.
    public private(set) var screened: [Bool]
    /// Rankers in order of preference.
    public private(set) var rankers: [any Ranker]
    /// The query strategy.
    public let querier: any Querier
    /// The seed of every random choice.
    public let seed: UInt64
    /// The newest snapshot, if any.
    public private(set) var latest: RankingSnapshot?
    private var generator: SeededGenerator
    private let fallback: RandomRanker
    /// Position of each record in a seeded random order, used to break score ties.
    private let tieBreak: [Int]

    /// A cycle over `poolSize` records.
    public init(poolSize: Int, rankers: [any Ranker], querier: any Querier = MaxQuerier(), seed: UInt64) {
        self.poolSize = poolSize
        self.rankers = rankers
        self.querier = querier
        self.seed = seed
        self.screened = [Bool](repeating: false, count: poolSize)
        self.generator = SeededGenerator(seed: seed)
        self.fallback = RandomRanker(poolSize: poolSize, seed: seed)
        var order = Array(0..<poolSize)
        var shuffler = SeededGenerator(seed: seed &+ 0x7165)
        order.shuffle(using: &shuffler)
        var tieBreak = [Int](repeating: 0, count: poolSize)
        for (position, record) in order.enumerated() { tieBreak[record] = position }
        self.tieBreak = tieBreak
    }

    /// Number of records still to screen.
    public var remaining: Int { poolSize - decisions.count }

    /// Records a decision. Deciding a record twice replaces the earlier decision.
    /// - Parameter signalRanks: the hybrid signals' ranks of the record in the ranking it was
    ///   shown in, when they were stored with the decision (see `Decision.signalRanks`).
    /// - Throws: `RankingError.recordOutOfRange` for an index outside the pool.
    public mutating func decide(
        _ record: Int, relevant: Bool, pickedAt: PickReason, signalRanks: [String: SignalObservation]? = nil
    ) throws {
        guard record >= 0, record < poolSize else { throw RankingError.recordOutOfRange(record) }
        if screened[record] { decisions.removeAll { $0.record == record } }
        screened[record] = true
        decisions.append(Decision(record: record, relevant: relevant, pickedAt: pickedAt, signalRanks: signalRanks))
    }

    /// Makes the cycle's decisions `decisions`, in that order, keeping the rankers' state: when
    /// its own decisions are the first of them (the usual case after a decision) the rest are
    /// added one at a time; otherwise (an undo, a changed label, another assessor's decision in
    /// between) the list is replaced.
    /// - Throws: `RankingError.recordOutOfRange` for a record outside the pool.
    public mutating func follow(_ decisions: [Decision]) throws {
        if decisions.count >= self.decisions.count, decisions.starts(with: self.decisions) {
            for decision in decisions.dropFirst(self.decisions.count) {
                try decide(
                    decision.record, relevant: decision.relevant, pickedAt: decision.pickedAt,
                    signalRanks: decision.signalRanks)
            }
            return
        }
        var screened = [Bool](repeating: false, count: poolSize)
        var kept: [Decision] = []
        for decision in decisions {
            guard decision.record >= 0, decision.record < poolSize else {
                throw RankingError.recordOutOfRange(decision.record)
            }
            if screened[decision.record] { kept.removeAll { $0.record == decision.record } }
            screened[decision.record] = true
            kept.append(decision)
        }
        self.decisions = kept
        self.screened = screened
    }

    /// Changes the rankers in place (e.g. lets new dense signals join the hybrid), keeping the
    /// decisions; `change` gets the current rankers.
    public mutating func updateRankers(_ change: (inout [any Ranker]) -> Void) {
        change(&rankers)
    }

    /// Refits on every decision so far and ranks the unscreened records.
    @discardableResult
    public mutating func retrain() -> RankingSnapshot {
        let start = DispatchTime.now().uptimeNanoseconds
        var scores: [Double]?
        var source: (id: String, parameters: [String: String]) = (fallback.id, fallback.parameters)
        var fusion: (weights: [SignalWeight], served: String?) = ([], nil)
        for index in rankers.indices {
            if let result = rankers[index].scores(decisions: decisions) {
                scores = result
                source = (rankers[index].id, rankers[index].parameters)
                if let fused = rankers[index] as? any WeightedFusion {
                    fusion = (fused.signalWeights, fused.servedSignal)
                }
                break
            }
        }
        let final = scores ?? fallback.scores(decisions: decisions) ?? []
        let tieBreak = self.tieBreak
        let order = (0..<poolSize).filter { !screened[$0] }.sorted {
            final[$0] != final[$1] ? final[$0] > final[$1] : tieBreak[$0] < tieBreak[$1]
        }
        let snapshot = RankingSnapshot(
            version: (latest?.version ?? 0) + 1, rankerID: source.id, parameters: source.parameters,
            trainingSetSize: decisions.count, trainingIncludes: decisions.filter(\.relevant).count,
            order: order, scores: final,
            duration: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, signalWeights: fusion.weights,
            servedSignal: fusion.served)
        latest = snapshot
        return snapshot
    }

    /// The next record to screen according to `snapshot` (default: the newest), or nil when
    /// every record is screened.
    public mutating func nextPick(from snapshot: RankingSnapshot? = nil) -> Pick? {
        guard remaining > 0 else { return nil }
        guard let snapshot = snapshot ?? latest else {
            return Pick(record: tieBreak.indices.min { tieBreak[$0] < tieBreak[$1] } ?? 0, pickedAt: .random)
        }
        if let pick = querier.pick(from: snapshot, screened: screened, generator: &generator) { return pick }
        // The snapshot is stale and everything it listed is screened: fall back to any open record.
        return screened.firstIndex(of: false).map { Pick(record: $0, pickedAt: .rank) }
    }
}
