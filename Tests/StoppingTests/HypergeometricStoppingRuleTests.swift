import Foundation
import Testing

@testable import Stopping
import TestSupport

@Suite("Hypergeometric stopping rule (Callaghan & Müller-Hansen 2020)")
struct HypergeometricStoppingRuleTests {
    /// `buscarpy.calculate_h0([1]*ones + [0]*zeros, N, target)`, buscarpy 0.0.2, made with
    /// `/tmp/buscar-venv/bin/python Scripts/make-stopping-reference.py` (second block).
    static let handMade: [(ones: Int, zeros: Int, pool: Int, target: Double, p: Double)] = [
        (10, 90, 200, 0.95, 0.5263157894736843),
        (10, 90, 200, 0.8, 0.14371033967898467),
        (20, 300, 1000, 0.95, 0.481249087990661),
        (20, 600, 1000, 0.95, 0.15011152571345188),
        (5, 40, 60, 0.9, 0.2727272727272727),
    ]

    /// `buscarpy.calculate_h0(labels[:n], 2000, target)` with `labels` from
    /// `buscarpy.generate_dataset(N=2000, prevalence=0.02, bias=10, random_seed=seed)["relevant"]`,
    /// same script (third block); `positions` are the indices of the relevant records among the first n.
    static let generated: [(seed: Int, screened: Int, positions: [Int], target: Double, p: Double)] = [
        (1, 600, seed1, 0.95, 0.9360709165725968),
        (1, 600, seed1, 0.9, 0.8623411458295329),
        (2, 900, seed2, 0.95, 0.46653408976169464),
        (2, 900, seed2, 0.9, 0.2803462270428291),
        (3, 1200, seed3, 0.95, 0.17225686879370405),
        (3, 1200, seed3, 0.9, 0.05318052200772163),
        (4, 1500, seed4, 0.95, 0.08364563703694787),
        (4, 1500, seed4, 0.9, 0.015907992301429964),
        (5, 1800, seed5, 0.95, 0.002563629427815147),
        (5, 1800, seed5, 0.9, 4.698329995025681e-05),
    ]
    static let seed1 = [
        2, 9, 16, 28, 31, 36, 39, 54, 60, 69, 74, 85, 92, 107, 111, 122, 136, 147, 168, 203, 208, 210, 213, 224,
        229, 233, 237, 243, 252, 261, 266, 276, 284, 286, 288, 291, 327, 361, 423, 597,
    ]
    static let seed2 = [
        3, 7, 11, 28, 29, 48, 49, 63, 64, 82, 84, 89, 93, 94, 102, 106, 112, 115, 127, 134, 141, 151, 176, 205, 218,
        234, 249, 254, 271, 294, 313, 350, 363, 370, 381, 399, 420, 527, 560, 581,
    ]
    static let seed3 = [
        0, 4, 7, 9, 20, 28, 31, 47, 51, 67, 74, 79, 99, 142, 150, 151, 180, 188, 191, 192, 198, 212, 250, 271, 277,
        279, 286, 309, 310, 332, 344, 380, 391, 407, 408, 435, 484, 499, 554, 562,
    ]
    static let seed4 = [
        3, 22, 50, 65, 70, 75, 79, 87, 91, 97, 98, 112, 146, 164, 170, 174, 177, 193, 197, 223, 236, 237, 245, 257,
        270, 306, 318, 322, 337, 338, 341, 354, 380, 420, 427, 429, 455, 468, 515, 857,
    ]
    static let seed5 = [
        4, 7, 8, 19, 23, 29, 31, 38, 48, 50, 64, 79, 96, 98, 101, 108, 125, 126, 167, 182, 194, 200, 213, 215, 217,
        220, 251, 262, 279, 297, 319, 359, 366, 390, 398, 426, 461, 467, 495, 544,
    ]

    static func history(screened: Int, positions: [Int], pool: Int) throws -> ScreeningHistory {
        var relevant = [Bool](repeating: false, count: screened)
        for position in positions { relevant[position] = true }
        return try ScreeningHistory(poolSize: pool, relevant: relevant)
    }

    /// buscarpy's loop written out: every urn size j = 1...n, no shortcut.
    static func bruteForceP(_ history: ScreeningHistory, target: Double) -> Double {
        let n = history.screened
        let found = history.relevantFound
        var best = 1.0
        var k = 0
        for j in 1...n {
            if history.steps[n - j].relevant { k += 1 }
            let successes = Int((Double(found) / target + 1 - Double(found - k)).rounded(.down))
            let population = history.poolSize - n + j
            let p =
                successes > population
                ? 0 : Hypergeometric.cdf(k, population: population, successes: successes, draws: j) ?? 1
            best = min(best, p)
        }
        return best
    }

    @Test("p-values match buscarpy.calculate_h0 on hand-made sequences")
    func matchesBuscarpyHandMade() throws {
        for row in Self.handMade {
            let history = try ScreeningHistory(
                poolSize: row.pool,
                relevant: Array(repeating: true, count: row.ones) + Array(repeating: false, count: row.zeros))
            let rule = try HypergeometricStoppingRule(targetRecall: row.target)
            let p = try #require(rule.pValue(history)?.p)
            #expect(abs(p - row.p) <= 1e-9 * row.p, "\(row.ones)+\(row.zeros) of \(row.pool) at \(row.target): \(p)")
        }
    }

