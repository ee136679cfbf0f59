import ReviewModel
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
    /// Simulated assessors who may mislabel records; nil: every label is the truth.
    public let team: AssessorTeam?

    /// A simulation of `labels` starting from `priors`, screened by `team` (perfect when nil).
    public init(labels: [Bool], priors: [Int], team: AssessorTeam? = nil) {
        self.labels = labels
        self.priors = priors
        self.team = team
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
        /// What the simulated team recorded for each record in `order` (the truth without a team).
        public var teamOutcomes: [AssessorTeam.Outcome] = []
        /// How a fusion ranker weighed its signals over the replay (empty for a single ranker).
        public var weights = FusionWeightTrace()

        /// The labels in screening order.
        public func labels(from all: [Bool]) -> [Bool] { order.map { all[$0] } }
    }

    /// Runs the replay on `cycle` (which should have no decisions yet).
    /// - Parameter stopAfterLastInclude: when true, stop retraining once every include has been
    ///   found and append the rest in the last ranking's order (the metrics do not change).
    /// - Throws: `RankingError.recordOutOfRange` for a prior outside the pool.
    public func run(_ cycle: inout ActiveLearningCycle, stopAfterLastInclude: Bool = false) throws -> Result {
        var result = Result(order: [], pickedAt: [], rankedBy: [], retrainSeconds: [])
        // The label the team records: what the cycle learns from.
        func screen(_ record: Int) -> Bool {
            let outcome =
                team?.screen(record: record, truth: labels[record])
                ?? AssessorTeam.Outcome(final: labels[record], votes: 1, conflict: false)
            result.teamOutcomes.append(outcome)
            return outcome.final
        }
        var remainingIncludes = labels.filter { $0 }.count
        for prior in priors where prior >= 0 && prior < labels.count && !cycle.screened[prior] {
            try cycle.decide(prior, relevant: screen(prior), pickedAt: .prior)
            result.order.append(prior)
            result.pickedAt.append(.prior)
            result.rankedBy.append("prior")
            if labels[prior] { remainingIncludes -= 1 }
        }
        while cycle.remaining > 0 {
            let snapshot = cycle.retrain()
            result.retrainSeconds.append(snapshot.duration)
            result.weights.note(snapshot)
            if stopAfterLastInclude && team == nil && remainingIncludes == 0 {
                for record in snapshot.order where !cycle.screened[record] {
                    try cycle.decide(record, relevant: screen(record), pickedAt: .rank)
                    result.order.append(record)
                    result.pickedAt.append(.rank)
                    result.rankedBy.append(snapshot.rankerID)
                }
                break
            }
            guard let pick = cycle.nextPick(from: snapshot) else { break }
            try cycle.decide(pick.record, relevant: screen(pick.record), pickedAt: pick.pickedAt)
            result.order.append(pick.record)
            result.pickedAt.append(pick.pickedAt)
            result.rankedBy.append(snapshot.rankerID)
            if labels[pick.record] { remainingIncludes -= 1 }
        }
        return result
    }
}
