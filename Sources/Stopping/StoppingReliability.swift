import Foundation

/// How one rule did over many replays: the table "how often did each rule stop below its target".
public struct StoppingReliability: Sendable, Codable, Hashable {
    /// The rule's `id`.
    public var ruleID: String
    /// The rule's `label`.
    public var ruleLabel: String
    /// The recall the shortfalls are counted against (the rule's own, else the table's).
    public var target: Double
    /// The share of runs the rule may fall short in (1 − confidence for a statistical rule), if it claims one.
    public var allowedShortfallRate: Double?
    /// Replays counted.
    public var runs: Int
    /// Replays in which the rule stopped before the end.
    public var stopped: Int
    /// Replays in which it stopped with recall below `target`.
    public var fellShort: Int
    /// Mean recall at the stopping point (1 for runs that never stopped).
    public var meanRecall: Double
    /// Lowest recall at a stopping point.
    public var minimumRecall: Double
    /// Mean share of the pool left unscreened.
    public var meanWorkSaved: Double

    /// fellShort / runs.
    public var shortfallRate: Double { runs == 0 ? 0 : Double(fellShort) / Double(runs) }

    /// One-sided exact binomial p-value of "the rule falls short more often than allowed":
    /// P(X ≥ fellShort) for X ~ Binomial(runs, allowedShortfallRate). Small values mean the rule
    /// misses its target more often than its confidence allows. Nil for rules that claim nothing.
    public var excessShortfallPValue: Double? {
        guard let rate = allowedShortfallRate, runs > 0 else { return nil }
        if fellShort == 0 { return 1 }
        let terms = (fellShort...runs).map { k in
            Hypergeometric.logChoose(runs, k) + Double(k) * log(rate) + Double(runs - k) * log1p(-rate)
        }
        return min(1, exp(Hypergeometric.logSumExp(terms)))
    }

    /// One row per rule (in the order of the first run) from `runs`, each the output of one replay.
    /// `target` is the recall that shortfalls of rules without their own target are counted against.
    public static func summarise(_ runs: [[StoppingOutcome]], target: Double = 0.95) -> [StoppingReliability] {
        let all = runs.flatMap { $0 }
        var order: [String] = []
        for outcome in all where !order.contains(outcome.ruleID) { order.append(outcome.ruleID) }
        return order.map { id in
            let outcomes = all.filter { $0.ruleID == id }
            let ruleTarget = outcomes.first?.targetRecall ?? target
            let count = Double(outcomes.count)
            return StoppingReliability(
                ruleID: id, ruleLabel: outcomes.first?.ruleLabel ?? id, target: ruleTarget,
                allowedShortfallRate: outcomes.first?.confidence.map { 1 - $0 }, runs: outcomes.count,
                stopped: outcomes.filter { $0.stoppedAt != nil }.count,
                fellShort: outcomes.filter { $0.fellShort(of: ruleTarget) }.count,
                meanRecall: outcomes.reduce(0) { $0 + $1.recall } / count,
                minimumRecall: outcomes.map(\.recall).min() ?? 1,
                meanWorkSaved: outcomes.reduce(0) { $0 + $1.workSaved } / count)
        }
    }
}
