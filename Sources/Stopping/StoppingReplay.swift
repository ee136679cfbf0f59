/// Where one rule first said stop when a complete screening order was replayed.
public struct StoppingOutcome: Sendable, Codable, Hashable {
    /// The rule's `id`.
    public var ruleID: String
    /// The rule's `label`.
    public var ruleLabel: String
    /// The recall the rule claims, if any.
    public var targetRecall: Double?
    /// The confidence with which it claims it, if any.
    public var confidence: Double?
    /// Records screened when the rule first said stop (1-based), or nil if it never did.
    public var stoppedAt: Int?
    /// Records in the pool (N).
    public var poolSize: Int
    /// Relevant records in the pool (R).
    public var totalRelevant: Int
    /// Relevant records found when the rule stopped (all of them if it never stopped).
    public var relevantFound: Int
    /// The rule's evaluation at the stopping point.
    public var evaluation: StoppingEvaluation?

    /// Recall at the stopping point, r / R (1 when R = 0).
    public var recall: Double { totalRelevant == 0 ? 1 : Double(relevantFound) / Double(totalRelevant) }

    /// Share of the pool left unscreened, 1 − n / N (0 when the rule never stopped).
    public var workSaved: Double {
        guard let stoppedAt, poolSize > 0 else { return 0 }
        return 1 - Double(stoppedAt) / Double(poolSize)
    }

    /// True when the rule stopped with recall below `target`.
    public func fellShort(of target: Double) -> Bool { stoppedAt != nil && recall < target }
}

/// Replays a complete screening order through stopping rules, as `tarsier simulate --stop-rule` does.
public enum StoppingReplay {
    /// For each rule, the first number of decisions after which it said stop.
    ///
    /// - Parameters:
    ///   - order: the decisions in screening order; normally all N of them.
    ///   - totalRelevant: R when `order` does not cover the whole pool (otherwise it is counted).
    ///   - stride: evaluate every `stride` decisions (and at the last). When a rule fires at a
    ///     checkpoint, the decisions since the previous checkpoint are re-evaluated one by one to
    ///     find the first that fires; a rule that fired and un-fired between two checkpoints is
    ///     missed, so use `stride: 1` (the default) for exact results.
    /// - Throws: `StoppingError` when R is unknown or inconsistent.
    public static func replay(
        _ order: ScreeningHistory, totalRelevant: Int? = nil, rules: [any StoppingRule], stride: Int = 1
    ) throws -> [StoppingOutcome] {
        let total = try resolveTotal(order, totalRelevant)
        let step = max(1, stride)
        let gain = order.cumulativeRelevant
        var firstStop = [Int?](repeating: nil, count: rules.count)
        var evaluations = [StoppingEvaluation?](repeating: nil, count: rules.count)
        var previous = 0
        var checkpoint = min(step, order.screened)
        while checkpoint > previous, firstStop.contains(where: { $0 == nil }) {
            let prefix = order.prefix(checkpoint)
            for (index, rule) in rules.enumerated() where firstStop[index] == nil {
                guard rule.saysStop(prefix) else { continue }
                for count in (previous + 1)...checkpoint where rule.saysStop(order.prefix(count)) {
                    firstStop[index] = count
                    evaluations[index] = rule.evaluate(order.prefix(count))
                    break
                }
            }
            previous = checkpoint
            checkpoint = min(checkpoint + step, order.screened)
        }
        return rules.indices.map { index in
            let stop = firstStop[index]
            let found = stop.map { gain[$0 - 1] } ?? total
            return StoppingOutcome(
                ruleID: rules[index].id, ruleLabel: rules[index].label, targetRecall: rules[index].targetRecall,
                confidence: rules[index].confidenceLevel,
                stoppedAt: stop, poolSize: order.poolSize, totalRelevant: total, relevantFound: found,
                evaluation: evaluations[index])
        }
    }

    /// Every rule's evaluation after each decision: element i is the state after i + 1 decisions
    /// (for a live recall curve with the points where rules fired).
    public static func trace(_ history: ScreeningHistory, rules: [any StoppingRule]) -> [[StoppingEvaluation]] {
        guard history.screened > 0 else { return [] }
        return (1...history.screened).map { count in
            let prefix = history.prefix(count)
            return rules.map { $0.evaluate(prefix) }
        }
    }

    private static func resolveTotal(_ order: ScreeningHistory, _ totalRelevant: Int?) throws -> Int {
        if let totalRelevant {
            guard totalRelevant >= order.relevantFound else {
                throw StoppingError.totalRelevantTooSmall(given: totalRelevant, found: order.relevantFound)
            }
            return totalRelevant
        }
        guard order.screened == order.poolSize else {
            throw StoppingError.totalRelevantUnknown(screened: order.screened, poolSize: order.poolSize)
        }
        return order.relevantFound
    }
}
