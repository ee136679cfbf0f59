import Foundation

/// The hypergeometric stopping test of Callaghan & Müller-Hansen (2020, "Statistical stopping
/// criteria for automated screening in systematic reviews", Systematic Reviews 9:152), as
/// implemented by `buscarpy.calculate_h0` (buscarpy 0.0.2, `bias = 1`).
///
/// H0: recall < target. If it held, the total number of relevant records would be at least
/// R₀ = ⌊r/t⌋ + 1 (r found so far, t the target). Each *urn* is a run of the most recent j
/// decisions; it holds k relevant, and r_al = r − k were found before it. Treating the urn as a
/// sample drawn without replacement from itself plus the N − n unscreened records, H0 puts
/// K̂ = ⌊r/t + 1 − r_al⌋ relevant records in that population, and the p-value of the urn is the
/// hypergeometric P(X ≤ k | M = N − n + j, K̂, j). The rule's p-value is the minimum over urns and
/// it says stop when p < 1 − confidence.
///
/// Computation: within a stretch of urns holding the same k, p falls as j grows (a fixed N − n
/// records left over from a larger population hold stochastically fewer of the K̂), so only the
/// longest urn of each stretch is evaluated: r + 1 CDFs instead of n. When K̂ exceeds M, H0 is
/// impossible for that urn and its p is 0 (SciPy returns NaN there).
///
/// Sampling assumption. `.rankedOrder` (buscarpy's behaviour) applies the test to the tail of a
/// prioritised order: valid when the ranking is at least as likely as random sampling to pick a
/// relevant record, which makes the test conservative. `.randomTail` (the 2020 paper's design)
/// uses one urn only: the trailing run of decisions flagged `pickedAtRandom`, a true random
/// sample, with no assumption about the ranking. Interleaved random picks (an ε-greedy mixed
/// strategy) form no such run; their effect there is only through `.rankedOrder`.
public struct HypergeometricStoppingRule: StoppingRule {
    /// Which decisions are treated as a random sample.
    public enum Sampling: String, Sendable, Codable, CaseIterable {
        /// Every tail of the screening order (buscarpy `calculate_h0`).
        case rankedOrder = "ranked_order"
        /// Only the trailing run of random picks (Callaghan & Müller-Hansen 2020, random sampling phase).
        case randomTail = "random_tail"
    }

    /// Stable identifier.
    public let id = "hypergeometric"
    /// The recall the test certifies (t), in (0, 1).
    public let target: Double
    /// Confidence level; the test rejects H0 when p < 1 − confidence.
    public let confidence: Double
    /// Which decisions form the urns.
    public let sampling: Sampling

    /// A rule with the given target and confidence (defaults 0.95 / 0.95, the paper's).
    public init(targetRecall: Double = 0.95, confidence: Double = 0.95, sampling: Sampling = .rankedOrder) throws {
        guard targetRecall > 0, targetRecall < 1 else {
            throw StoppingError.invalidParameter(name: "target recall", value: targetRecall, allowed: "0 < t < 1")
        }
        guard confidence > 0, confidence < 1 else {
            throw StoppingError.invalidParameter(name: "confidence", value: confidence, allowed: "0 < c < 1")
        }
        self.target = targetRecall
        self.confidence = confidence
        self.sampling = sampling
    }

    /// The rule and its parameters, for display.
    public var label: String {
        "Hypergeometric test (recall \(Self.percent(target)), confidence \(Self.percent(confidence)))"
    }

    /// The certified recall.
    public var targetRecall: Double? { target }

    /// The confidence of the certificate.
    public var confidenceLevel: Double? { confidence }

    /// The significance level α = 1 − confidence.
    public var alpha: Double { 1 - confidence }

    /// The rule's state after the decisions in `history`.
    public func evaluate(_ history: ScreeningHistory) -> StoppingEvaluation {
        guard let test = pValue(history) else {
            let why = sampling == .randomTail ? "no random sample yet" : "nothing screened yet"
            return StoppingEvaluation(ruleID: id, state: .keepGoing, summary: "\(why): keep going")
        }
        let bound = recallLowerBound(history)
        let stop = test.p < alpha
        var figures = [
            StoppingFigure(name: "p_value", label: "p", value: test.p),
            StoppingFigure(name: "alpha", label: "α", value: alpha),
            StoppingFigure(name: "target_recall", label: "target", value: target),
            StoppingFigure(name: "urn_size", label: "urn", value: Double(test.urnSize)),
        ]
        if let bound {
            figures.append(StoppingFigure(name: "recall_lower_bound", label: "recall ≥", value: bound.recall))
            figures.append(StoppingFigure(name: "total_relevant_upper_bound", label: "R ≤", value: Double(bound.total)))
        }
        let pText = test.p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", test.p)
        var summary = stop ? "\(pText) < \(Self.decimal(alpha)): stop" : "\(pText): keep going"
        if let bound { summary += " (recall ≥ \(Self.percent(bound.recall)) at \(Self.percent(confidence)))" }
        return StoppingEvaluation(ruleID: id, state: stop ? .stop : .keepGoing, summary: summary, figures: figures)
    }

