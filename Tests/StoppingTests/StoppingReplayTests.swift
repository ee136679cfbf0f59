import Testing

@testable import Stopping
import TestSupport

@Suite("Replaying a screening order through stopping rules")
struct StoppingReplayTests {
    /// 10 relevant first, then 90 excludes: a perfect ranking of a 100-record pool.
    static let perfect = (0..<100).map { $0 < 10 }

    @Test("Each rule's first stop, recall and work saved on a perfect ranking")
    func perfectRanking() throws {
        let order = try ScreeningHistory(poolSize: 100, relevant: Self.perfect)
        let rules: [any StoppingRule] = [
            try ConsecutiveExcludesRule(runLength: .count(20)), try KneeStoppingRule(),
            try HypergeometricStoppingRule(),
        ]
        let outcomes = try StoppingReplay.replay(order, rules: rules)
        #expect(outcomes.map(\.ruleID) == ["consecutive_excludes", "knee", "hypergeometric"])
        // 10 relevant + 20 excludes.
        #expect(outcomes[0].stoppedAt == 30)
        #expect(outcomes[0].recall == 1)
        #expect(abs(outcomes[0].workSaved - 0.7) < 1e-12)
        // The knee needs 150 records: never in a pool of 100.
        #expect(outcomes[1].stoppedAt == nil)
        #expect(outcomes[1].workSaved == 0)
        // The hypergeometric rule stops at the first n where the p-value drops under 0.05.
        let rule = try HypergeometricStoppingRule()
        let first = try #require((1...100).first { (rule.pValue(order.prefix($0))?.p ?? 1) < 0.05 })
        #expect(outcomes[2].stoppedAt == first)
        #expect(outcomes[2].targetRecall == 0.95)
        #expect(outcomes[2].evaluation?.state == .stop)
        #expect(first > 10 && first < 100)
    }

    @Test("saysStop agrees with the full evaluation after every decision")
    func saysStopAgrees() throws {
        let order = try ScreeningHistory(poolSize: 100, relevant: Self.perfect)
        let rules: [any StoppingRule] = [
            try HypergeometricStoppingRule(targetRecall: 0.9), try ConsecutiveExcludesRule(),
        ]
        for count in 1...100 {
            for rule in rules {
                #expect(rule.saysStop(order.prefix(count)) == (rule.evaluate(order.prefix(count)).state == .stop))
            }
        }
    }

    @Test("A coarse stride finds the same first stops as stride 1 on a monotone run")
    func strideAgrees() throws {
        var generator = SplitMix64(seed: 11)
        let relevant = (0..<400).map { index in generator.next() % 100 < (index < 120 ? 30 : 2) }
        let order = try ScreeningHistory(poolSize: 400, relevant: relevant)
        let rules: [any StoppingRule] = [
            try ConsecutiveExcludesRule(), try HypergeometricStoppingRule(targetRecall: 0.9),
        ]
        let exact = try StoppingReplay.replay(order, rules: rules)
        let coarse = try StoppingReplay.replay(order, rules: rules, stride: 25)
        #expect(exact.map(\.stoppedAt) == coarse.map(\.stoppedAt))
    }

    @Test("A partial order needs the true number of relevant records")
    func partialOrder() throws {
        let order = try ScreeningHistory(poolSize: 200, relevant: Self.perfect)
        #expect(throws: StoppingError.totalRelevantUnknown(screened: 100, poolSize: 200)) {
            try StoppingReplay.replay(order, rules: [try ConsecutiveExcludesRule()])
        }
        #expect(throws: StoppingError.totalRelevantTooSmall(given: 5, found: 10)) {
            try StoppingReplay.replay(order, totalRelevant: 5, rules: [try ConsecutiveExcludesRule()])
        }
        let outcome = try StoppingReplay.replay(order, totalRelevant: 20, rules: [try ConsecutiveExcludesRule()])
        #expect(outcome[0].stoppedAt == 60)
        #expect(outcome[0].recall == 0.5)
    }

    @Test("The reliability table counts runs that stopped below target")
    func reliability() throws {
        func outcome(_ id: String, stop: Int?, found: Int, target: Double? = nil, confidence: Double? = nil)
            -> StoppingOutcome
        {
            StoppingOutcome(
                ruleID: id, ruleLabel: id, targetRecall: target, confidence: confidence, stoppedAt: stop, poolSize: 100,
                totalRelevant: 20, relevantFound: found, evaluation: nil)
        }
        let runs = [
            [outcome("h", stop: 50, found: 20, target: 0.95, confidence: 0.95), outcome("n", stop: 30, found: 15)],
            [outcome("h", stop: 60, found: 18, target: 0.95, confidence: 0.95), outcome("n", stop: nil, found: 20)],
            [outcome("h", stop: nil, found: 20, target: 0.95, confidence: 0.95), outcome("n", stop: 40, found: 19)],
        ]
        let table = StoppingReliability.summarise(runs, target: 0.9)
        #expect(table.map(\.ruleID) == ["h", "n"])
        #expect(table[0].runs == 3 && table[0].stopped == 2 && table[0].fellShort == 1)
        #expect(abs(table[0].meanRecall - (1 + 0.9 + 1) / 3) < 1e-12)
        #expect(abs(table[0].meanWorkSaved - (0.5 + 0.4 + 0) / 3) < 1e-12)
        // P(X ≥ 1) for Binomial(3, 0.05) = 1 − 0.95³.
        #expect(abs((table[0].excessShortfallPValue ?? 0) - (1 - 0.857375)) < 1e-12)
        // Rule n is held to the table's 0.9: 15/20 falls short, 19/20 does not.
        #expect(table[1].target == 0.9 && table[1].fellShort == 1 && table[1].excessShortfallPValue == nil)
        #expect(table[1].minimumRecall == 0.75)
    }

    @Test("The trace holds every rule's state after every decision")
    func trace() throws {
        let order = try ScreeningHistory(poolSize: 100, relevant: Array(Self.perfect.prefix(40)))
        let trace = StoppingReplay.trace(order, rules: [try ConsecutiveExcludesRule(runLength: .count(20))])
        #expect(trace.count == 40)
        #expect(trace[28][0].state == .keepGoing)
        #expect(trace[29][0].state == .stop)
    }
}