    @Test("p-values match buscarpy.calculate_h0 on its own simulated prioritised orders")
    func matchesBuscarpyGenerated() throws {
        for row in Self.generated {
            let history = try Self.history(screened: row.screened, positions: row.positions, pool: 2000)
            let rule = try HypergeometricStoppingRule(targetRecall: row.target)
            let p = try #require(rule.pValue(history)?.p)
            #expect(abs(p - row.p) <= 1e-9 * row.p, "seed \(row.seed), n \(row.screened), t \(row.target): \(p)")
            #expect((rule.evaluate(history).state == .stop) == (row.p < 0.05))
        }
    }

    @Test("Evaluating only the longest urn of each equal-k stretch gives the full minimum")
    func shortcutEqualsBruteForce() throws {
        var generator = SplitMix64(seed: 7)
        for trial in 0..<40 {
            let screened = 20 + Int(generator.next() % 200)
            let pool = screened + Int(generator.next() % 300)
            let relevant = (0..<screened).map { index in generator.next() % 100 < (index < screened / 3 ? 40 : 4) }
            let history = try ScreeningHistory(poolSize: pool, relevant: relevant)
            for target in [0.8, 0.95] {
                let rule = try HypergeometricStoppingRule(targetRecall: target)
                let fast = rule.pValue(history)?.p ?? 1
                let slow = Self.bruteForceP(history, target: target)
                #expect(abs(fast - slow) <= 1e-12 + 1e-9 * slow, "trial \(trial), target \(target)")
            }
        }
    }

    @Test("A four-decision history gives the hand-computed p = 5/14")
    func handComputed() throws {
        // Labels 1,1,0,0; N = 10; t = 0.5 → H0 needs R ≥ ⌊2/0.5⌋ + 1 = 5.
        // j=1: P(X≤0 | 7,3,1) = 4/7; j=2: P(X≤0 | 8,3,2) = 10/28; j=3: P(X≤1 | 9,4,3) = 50/84;
        // j=4: P(X≤2 | 10,5,4) = 155/210. Minimum 5/14 at j = 2.
        let history = try ScreeningHistory(poolSize: 10, relevant: [true, true, false, false])
        let rule = try HypergeometricStoppingRule(targetRecall: 0.5)
        let test = try #require(rule.pValue(history))
        #expect(abs(test.p - 5.0 / 14) < 1e-12)
        #expect(test.urnSize == 2)
    }

    @Test("When every record is screened H0 is impossible and the rule stops")
    func exhaustedPool() throws {
        let history = try ScreeningHistory(poolSize: 6, relevant: [true, false, true, false, false, false])
        let rule = try HypergeometricStoppingRule()
        #expect(rule.pValue(history)?.p == 0)
        #expect(rule.evaluate(history).state == .stop)
        #expect(rule.recallLowerBound(history)?.recall == 1)
    }

    @Test("The recall lower bound is the largest total the test cannot reject")
    func recallLowerBound() throws {
        let history = try Self.history(screened: 1800, positions: Self.seed5, pool: 2000)
        let rule = try HypergeometricStoppingRule()
        let bound = try #require(rule.recallLowerBound(history))
        // p < 0.05 at t = 0.95, so the bound is at least 95%; R̄ is not rejected, R̄ + 1 is.
        #expect(bound.recall >= 0.95)
        #expect(bound.recall == 40.0 / Double(bound.total))
        #expect((rule.pValue(history, totalRelevantAtLeast: bound.total) ?? 0) >= 0.05 || bound.total == 40)
        #expect((rule.pValue(history, totalRelevantAtLeast: bound.total + 1) ?? 1) < 0.05)
        let figures = rule.evaluate(history).figures.map(\.name)
        #expect(
            figures == [
                "p_value", "alpha", "target_recall", "urn_size", "recall_lower_bound", "total_relevant_upper_bound",
            ])
    }

    @Test("Random-tail sampling uses only the trailing run of random picks")
    func randomTail() throws {
        // 30 ranked picks with 10 relevant, then 60 random picks with none relevant; N = 200.
        let relevant = (0..<30).map { $0 % 3 == 0 } + Array(repeating: false, count: 60)
        let flags = Array(repeating: false, count: 30) + Array(repeating: true, count: 60)
        let history = try ScreeningHistory(poolSize: 200, relevant: relevant, pickedAtRandom: flags)
        let rule = try HypergeometricStoppingRule(sampling: .randomTail)
        let test = try #require(rule.pValue(history))
        // One urn of 60 from the 170 records not ranked: H0 puts ⌊10/0.95 + 1 − 10⌋ = 1 relevant there.
        #expect(test.urnSize == 60)
        let expected = try #require(Hypergeometric.cdf(0, population: 170, successes: 1, draws: 60))
        #expect(abs(test.p - expected) < 1e-12)
        let ranked = try #require(try HypergeometricStoppingRule().pValue(history))
        #expect(ranked.p <= test.p)
        let noRandom = try ScreeningHistory(poolSize: 200, relevant: relevant)
        #expect(rule.pValue(noRandom) == nil)
        #expect(rule.evaluate(noRandom).state == .keepGoing)
    }

    @Test("Out-of-range targets and confidences are refused")
    func invalidParameters() {
        #expect(throws: StoppingError.self) { try HypergeometricStoppingRule(targetRecall: 1) }
        #expect(throws: StoppingError.self) { try HypergeometricStoppingRule(targetRecall: 0) }
        #expect(throws: StoppingError.self) { try HypergeometricStoppingRule(confidence: 1.2) }
    }
}
