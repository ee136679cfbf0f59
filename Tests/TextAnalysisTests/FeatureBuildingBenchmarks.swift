import Foundation
import TestSupport
import Testing
@testable import TextAnalysis

/// Opt-in benchmark (`RUN_BENCHMARKS=1`, release build):
/// `RUN_BENCHMARKS=1 swift test -c release -Xswiftc -enable-testing --filter FeatureBuildingBenchmarks`.
/// Builds the term index + TF-IDF matrix + BM25 postings for pools of 2,000, 20,000 and 100,000
/// records (real nagtegaal-2019 abstracts repeated with variations) with the reference
/// (`NaiveTermIndex`) and the fast builder in the same run, and prints medians and the ratio.
/// Never asserts on time.
@Suite(
    "Feature building benchmarks", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct FeatureBuildingBenchmarks {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[(values.count - 1) / 2] }
    static func p95(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[min(Int((0.95 * Double(sorted.count - 1)).rounded()), sorted.count - 1)]
    }

    @Test("index + TF-IDF + BM25: reference vs fast", arguments: [2_000, 20_000, 100_000])
    func featureBuilding(poolSize: Int) throws {
        try TestData.requireDatasets()
        let base = BenchmarkCorpus.texts("nagtegaal-2019")
        try #require(!base.isEmpty, "benchmark/nagtegaal-2019.csv is missing")
        let documents = BenchmarkCorpus.pool(base, count: poolSize)
        let repetitions = poolSize <= 2_000 ? 7 : poolSize <= 20_000 ? 3 : 1
        var naiveTimes: [Double] = []
        var fastTimes: [Double] = []
        var featureCounts: (Int, Int) = (0, 0)
        for _ in 0..<repetitions {
            naiveTimes.append(
                try Self.seconds {
                    let naive = NaiveTermIndex(documents: documents)
                    let index = TermIndex(
                        analyzer: Analyzer(), includesBigrams: true, vocabulary: naive.vocabulary, counts: naive.counts,
                        documentLengths: naive.documentLengths)
                    featureCounts.0 = try TFIDFVectorizer(index: index).featureCount
                    _ = BM25Index(index: index)
                })
            fastTimes.append(
                try Self.seconds {
                    let index = TermIndex(documents: documents)
                    featureCounts.1 = try TFIDFVectorizer(index: index).featureCount
                    _ = BM25Index(index: index)
                })
        }
        #expect(featureCounts.0 == featureCounts.1)
        let (naive, fast) = (Self.median(naiveTimes), Self.median(fastTimes))
        print(
            String(
                format:
                    "feature building  N=%7d  runs=%d  reference median %.3f s (p95 %.3f)  fast median %.3f s (p95 %.3f)  ratio %.1f×  features %d",
                poolSize, repetitions, naive, Self.p95(naiveTimes), fast, Self.p95(fastTimes), naive / fast,
                featureCounts.1))
    }

    @Test("phases of the fast path at 100,000 records")
    func phases() throws {
        try TestData.requireDatasets()
        let base = BenchmarkCorpus.texts("nagtegaal-2019")
        try #require(!base.isEmpty, "benchmark/nagtegaal-2019.csv is missing")
        let documents = BenchmarkCorpus.pool(base, count: 100_000)
        var index: TermIndex?
        let indexTime = Self.seconds { index = TermIndex(documents: documents) }
        guard let index else { return }
        let tfidfTime = try Self.seconds { _ = try TFIDFVectorizer(index: index) }
        let bm25Time = Self.seconds { _ = BM25Index(index: index) }
        var scanner = TokenScanner(analyzer: Analyzer())
        var tokenCount = 0
        let scanTime = Self.seconds { for document in documents { scanner.scan(document) { _ in tokenCount += 1 } } }
        print(
            String(
                format:
                    "fast phases N=100000: term index %.3f s (of which one-thread token scan %.3f s, %d tokens), TF-IDF %.3f s, BM25 %.3f s",
                indexTime, scanTime, tokenCount, tfidfTime, bm25Time))
    }
}
