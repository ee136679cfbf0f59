import Foundation
import Testing

@testable import Stopping
import TestSupport

/// Opt-in timings (`RUN_BENCHMARKS=1`): a replay the size of the largest benchmark set
/// (nagtegaal-2019: 2019 records, 392 relevant). Prints medians; asserts nothing about time.
@Suite("Replay benchmarks", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct StoppingReplayBenchmarks {
    /// A prioritised order: relevant records drawn 10× as often as irrelevant ones (buscarpy's
    /// `generate_dataset` model, bias 10), seeded.
    static func biasedOrder(pool: Int, relevant: Int, bias: Double, seed: UInt64) -> [Bool] {
        var generator = SplitMix64(seed: seed)
        var remainingRelevant = relevant
        var remainingOther = pool - relevant
        var order: [Bool] = []
        while remainingRelevant + remainingOther > 0 {
            let weight = bias * Double(remainingRelevant)
            let u = Double(generator.next() >> 11) / Double(1 << 53) * (weight + Double(remainingOther))
            let pick = u < weight
            order.append(pick)
            if pick { remainingRelevant -= 1 } else { remainingOther -= 1 }
        }
        return order
    }

    @Test("Replay of 2019 records through all three rules")
    func replayTiming() throws {
        let order = try ScreeningHistory(
            poolSize: 2019, relevant: Self.biasedOrder(pool: 2019, relevant: 392, bias: 10, seed: 1))
        let rules: [any StoppingRule] = [
            try HypergeometricStoppingRule(), try KneeStoppingRule(), try ConsecutiveExcludesRule(),
        ]
        func median(_ stride: Int) throws -> (Double, [Int?]) {
            var times: [Double] = []
            var stops: [Int?] = []
            for _ in 0..<3 {
                let start = Date()
                stops = try StoppingReplay.replay(order, rules: rules, stride: stride).map(\.stoppedAt)
                times.append(Date().timeIntervalSince(start))
            }
            return (times.sorted()[1], stops)
        }
        let (exact, exactStops) = try median(1)
        let (coarse, coarseStops) = try median(20)
        print("replay N=2019 R=392 stride 1: median \(String(format: "%.3f", exact)) s, stops \(exactStops)")
        print(
            "replay stride 20: median \(String(format: "%.3f", coarse)) s (ratio \(String(format: "%.1f", exact / coarse))×), stops \(coarseStops)"
        )
        #expect(exactStops == coarseStops)
    }
}
