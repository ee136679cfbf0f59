import ReviewModel
import Foundation

/// `hybrid`: weighted CombSUM of several signals (BM25 and dense similarity to the topic, TF-IDF
/// and embedding logistic regressions), with weights learnt online within the review.
///
/// Each signal's scores are put on a common scale (`ScoreNormalisation`; z-scores by default) and
/// summed with weights w_s. The weights follow each signal's track record in this review, judged
/// prequentially ("test-then-train"; Dawid 1984): when a record is labelled, every signal is
/// credited ln(n / r), r being the rank it gave that record among the n unscreened records of the
/// previous ranking, before the label was known. A signal's credit is its mean over includes minus
/// (with `penalisesExcludes`) its mean over excludes — how much higher it placed the includes than
/// the excludes the review actually met — each mean decayed exponentially over decisions
/// (`halfLife`) and smoothed toward the pooled mean of all signals with `smoothing`
/// pseudo-observations. Weights follow the Hedge / exponentiated-gradient rule
/// w_s ∝ exp(β · credit_s) (Freund & Schapire 1997; β = `sharpness`).
///
/// Cold start: with nothing credited yet all ranking signals weigh the same, so with a topic and
/// no decisions the topic signals (BM25, dense-topic) rank, and with priors and no topic the
/// learners do. A record a signal does not cover (no embedding yet) is scored by the weighted mean
/// of the signals that do cover it. Deterministic: no randomness.
public struct HybridRanker: Ranker, WeightedFusion {
    /// Registry id.
    public let id = "hybrid"
    /// The fused signals (each a ranker of its own).
    public private(set) var signals: [any Ranker]
    /// How signals are put on one scale.
    public var normalisation: ScoreNormalisation
    /// Credited decisions after which an observation's influence halves.
    public var halfLife: Double
    /// Pseudo-observations at the pooled mean credit.
    public var smoothing: Double
    /// β of w_s ∝ exp(β · credit_s).
    public var sharpness: Double

    /// Latest weight of each signal (0 for one that could not rank).
    public private(set) var weights: [Double]
    /// Latest smoothed credit of each signal.
    public private(set) var credits: [Double]
    /// Whether excludes count against the signals that ranked them high (see `creditObservations`).
    public var penalisesExcludes: Bool
    /// The signal the fusion leans on until the evidence is in (`anchorStrength` > 0): with m
    /// includes credited, its credit gets a head start of k / (k + m), k = `anchorStrength`, so
    /// it weighs e^(β·k/(k+m)) times what its record alone would give it.
    public var anchor: RankerID?
    /// k of the head start k / (k + m); 0 = none.
    public var anchorStrength: Double
    /// How the Hedge rule sharpens with evidence: β_m = β · (1 + c · √m) for m includes credited;
    /// 0 = a fixed β.
    public var confidence: Double
    /// Follow the leader: the fused ranking is itself credited like a signal ("fusion"), and when
    /// the best single signal's credit exceeds the fusion's by more than this margin, that signal's
    /// ranking is served instead of the fusion; nil = always the fusion.
    public var leaderMargin: Double?
    /// The bandit's exploration bonus is this times UCB1's √(2 ln N / n_a).
    public var exploration: Double
    /// See `exploration`.
    public static let defaultExploration = 1.0
    /// The bandit credits an arm with the records it had ranked within this depth (`ArmBandit.depth`).
    public var banditDepth = 1
    /// How credit becomes weights: Hedge on each signal's credit, or stacking (`StackedWeights`).
    public var weighting: FusionWeighting
    /// The fusion's latest ranks (the candidate ranking, whichever was served).
    private var latestFused: SignalRanks?
    /// The fusion's latest credit.
    public private(set) var fusionCredit = 0.0
    /// The signals' pooled mean credit over includes and over excludes (what a signal with no
    /// observations of a kind is smoothed toward).
    private var pooledCredit = [0.0, 0.0]
    /// The signal served instead of the fusion at the latest ranking, if any.
    public private(set) var leader: String?
    /// The id the fused ranking is credited under.
    public static let fusionID = "fusion"
    /// Where each signal had placed a record in the ranking before its decision, for decisions
    /// that do not carry the ranks stored with them (simulation): taken the first time the
    /// decision is seen, by record and signal id.
    private var seenRanks: [Int: [String: SignalObservation]] = [:]
    /// Each signal's latest ranks (nil when it could not rank).
    private var latest: [SignalRanks?]
    private var latestScreened: [Bool]
    private var coverages: [[Bool]?]

