import Testing
@testable import Evaluation
@testable import Ranking

@Suite("How the hybrid weighed its signals over a replay (simulate --json's weights)")
struct FusionWeightTraceTests {
    /// 60 records, every 6th an include; "right" ranks the includes first, "wrong" last.
    let labels = (0..<60).map { $0 % 6 == 0 }

    func replay(resolution: Double = 0.01) throws -> (Simulation.Result, FusionWeightTrace) {
        let right = StaticRanker(id: "right", scores: labels.enumerated().map { $1 ? 100.0 - Double($0) : -Double($0) })
        let wrong = StaticRanker(id: "wrong", scores: labels.enumerated().map { $1 ? -Double($0) : 100.0 - Double($0) })
        var cycle = ActiveLearningCycle(poolSize: 60, rankers: [HybridRanker(signals: [right, wrong])], seed: 1)
        let result = try Simulation(labels: labels, priors: [6, 1]).run(&cycle)
        var trace = FusionWeightTrace(resolution: resolution)
        var replayed = ActiveLearningCycle(poolSize: 60, rankers: [HybridRanker(signals: [right, wrong])], seed: 1)
        for (position, record) in result.order.enumerated() {
            try replayed.decide(record, relevant: labels[record], pickedAt: result.pickedAt[position])
            if position >= 1, replayed.remaining > 0 { trace.note(replayed.retrain()) }
        }
        return (result, trace)
    }

    @Test("starts even, follows the signal that ranks the includes first, and ends at the last ranking")
    func followsTheRightSignal() throws {
        let (result, _) = try replay()
        let points = result.weights.finished
        let first = try #require(points.first), last = try #require(points.last)
        #expect(first.decisions == 2 && first.includes == 1)
        #expect(first.signals.map(\.signal) == ["right", "wrong"])
        #expect(first.signals.map(\.weight) == [0.5, 0.5])
        #expect(last.decisions == 59)
        #expect(last.signals[0].weight > 0.99 && last.signals[0].credit > last.signals[1].credit)
        #expect(points.map(\.decisions) == points.map(\.decisions).sorted())
        for point in points { #expect(abs(point.signals.map(\.weight).reduce(0, +) - 1) < 1e-9) }
    }

    @Test("records a point only when a weight moved by the resolution, always keeping the last")
    func resolution() throws {
        let (result, _) = try replay()
        let points = result.weights.finished
        #expect(points.count < 59)
        for (old, new) in zip(points, points.dropFirst()).dropLast() {
            #expect(zip(old.signals, new.signals).contains { abs($0.weight - $1.weight) >= 0.01 })
        }
        let (_, everyMove) = try replay(resolution: 0)
        #expect(everyMove.finished.count == 58)  // one point per ranking after the priors
        let (_, coarse) = try replay(resolution: 0.5)
        #expect(coarse.finished.count < points.count && coarse.finished.last?.decisions == 59)
    }

    @Test("a single ranker leaves the trace empty")
    func singleRanker() throws {
        var cycle = ActiveLearningCycle(
            poolSize: 60, rankers: [StaticRanker(id: "right", scores: (0..<60).map { -Double($0) })], seed: 1)
        let result = try Simulation(labels: labels, priors: [6, 1]).run(&cycle)
        #expect(result.weights.finished.isEmpty)
    }
}
