import Foundation

/// `hybrid`: weighted CombSUM of several signals (BM25 and dense similarity to the topic, TF-IDF
/// and embedding logistic regressions), with weights learnt online within the review.
///
/// Each signal's scores are put on a common scale (`ScoreNormalisation`, log-rank by default) and
/// summed with weights w_s. The weights follow each signal's track record in this review: when a
/// record turns out to be an include, every signal is credited ln(n / r), r being the rank it gave
/// that record among the n unscreened records of the previous ranking — before the label was known
/// (a prequential, "test-then-train" evaluation; Dawid 1984). Credits are averaged with an
/// exponential decay over includes (`halfLife`), smoothed toward the pooled mean of all signals
/// with `smoothing` pseudo-observations, and turned into weights by an exponentiated-gradient /
/// Hedge rule w_s ∝ exp(β · credit_s) (Freund & Schapire 1997; β = `sharpness`).
///
/// Cold start: with no include credited yet all ranking signals weigh the same, so with a topic
/// and no decisions the topic signals (BM25, dense-topic) rank, and with priors and no topic the
/// learners do. A record a signal does not cover (no embedding yet) is scored by the weighted mean
/// of the signals that do cover it. Deterministic: no randomness.
public struct HybridRanker: Ranker {
    /// Registry id.
    public let id = "hybrid"
    /// The fused signals (each a ranker of its own).
    public private(set) var signals: [any Ranker]
    /// How signals are put on one scale.
    public var normalisation: ScoreNormalisation
    /// Includes after which an observation's influence halves.
    public var halfLife: Double
    /// Pseudo-observations at the pooled mean credit.
    public var smoothing: Double
    /// β of w_s ∝ exp(β · credit_s).
    public var sharpness: Double

    /// Latest weight of each signal (0 for one that could not rank).
    public private(set) var weights: [Double]
    /// Latest smoothed credit of each signal.
    public private(set) var credits: [Double]
    /// Credit observations per signal: (ordinal of the include, ln(n / rank)).
    private var observations: [[(include: Int, credit: Double)]]
    private var includesCredited = 0
    private var credited: Set<Int> = []
    /// Each signal's latest ranks (nil when it could not rank).
    private var latest: [SignalRanks?]
    private var latestScreened: [Bool]
    private let coverages: [[Bool]?]

    /// A fusion of `signals` (all over the same pool).
    public init(
        signals: [any Ranker], normalisation: ScoreNormalisation = .logRank, halfLife: Double = 20,
        smoothing: Double = 3, sharpness: Double = 1
    ) {
        self.signals = signals
        self.normalisation = normalisation
        self.halfLife = halfLife
        self.smoothing = smoothing
        self.sharpness = sharpness
        weights = [Double](repeating: 0, count: signals.count)
        credits = [Double](repeating: 0, count: signals.count)
        observations = Array(repeating: [], count: signals.count)
        latest = Array(repeating: nil, count: signals.count)
        latestScreened = [Bool](repeating: false, count: signals.first?.poolSize ?? 0)
        coverages = signals.map { ($0 as? any PartialRanker)?.coverage }
    }

    /// Number of records.
    public var poolSize: Int { signals.first?.poolSize ?? 0 }

    /// Signal ids, fusion settings and the latest weights.
    public var parameters: [String: String] {
        var result = [
            "signals": signals.map(\.id).joined(separator: ","), "normalisation": normalisation.rawValue,
            "half_life": "\(halfLife)", "smoothing": "\(smoothing)", "sharpness": "\(sharpness)",
        ]
        for (signal, weight) in zip(signals, weights) { result["weight_\(signal.id)"] = String(format: "%.3f", weight) }
        return result
    }

    /// Credits the signals for newly labelled includes, refits every signal and fuses them.
    public mutating func scores(decisions: [Decision]) -> [Double]? {
        creditNewDecisions(decisions)
        var screened = [Bool](repeating: false, count: poolSize)
        for decision in decisions where decision.record < poolSize { screened[decision.record] = true }
        for index in signals.indices {
            latest[index] = signals[index].scores(decisions: decisions).map { SignalRanks(scores: $0, screened: screened) }
        }
        latestScreened = screened
        guard latest.contains(where: { $0 != nil }) else { return nil }
        updateWeights()
        return fuse(screened: screened)
    }