    /// Defaults chosen by evaluation on the benchmark sets (Documentation/Evaluation.md): z-scores,
    /// half-life 50 decisions, β = 2, excludes penalised.
    public static let defaultNormalisation = ScoreNormalisation.zScore
    /// The signals fused when the configuration names none (those that can rank in the review).
    public static let defaultSignals: [RankerID] = [.bm25, .tfidfLR, .denseTopic, .denseLR]
    /// Every signal the hybrid can be asked to fuse (`CycleConfiguration.fusionSignals`).
    public static let fusibleSignals: [RankerID] = [
        .bm25, .tfidfLR, .tfidfNB, .tfidfSVM, .tfidfLRAllWords, .concatLR, .denseTopic, .denseLR,
    ]
    /// See `defaultNormalisation`.
    public static let defaultHalfLife = 50.0
    /// See `defaultNormalisation`.
    public static let defaultSharpness = 2.0
    /// See `defaultNormalisation`: no fall-back by default.
    public static let defaultAnchorStrength = 0.0
    /// See `defaultNormalisation`: a fixed β by default.
    public static let defaultConfidence = 0.0

    /// A fusion of `signals` (all over the same pool).
    public init(
        signals: [any Ranker], normalisation: ScoreNormalisation = defaultNormalisation,
        halfLife: Double = defaultHalfLife, smoothing: Double = 3, sharpness: Double = defaultSharpness,
        penalisesExcludes: Bool = true, anchor: RankerID? = nil, anchorStrength: Double = 0, confidence: Double = 0,
        leaderMargin: Double? = nil, weighting: FusionWeighting = .hedge, exploration: Double = defaultExploration
    ) {
        self.exploration = exploration
        self.weighting = weighting
        self.leaderMargin = leaderMargin
        self.penalisesExcludes = penalisesExcludes
        self.anchor = anchor
        self.anchorStrength = anchorStrength
        self.confidence = confidence
        self.signals = signals
        self.normalisation = normalisation
        self.halfLife = halfLife
        self.smoothing = smoothing
        self.sharpness = sharpness
        weights = [Double](repeating: 0, count: signals.count)
        credits = [Double](repeating: 0, count: signals.count)
        latest = Array(repeating: nil, count: signals.count)
        latestScreened = [Bool](repeating: false, count: signals.first?.poolSize ?? 0)
        coverages = signals.map { ($0 as? any PartialRanker)?.coverage }
    }

    /// Number of records.
    public var poolSize: Int { signals.first?.poolSize ?? 0 }

    /// Adds signals to the fusion, each replacing the signal of the same id if there is one (a
    /// dense signal rebuilt as more records are embedded) or joining at the end. The other
    /// signals keep their state (learners stay warm). Credit is recomputed from the decisions at
    /// the next ranking, so a signal that joins is credited from the decisions whose stored ranks
    /// name it, and is otherwise smoothed toward the pooled credit: it joins the fusion's learnt
    /// weights instead of starting them again.
    public mutating func join(_ newcomers: [any Ranker]) {
        for signal in newcomers where signal.poolSize == poolSize || signals.isEmpty {
            let coverage = (signal as? any PartialRanker)?.coverage
            if let index = signals.firstIndex(where: { $0.id == signal.id }) {
                signals[index] = signal
                latest[index] = nil
                coverages[index] = coverage
            } else {
                signals.append(signal)
                latest.append(nil)
                coverages.append(coverage)
                weights.append(0)
                credits.append(0)
            }
        }
        if latestScreened.count != poolSize { latestScreened = [Bool](repeating: false, count: poolSize) }
    }

    /// Signal ids, fusion settings and the latest weights.
    public var parameters: [String: String] {
        var result = [
            "signals": signals.map(\.id).joined(separator: ","), "normalisation": normalisation.rawValue,
            "half_life": "\(halfLife)", "smoothing": "\(smoothing)", "sharpness": "\(sharpness)",
            "penalises_excludes": "\(penalisesExcludes)",
        ]
        if let anchor, anchorStrength > 0 {
            result["anchor"] = anchor.rawValue
            result["anchor_strength"] = "\(anchorStrength)"
        }
        if confidence > 0 { result["confidence"] = "\(confidence)" }
        if weighting != .hedge { result["weighting"] = weighting.rawValue }
        if weighting == .bandit {
            result["served"] = leader ?? Self.fusionID
            result["exploration"] = "\(exploration)"
            if banditDepth != 1 { result["bandit_depth"] = "\(banditDepth)" }
        }
        if let leaderMargin {
            result["leader_margin"] = "\(leaderMargin)"
            result["leader"] = leader ?? Self.fusionID
            result["credit_fusion"] = String(format: "%.3f", fusionCredit)
        }
        for (signal, weight) in zip(signals, weights) { result["weight_\(signal.id)"] = String(format: "%.3f", weight) }
        return result
    }

