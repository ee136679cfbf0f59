import Foundation
import TestSupport
import Testing
@testable import Ranking
@testable import TextAnalysis

/// Opt-in benchmark (`RUN_BENCHMARKS=1`): retrain + re-rank after one decision, p50 and p95, on
/// pools of 2,000, 20,000 and 100,000 records made by repeating real abstracts
/// ($TARSIER_DATASETS/benchmark/nagtegaal-2019.csv) with variations. Never asserts on time.
@Suite("Retrain benchmark", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct RetrainBenchmarkTests {
    /// Title + abstract of each row of a benchmark CSV (a small RFC 4180 reader, enough for these files).
    static func realTexts() -> [(String, Bool)] {
        guard let text = try? String(contentsOf: TestData.dataset("benchmark/nagtegaal-2019.csv"), encoding: .utf8)
        else { return [] }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        return rows.dropFirst().filter { $0.count >= 4 }.map { ($0[1] + " " + $0[2], $0[3] == "1") }
    }

    /// `count` records: copy k of a real record drops every (k mod 5 + 2)-th word and gains a marker.
    static func pool(_ base: [(String, Bool)], count: Int) -> [(String, Bool)] {
        (0..<count).map { i in
            let (text, label) = base[i % base.count]
            let copy = i / base.count
            guard copy > 0 else { return (text, label) }
            let step = copy % 5 + 2
            let words = text.split(separator: " ").enumerated().filter { $0.offset % step != 0 }.map(\.element)
            return (words.joined(separator: " ") + " variant\(copy)", label)
        }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(Int((p * Double(sorted.count - 1)).rounded()), sorted.count - 1)]
    }

    @Test("retrain + re-rank after one decision", arguments: [2_000, 20_000, 100_000])
    func retrain(poolSize: Int) throws {
        try TestData.requireDatasets()
        let base = Self.realTexts()
        try #require(!base.isEmpty, "benchmark/nagtegaal-2019.csv is missing from \(TestData.datasets.path)")
        let records = Self.pool(base, count: poolSize)
        let buildStart = Date()
        let configuration = CycleConfiguration(seed: 1)
        let rankers = try RankerRegistry.makeRankers(
            configuration: configuration, documents: records.map(\.0), topic: nil)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        var cycle = ActiveLearningCycle(poolSize: poolSize, rankers: rankers, seed: 1)
        // A realistic session: 200 decisions already made (taken in ranking order), then measure 30 more.
        var generator = SeededGenerator(seed: 9)
        var open = Array(0..<poolSize).shuffled(using: &generator)
        for _ in 0..<200 {
            let record = open.removeLast()
            try cycle.decide(record, relevant: records[record].1, pickedAt: .random)
        }
        _ = cycle.retrain()
        var warm: [Double] = []
        for _ in 0..<30 {
            guard let pick = cycle.nextPick() else { break }
            let start = DispatchTime.now().uptimeNanoseconds
            try cycle.decide(pick.record, relevant: records[pick.record].1, pickedAt: pick.pickedAt)
            _ = cycle.retrain()
            warm.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        // Baseline in the same run: a cold fit (fresh weights) on the same decisions.
        var cold: [Double] = []
        for _ in 0..<5 {
            var learner = LogisticRegression()
            let decisions = cycle.decisions
            guard let features = (rankers.first as? LearnerRanker<LogisticRegression>)?.features else { break }
            let start = DispatchTime.now().uptimeNanoseconds
            learner.fit(features: features.selectingRows(decisions.map(\.record)), labels: decisions.map(\.relevant))
            _ = learner.scores(features)
            cold.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let p50 = Self.percentile(warm, 0.5)
        let p95 = Self.percentile(warm, 0.95)
        let coldMedian = cold.isEmpty ? .nan : Self.percentile(cold, 0.5)
        print(
            String(
                format:
                    "benchmark retrain N=%d labelled=%d: p50 %.1f ms, p95 %.1f ms; cold fit median %.1f ms (ratio %.2fx); features built in %.1f s",
                poolSize, cycle.decisions.count, p50, p95, coldMedian, coldMedian / p50, buildSeconds))
        #expect(warm.count == 30)
    }
}
