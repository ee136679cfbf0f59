import Foundation
import ReviewModel

/// Which arm serves the next pick when the hybrid runs as a bandit (`FusionWeighting.bandit`):
/// the arms are the fused ranking and each signal that ranks, and each is judged on its own picks
/// — the share of includes among the decided records it had ranked within its first `depth` — not on
/// how it ranked the records another arm chose. UCB1 (Auer et al. 2002) over those shares, each
/// decayed with `halfLife` decisions and smoothed toward the pooled share with `smoothing`
/// pseudo-picks, with the bonus scaled by `exploration`; ties go to the first arm (the fusion).
/// A function of the decisions and the ranks stored with them, so a reopened review chooses alike.
struct ArmBandit {
    /// Decisions after which a pick's influence halves.
    var halfLife: Double
    /// Pseudo-picks at the pooled share of includes.
    var smoothing: Double
    /// Scale of UCB1's bonus √(2 ln N / n_a); 0 = greedy.
    var exploration: Double
    /// Records within this rank of an arm's ranking count as that arm's picks (1: only the record
    /// it put first).
    var depth = 1

    /// The arm with the highest bound, from each decision's stored ranks (by arm id) and label,
    /// in decision order.
    func choose(arms: [String], decisions: [(ranks: [String: SignalObservation], include: Bool)]) -> String? {
        let decayRate = log(2) / max(halfLife, 1e-9)
        var sums: [String: Double] = [:]
        var masses: [String: Double] = [:]
        for (ordinal, decision) in decisions.enumerated() {
            let weight = exp(-decayRate * Double(decisions.count - 1 - ordinal))
            for arm in arms {
                guard let seen = decision.ranks[arm], seen.rank >= 1, seen.rank <= Double(depth) else { continue }
                sums[arm, default: 0] += decision.include ? weight : 0
                masses[arm, default: 0] += weight
            }
        }
        let pooledMass = masses.values.reduce(0, +)
        let pooled = pooledMass > 0 ? sums.values.reduce(0, +) / pooledMass : 0.5
        let total = max(pooledMass, 1)
        var best: (arm: String, bound: Double)?
        for arm in arms {
            let mass = masses[arm] ?? 0
            let share = ((sums[arm] ?? 0) + smoothing * pooled) / (mass + smoothing)
            let bound = share + exploration * (2 * log(total + 1) / (mass + smoothing)).squareRoot()
            if bound > best?.bound ?? -.infinity { best = (arm, bound) }
        }
        return best?.arm
    }
}