    /// Per-signal scores, ranks and weights behind record `record`'s latest fused score (only the
    /// signals that ranked it).
    public func explanation(for record: Int) -> [SignalExplanation] {
        guard record >= 0, record < poolSize else { return [] }
        let total = signals.indices.reduce(0.0) { $0 + (covers($1, record) ? weights[$1] : 0) }
        return signals.indices.compactMap { index in
            guard let ranks = latest[index], covers(index, record),
                  let value = ranks.normalised(record, screened: latestScreened[record], method: normalisation)
            else { return nil }
            return SignalExplanation(
                signal: signals[index].id, weight: total > 0 ? weights[index] / total : 0, score: ranks.scores[record],
                normalised: value, rank: Int(ranks.rank(of: ranks.scores[record], isOpen: !latestScreened[record]).rounded()),
                credit: credits[index])
        }
    }

    // MARK: - Weights

    private func covers(_ signal: Int, _ record: Int) -> Bool {
        guard let ranks = latest[signal] else { return false }
        return (coverages[signal]?[record] ?? true) && ranks.scores[record].isFinite
    }

    /// For every decision not seen before on a record that was open in the previous ranking:
    /// when it is an include, each signal that ranked it earns ln(n / rank).
    private mutating func creditNewDecisions(_ decisions: [Decision]) {
        for decision in decisions where !credited.contains(decision.record) && decision.record < poolSize {
            credited.insert(decision.record)
            guard decision.relevant, !latestScreened[decision.record] else { continue }
            var any = false
            for index in signals.indices {
                guard let ranks = latest[index], covers(index, decision.record), ranks.openCount > 0 else { continue }
                let rank = ranks.rank(of: ranks.scores[decision.record], isOpen: true)
                observations[index].append((includesCredited, log(Double(ranks.openCount) / rank)))
                any = true
            }
            if any { includesCredited += 1 }
        }
    }

    /// Decayed, smoothed mean credit per signal, then w_s ∝ exp(β · credit_s) over the signals
    /// that ranked this time.
    private mutating func updateWeights() {
        let decayRate = log(2) / max(halfLife, 1e-9)
        var sums = [Double](repeating: 0, count: signals.count)
        var masses = [Double](repeating: 0, count: signals.count)
        for index in signals.indices {
            for observation in observations[index] {
                let weight = exp(-decayRate * Double(includesCredited - 1 - observation.include))
                sums[index] += weight * observation.credit
                masses[index] += weight
            }
        }
        let pooledMass = masses.reduce(0, +)
        let pooled = pooledMass > 0 ? sums.reduce(0, +) / pooledMass : 0
        for index in signals.indices {
            credits[index] = (sums[index] + smoothing * pooled) / (masses[index] + smoothing)
        }
        let ranking = signals.indices.filter { latest[$0] != nil }
        let best = ranking.map { credits[$0] }.max() ?? 0
        var total = 0.0
        for index in signals.indices {
            weights[index] = latest[index] == nil ? 0 : exp(sharpness * (credits[index] - best))
            total += weights[index]
        }
        if total > 0 { for index in signals.indices { weights[index] /= total } }
    }

    // MARK: - Fusion

    /// Σ_s w_s v_s(i) / Σ_s w_s over the signals covering record i; records no signal covers go last.
    private func fuse(screened: [Bool]) -> [Double] {
        var fused = [Double](repeating: 0, count: poolSize)
        var mass = [Double](repeating: 0, count: poolSize)
        for index in signals.indices {
            guard let ranks = latest[index], weights[index] > 0 else { continue }
            let weight = weights[index]
            for record in 0..<poolSize {
                guard let value = ranks.normalised(record, screened: screened[record], method: normalisation) else { continue }
                fused[record] += weight * value
                mass[record] += weight
            }
        }
        let lowest = zip(fused, mass).compactMap { $1 > 0 ? $0 / $1 : nil }.min() ?? 0
        return (0..<poolSize).map { mass[$0] > 0 ? fused[$0] / mass[$0] : lowest - 1 }
    }
}