    /// Credits the signals for the decisions' records, refits every signal and fuses them.
    public mutating func scores(decisions: [Decision]) -> [Double]? {
        noteRanksOfNewDecisions(decisions)
        let observations = creditObservations(decisions)
        var screened = [Bool](repeating: false, count: poolSize)
        for decision in decisions where decision.record < poolSize { screened[decision.record] = true }
        for index in signals.indices {
            latest[index] = signals[index].scores(decisions: decisions).map {
                SignalRanks(scores: $0, screened: screened)
            }
        }
        latestScreened = screened
        guard latest.contains(where: { $0 != nil }) else { return nil }
        updateWeights(observations)
        let fused = fuse(screened: screened)
        if weighting == .bandit {
            latestFused = SignalRanks(scores: fused, screened: screened)
            leader = banditArm(decisions)
            guard let leader, let index = signals.firstIndex(where: { $0.id == leader }) else { return fused }
            return single(index, screened: screened)
        }
        guard let leaderMargin else { return fused }
        latestFused = SignalRanks(scores: fused, screened: screened)
        fusionCredit = fusionCredit(decisions)
        leader = nil
        let ranking = signals.indices.filter { latest[$0] != nil }
        guard let best = ranking.max(by: { credits[$0] < credits[$1] }), credits[best] > fusionCredit + leaderMargin
        else { return fused }
        leader = signals[best].id
        return single(best, screened: screened)
    }

    /// Each signal's weight and credit at the latest ranking.
    public var signalWeights: [SignalWeight] {
        signals.indices.map { SignalWeight(signal: signals[$0].id, weight: weights[$0], credit: credits[$0]) }
    }

