import Foundation
import TestSupport
import Testing
import ReviewModel
@testable import Ranking

/// Opt-in benchmark (`RUN_BENCHMARKS=1`): the hybrid's retrain + re-rank after one decision with
/// embeddings present (all four signals: bm25, tfidf-lr, dense-topic, dense-lr), p50 and p95 at
/// 10,000 and 100,000 records, against the hybrid as it was before issue #16 (no random
/// pseudo-excludes, solver tolerance 1e-3) and `tfidf-lr` alone on the same pool in the same run. Texts
/// repeat real abstracts with variations (`RetrainBenchmarkTests.pool`); embeddings are seeded
/// random unit vectors (384-d; their values do not change the cost). Never asserts on time.
@Suite("Hybrid retrain benchmark", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct HybridRetrainBenchmarkTests {
    static func embeddings(count: Int, dimension: Int = 384) -> DenseEmbeddings {
        var generator = SeededGenerator(seed: 5)
        let rows: [[Float]?] = (0..<count).map { _ in
            let v = (0..<dimension).map { _ in Float(generator.nextUnit() - 0.5) }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / norm }
        }
        return DenseEmbeddings(rows: rows, topic: rows.first ?? nil, dimension: dimension)
    }

    /// Milliseconds of 30 decide + retrain steps after 200 decisions.
    static func measure(rankers: [any Ranker], labels: [Bool]) throws -> [Double] {
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: rankers, seed: 1)
        var generator = SeededGenerator(seed: 9)
        var open = Array(labels.indices).shuffled(using: &generator)
        for _ in 0..<200 {
            let record = open.removeLast()
            try cycle.decide(record, relevant: labels[record], pickedAt: .random)
        }
        _ = cycle.retrain()
        var times: [Double] = []
        for _ in 0..<30 {
            guard let pick = cycle.nextPick() else { break }
            let start = DispatchTime.now().uptimeNanoseconds
            try cycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
            _ = cycle.retrain()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times
    }

    @Test("hybrid retrain + re-rank after one decision", arguments: [10_000, 100_000])
    func retrain(poolSize: Int) throws {
        try TestData.requireDatasets()
        let base = RetrainBenchmarkTests.realTexts()
        try #require(!base.isEmpty, "benchmark/nagtegaal-2019.csv is missing from \(TestData.datasets.path)")
        let records = RetrainBenchmarkTests.pool(base, count: poolSize)
        let topic = Topic(title: "Nutrition and health outcomes", objective: "effects of diet")
        let labels = records.map(\.1)
        let texts = records.map(\.0)
        let dense = Self.embeddings(count: poolSize)
        let hybrid = try RankerRegistry.makeRankers(
            configuration: CycleConfiguration(ranker: .hybrid, seed: 1), documents: texts, topic: topic,
            embeddings: dense)
        let classical = try RankerRegistry.makeRankers(
            configuration: CycleConfiguration(ranker: .tfidfLR, seed: 1), documents: texts, topic: topic)
        // The hybrid as it was before issue #16: no random pseudo-excludes, the solver stopping at
        // a relative gradient of 1e-3 after at most 8 Newton steps.
        var withoutDraw = CycleConfiguration(ranker: .hybrid, seed: 1)
        withoutDraw.pseudoExcludes = 0
        withoutDraw.solverTolerance = 1e-3
        withoutDraw.maximumNewtonSteps = 8
        let previous = try RankerRegistry.makeRankers(
            configuration: withoutDraw, documents: texts, topic: topic, embeddings: dense)
        let fused = try Self.measure(rankers: hybrid, labels: labels)
        let baseline = try Self.measure(rankers: classical, labels: labels)
        let before = try Self.measure(rankers: previous, labels: labels)
        let p = RetrainBenchmarkTests.percentile
        print(
            String(
                format:
                    "benchmark hybrid retrain N=%d: p50 %.1f ms, p95 %.1f ms; as before #16 (no pseudo-excludes, tolerance 1e-3) p50 %.1f ms, p95 %.1f ms (ratio %.2fx at p50); tfidf-lr alone p50 %.1f ms, p95 %.1f ms (ratio %.2fx at p50)",
                poolSize, p(fused, 0.5), p(fused, 0.95), p(before, 0.5), p(before, 0.95),
                p(fused, 0.5) / p(before, 0.5),
                p(baseline, 0.5), p(baseline, 0.95), p(fused, 0.5) / p(baseline, 0.5)))
        #expect(fused.count == 30 && baseline.count == 30 && before.count == 30)
    }
}