    /// p < α, skipping the recall bound that `evaluate` also computes.
    public func saysStop(_ history: ScreeningHistory) -> Bool { (pValue(history)?.p ?? 1) < alpha }

    /// The p-value of H0 "recall < target" and the size of the urn that gave it; nil when no urn exists.
    public func pValue(_ history: ScreeningHistory) -> (p: Double, urnSize: Int)? {
        let found = history.relevantFound
        let target = self.target
        return minimumP(history) { relevantBefore in
            // buscarpy: np.floor(r_seen/recall_target + 1 - (r_seen - urns.cumsum())), same operation order.
            Int((Double(found) / target + 1 - Double(relevantBefore)).rounded(.down))
        }
    }

    /// The p-value of "the pool holds at least `totalRelevant` relevant records" (> r found).
    public func pValue(_ history: ScreeningHistory, totalRelevantAtLeast totalRelevant: Int) -> Double? {
        minimumP(history) { totalRelevant - $0 }?.p
    }

    /// The one-sided lower confidence bound on recall: r / R̄, where R̄ is the largest total number of
    /// relevant records the test cannot reject at level α (found by bisection; p falls as R grows).
    /// Nil when nothing relevant has been found.
    public func recallLowerBound(_ history: ScreeningHistory) -> (recall: Double, total: Int)? {
        let found = history.relevantFound
        guard found > 0 else { return nil }
        // Smallest R with p(R) < α lies in found+1 ... found+remaining+1 (the last is impossible, p = 0).
        var low = found + 1
        var high = found + history.remaining + 1
        while low < high {
            let middle = (low + high) / 2
            if (pValue(history, totalRelevantAtLeast: middle) ?? 1) < alpha { high = middle } else { low = middle + 1 }
        }
        let total = low - 1
        return (Double(found) / Double(total), total)
    }

    // MARK: - Urns

    /// The minimum urn p-value, with `successes(r_al)` giving K̂ for an urn preceded by r_al relevant.
    private func minimumP(_ history: ScreeningHistory, successes: (Int) -> Int) -> (p: Double, urnSize: Int)? {
        let steps = history.steps
        let n = steps.count
        guard n > 0 else { return nil }
        let found = history.relevantFound
        let unscreened = history.remaining
        var best: (p: Double, urnSize: Int)?
        var relevantInUrn = 0
        var urnSize = 0
        for index in stride(from: n - 1, through: 0, by: -1) {
            if sampling == .randomTail, !steps[index].pickedAtRandom { break }
            urnSize += 1
            if steps[index].relevant { relevantInUrn += 1 }
            let urnEnds: Bool
            switch sampling {
            case .rankedOrder: urnEnds = index == 0 || steps[index - 1].relevant
            case .randomTail: urnEnds = index == 0 || !steps[index - 1].pickedAtRandom
            }
            guard urnEnds else { continue }
            let p = urnP(
                relevantInUrn: relevantInUrn, urnSize: urnSize, unscreened: unscreened,
                successes: successes(found - relevantInUrn))
            if best == nil || p < best?.p ?? 1 { best = (p, urnSize) }
        }
        return best
    }

    /// P(X ≤ k) for one urn; 0 when H0 would need more relevant records than the population holds.
    private func urnP(relevantInUrn: Int, urnSize: Int, unscreened: Int, successes: Int) -> Double {
        let population = unscreened + urnSize
        guard successes <= population else { return 0 }
        guard successes > 0 else { return 1 }
        return Hypergeometric.cdf(relevantInUrn, population: population, successes: successes, draws: urnSize) ?? 1
    }

    // MARK: - Formatting

    /// "95%" or "97.5%".
    static func percent(_ value: Double) -> String {
        let scaled = value * 100
        return scaled.rounded() == scaled ? "\(Int(scaled))%" : String(format: "%.1f%%", scaled)
    }

    /// "0.05".
    static func decimal(_ value: Double) -> String {
        String(format: "%g", (value * 1e6).rounded() / 1e6)
    }
}