    /// The single signal served instead of the fusion at the latest ranking, if any.
    public var servedSignal: String? { leader }

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
                normalised: value,
                rank: Int(ranks.rank(of: ranks.scores[record], isOpen: !latestScreened[record]).rounded()),
                credit: credits[index])
        }
    }

    // MARK: - Weights

    private func covers(_ signal: Int, _ record: Int) -> Bool {
        guard let ranks = latest[signal] else { return false }
        return (coverages[signal]?[record] ?? true) && ranks.scores[record].isFinite
    }

    /// Takes, for each decision seen for the first time that carries no stored ranks, every
    /// signal's rank of its record in the latest ranking (if the record was open in it).
    private mutating func noteRanksOfNewDecisions(_ decisions: [Decision]) {
        for decision in decisions
        where decision.signalRanks == nil && decision.record < poolSize && seenRanks[decision.record] == nil {
            var ranks: [String: SignalObservation] = [:]
            if !latestScreened[decision.record] {
                for (index, seen) in signalObservations(for: decision.record) { ranks[signals[index].id] = seen }
                if storesFusionRanks, let fused = latestFused, fused.openCount > 0 {
                    ranks[Self.fusionID] = SignalObservation(
                        rank: fused.rank(of: fused.scores[decision.record], isOpen: true), openCount: fused.openCount)
                }
            }
            seenRanks[decision.record] = ranks
        }
    }

    /// Credit observations per signal, (ordinal of the decision, ln(n / rank), include?), computed
    /// afresh from the decisions in their order: each signal that ranked a decided record earns
    /// ln(n / rank) (for includes; against, for excludes when `penalisesExcludes`). A decision
    /// that carries the ranks stored with it (`Decision.signalRanks`, the live screen) is
    /// credited from those, so the weights are a function of the review's stored decisions and
    /// their current labels: a reopened review, an undo, a second assessor or dense signals that
    /// joined later all give the weights an uninterrupted screening has. Signals a decision's
    /// ranks do not name (added since) are not credited for it.
    private func creditObservations(_ decisions: [Decision]) -> [[(ordinal: Int, credit: Double, include: Bool)]] {
        var observations = Array(repeating: [(ordinal: Int, credit: Double, include: Bool)](), count: signals.count)
        var ordinal = 0
        for decision in decisions where decision.record < poolSize && (decision.relevant || penalisesExcludes) {
            guard let ranks = decision.signalRanks ?? seenRanks[decision.record] else { continue }
            var any = false
            for index in signals.indices {
                guard let seen = ranks[signals[index].id], seen.openCount > 0, seen.rank >= 1 else { continue }
                observations[index].append((ordinal, log(Double(seen.openCount) / seen.rank), decision.relevant))
                any = true
            }
            if any { ordinal += 1 }
        }
        return observations
    }

    /// Each signal's rank of an open record in the latest ranking, by signal position.
    private func signalObservations(for record: Int) -> [(Int, SignalObservation)] {
        signals.indices.compactMap { index in
            guard let ranks = latest[index], covers(index, record), ranks.openCount > 0 else { return nil }
            return (
                index,
                SignalObservation(rank: ranks.rank(of: ranks.scores[record], isOpen: true), openCount: ranks.openCount)
            )
        }
    }

    /// Every signal's rank of each open record in the latest ranking, by signal id: what the live
    /// screen stores with a decision on a record picked from this ranking.
    public func signalRankTable() -> SignalRankTable {
        SignalRankTable(
            entries: signals.indices.compactMap { index in
                latest[index].map { (signals[index].id, $0, coverages[index]) }
            } + (storesFusionRanks ? latestFused.map { [(Self.fusionID, $0, nil)] } ?? [] : []),
            screened: latestScreened)
    }

    /// Decayed, smoothed mean credit per signal, then w_s ∝ exp(β · credit_s) over the signals
    /// that ranked this time.
    private mutating func updateWeights(_ observations: [[(ordinal: Int, credit: Double, include: Bool)]]) {
        let decayRate = log(2) / max(halfLife, 1e-9)
        let decisionsCredited = (observations.flatMap { $0.map(\.ordinal) }.max() ?? -1) + 1
        // [include, exclude] sums and masses per signal.
        var sums = Array(repeating: [0.0, 0.0], count: signals.count)
        var masses = Array(repeating: [0.0, 0.0], count: signals.count)
        for index in signals.indices {
            for observation in observations[index] {
                let weight = exp(-decayRate * Double(decisionsCredited - 1 - observation.ordinal))
                let kind = observation.include ? 0 : 1
                sums[index][kind] += weight * observation.credit
                masses[index][kind] += weight
            }
        }
        for index in signals.indices { credits[index] = 0 }
        for kind in 0..<(penalisesExcludes ? 2 : 1) {
            let pooledMass = masses.reduce(0) { $0 + $1[kind] }
            let pooled = pooledMass > 0 ? sums.reduce(0) { $0 + $1[kind] } / pooledMass : 0
            pooledCredit[kind] = pooled
            for index in signals.indices {
                let mean = (sums[index][kind] + smoothing * pooled) / (masses[index][kind] + smoothing)
                credits[index] += kind == 0 ? mean : -mean
            }
        }
        // Evidence: the includes credited so far (to any signal). Until it is in, the fall-back
        // signal gets a head start of k / (k + m) credit units (one unit = e^β times the weight).
        let includes = Double(observations.map { $0.lazy.filter(\.include).count }.max() ?? 0)
        if anchorStrength > 0, let anchor, let fallback = signals.firstIndex(where: { $0.id == anchor.rawValue }) {
            credits[fallback] += anchorStrength / (anchorStrength + includes)
        }
        let ranking = signals.indices.filter { latest[$0] != nil }
        if weighting == .stacked {
            stackWeights(observations, ranking: ranking, decisionsCredited: decisionsCredited)
            return
        }
        let beta = sharpness * (1 + confidence * includes.squareRoot())
        let best = ranking.map { credits[$0] }.max() ?? 0
        var total = 0.0
        for index in signals.indices {
            weights[index] = latest[index] == nil ? 0 : exp(beta * (credits[index] - best))
            total += weights[index]
        }
        if total > 0 { for index in signals.indices { weights[index] /= total } }
    }

    /// Stacked weights (`StackedWeights`) over the signals that rank, from each credited
    /// decision's ln(n / rank) per signal.
    private mutating func stackWeights(
        _ observations: [[(ordinal: Int, credit: Double, include: Bool)]], ranking: [Int], decisionsCredited: Int
    ) {
        var examples: [Int: StackedWeights.Example] = [:]
        for (position, index) in ranking.enumerated() {
            for observation in observations[index] {
                var example =
                    examples[observation.ordinal]
                    ?? StackedWeights.Example(
                        values: Array(repeating: nil, count: ranking.count), include: observation.include,
                        age: decisionsCredited - 1 - observation.ordinal)
                example.values[position] = observation.credit
                examples[observation.ordinal] = example
            }
        }
        let stacked = StackedWeights.weights(
            examples.keys.sorted().compactMap { examples[$0] }, signalCount: ranking.count, halfLife: halfLife)
        for index in signals.indices { weights[index] = 0 }
        for (position, index) in ranking.enumerated() { weights[index] = stacked[position] }
    }

    /// Whether decisions store the fused ranking's rank too (follow-the-leader and the bandit
    /// judge the fusion as an arm).
    private var storesFusionRanks: Bool { leaderMargin != nil || weighting == .bandit }

    /// The arm to serve (`ArmBandit`; nil = the fusion), from the ranks seen or stored with each
    /// decision.
    private func banditArm(_ decisions: [Decision]) -> String? {
        let arms = [Self.fusionID] + signals.indices.filter { latest[$0] != nil }.map { signals[$0].id }
        let picks = decisions.compactMap { decision -> (ranks: [String: SignalObservation], include: Bool)? in
            guard decision.record < poolSize, let ranks = decision.signalRanks ?? seenRanks[decision.record],
                !ranks.isEmpty
            else { return nil }
            return (ranks, decision.relevant)
        }
        let arm = ArmBandit(halfLife: halfLife, smoothing: smoothing, exploration: exploration, depth: banditDepth)
            .choose(arms: arms, decisions: picks)
        return arm == Self.fusionID ? nil : arm
    }

    // MARK: - Fusion

    /// The fused ranking's own credit, as a signal's: decayed, smoothed mean ln(n / rank) over the
    /// includes minus (with `penalisesExcludes`) over the excludes.
    private func fusionCredit(_ decisions: [Decision]) -> Double {
        let decayRate = log(2) / max(halfLife, 1e-9)
        var entries: [(ordinal: Int, credit: Double, include: Bool)] = []
        var ordinal = 0
        for decision in decisions where decision.record < poolSize && (decision.relevant || penalisesExcludes) {
            guard let ranks = decision.signalRanks ?? seenRanks[decision.record] else { continue }
            if let seen = ranks[Self.fusionID], seen.openCount > 0, seen.rank >= 1 {
                entries.append((ordinal, log(Double(seen.openCount) / seen.rank), decision.relevant))
            }
            if !ranks.isEmpty { ordinal += 1 }
        }
        var sums = [0.0, 0.0], masses = [0.0, 0.0]
        for entry in entries {
            let weight = exp(-decayRate * Double(ordinal - 1 - entry.ordinal))
            sums[entry.include ? 0 : 1] += weight * entry.credit
            masses[entry.include ? 0 : 1] += weight
        }
        // Smoothed toward the signals' pooled means, as each signal's credit is.
        let include = (sums[0] + smoothing * pooledCredit[0]) / (masses[0] + smoothing)
        guard penalisesExcludes else { return include }
        return include - (sums[1] + smoothing * pooledCredit[1]) / (masses[1] + smoothing)
    }

    /// One signal's normalised scores as the ranking (records it does not cover go last).
    private func single(_ index: Int, screened: [Bool]) -> [Double] {
        guard let ranks = latest[index] else { return [Double](repeating: 0, count: poolSize) }
        let values = (0..<poolSize).map { record in
            covers(index, record) ? ranks.normalised(record, screened: screened[record], method: normalisation) : nil
        }
        let lowest = values.compactMap { $0 }.min() ?? 0
        return values.map { $0 ?? lowest - 1 }
    }

    /// Σ_s w_s v_s(i) / Σ_s w_s over the signals covering record i; records no signal covers go last.
    private func fuse(screened: [Bool]) -> [Double] {
        var fused = [Double](repeating: 0, count: poolSize)
        var mass = [Double](repeating: 0, count: poolSize)
        for index in signals.indices {
            guard let ranks = latest[index], weights[index] > 0 else { continue }
            let weight = weights[index]
            for record in 0..<poolSize {
                guard let value = ranks.normalised(record, screened: screened[record], method: normalisation) else {
                    continue
                }
                fused[record] += weight * value
                mass[record] += weight
            }
        }
        let lowest = zip(fused, mass).compactMap { $1 > 0 ? $0 / $1 : nil }.min() ?? 0
        return (0..<poolSize).map { mass[$0] > 0 ? fused[$0] / mass[$0] : lowest - 1 }
    }
}
