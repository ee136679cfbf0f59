import Foundation
import Ranking

/// Replays screening with known labels through an `ActiveLearningCycle` — the same loop the UI
/// uses — until every record is screened: priors are decided first (in the given order), then
/// after every decision the cycle retrains and the next record is taken from the new ranking.
public struct Simulation: Sendable {
    /// The true label of every pool record.
    public let labels: [Bool]
    /// Record indices labelled before any ranking, in order.
    public let priors: [Int]

    /// A simulation of `labels` starting from `priors`.
    public init(labels: [Bool], priors: [Int]) {
        self.labels = labels
        self.priors = priors
    }

    /// What a replay produced.
    public struct Result: Sendable {
        /// Record indices in screening order, priors first; a permutation of the pool.
        public var order: [Int]
        /// How each record in `order` was chosen.
        public var pickedAt: [PickReason]
        /// Id of the ranker that ranked each pick (priors: "prior").
        public var rankedBy: [String]
        /// Seconds spent in each retrain.
        public var retrainSeconds: [Double]

        /// The labels in screening order.
        public func labels(from all: [Bool]) -> [Bool] { order.map { all[$0] } }
    }

    /// Runs the replay on `cycle` (which should have no decisions yet).
    /// - Parameter stopAfterLastInclude: when true, stop retraining once every include has been
    ///   found and append the rest in the last ranking's order (the metrics do not change).
    /// - Throws: `RankingError.recordOutOfRange` for a prior outside the pool.
    public func run(_ cycle: inout ActiveLearningCycle, stopAfterLastInclude: Bool = false) throws -> Result {
        var result = Result(order: [], pickedAt: [], rankedBy: [], retrainSeconds: [])
        var remainingIncludes = labels.filter { $0 }.count
        for prior in priors where prior >= 0 && prior < labels.count && !cycle.screened[prior] {
            try cycle.decide(prior, relevant: labels[prior], pickedAt: .prior)
            result.order.append(prior)
            result.pickedAt.append(.prior)
            result.rankedBy.append("prior")
            if labels[prior] { remainingIncludes -= 1 }
        }
        while cycle.remaining > 0 {
            let snapshot = cycle.retrain()
            result.retrainSeconds.append(snapshot.duration)
            if stopAfterLastInclude && remainingIncludes == 0 {
                for record in snapshot.order where !cycle.screened[record] {
                    try cycle.decide(record, relevant: labels[record], pickedAt: .rank)
                    result.order.append(record)
                    result.pickedAt.append(.rank)
                    result.rankedBy.append(snapshot.rankerID)
                }
                break
            }
            guard let pick = cycle.nextPick(from: snapshot) else { break }
            try cycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
            result.order.append(pick.record)
            result.pickedAt.append(pick.pickedAt)
            result.rankedBy.append(snapshot.rankerID)
            if labels[pick.record] { remainingIncludes -= 1 }
        }
        return result
    }
}
