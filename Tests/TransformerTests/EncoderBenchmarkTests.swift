import Dispatch
import Foundation
import Linalg
import TestSupport
import Testing
import Transformer

/// Opt-in throughput benchmark (RUN_BENCHMARKS=1, release build):
/// `RUN_BENCHMARKS=1 swift test -c release --filter EncoderBenchmark`.
/// Embeds 1,000 real abstracts and reports texts/s, tokens/s, the fraction of the GEMM-bound
/// ceiling (sgemm GFLOP/s measured in the same run) and peak RSS. Never asserts on time.
@Suite("Encoder benchmark", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct EncoderBenchmarkTests {
    /// GEMM FLOPs per token of all-MiniLM-L6-v2 at ~236 tokens (shared/bench/pytorch-minilm.md):
    /// 6 layers × 2·(4·384² + 2·384·1536) for the projections plus 6 × 4·n·384 for attention.
    static func flopsPerToken(_ c: BertConfiguration, averageLength: Double) -> Double {
        let h = Double(c.hidden), i = Double(c.intermediate)
        return Double(c.layers) * (2 * (4 * h * h + 2 * h * i) + 4 * averageLength * h)
    }

    @Test("Throughput on 1,000 abstracts (texts/s, tokens/s, fraction of the GEMM ceiling, peak RSS)")
    func throughput() throws {
        let encoder = try TestModel.requireEncoder()
        let texts = try BenchmarkTexts.load(count: 1000)
        let lengths = texts.map { encoder.tokenizer.encode($0, maxLength: 256).count }
        let tokens = lengths.reduce(0, +)
        let average = Double(tokens) / Double(texts.count)
        print(
            "benchmark: \(texts.count) texts, \(tokens) wordpieces at max length 256 (mean \(String(format: "%.1f", average)))"
        )
        print("benchmark: OpenBLAS \(BLASThreads.configuration), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let oneThread = sgemmGFLOPS(threads: 1, concurrent: 1)
        let twoThreads = sgemmGFLOPS(threads: 2, concurrent: 1)
        let twoWorkers = sgemmGFLOPS(threads: 1, concurrent: 2)
        let ceiling = max(twoThreads, twoWorkers)
        let flops = Self.flopsPerToken(encoder.configuration, averageLength: average)
        print(
            String(
                format:
                    "benchmark: sgemm [2048×384]·[384×1536]: 1 thread %.0f GFLOP/s, 2 BLAS threads %.0f, 2 workers × 1 thread %.0f",
                oneThread, twoThreads, twoWorkers))
        print(
            String(
                format: "benchmark: GEMM ceiling %.1f MFLOP/token → %.0f tokens/s", flops / 1e6, ceiling * 1e9 / flops))

        let tokenize = measure(runs: 3) { _ = texts.map { encoder.tokenizer.encode($0, maxLength: 256) } }
        print(String(format: "benchmark: tokenization alone %.3f s (median)", tokenize.median))
        var baseline: Double?
        let configurations: [(String, BertEncoder.Parallelism, Int)] = [
            ("1 core (1 worker, 1 BLAS thread)", .workers(1), 1024),
            ("2 BLAS threads, 1 chunk at a time", .blasThreads(2), 1024),
            ("2 workers × 1 BLAS thread (default)", .workers(2), 1024),
        ]
        for (label, parallelism, chunk) in configurations {
            encoder.parallelism = parallelism
            encoder.tokensPerChunk = chunk
            let timing = measure(runs: 3) { _ = encoder.encode(texts, maxLength: 256) }
            let textsPerSecond = Double(texts.count) / timing.median
            let tokensPerSecond = Double(tokens) / timing.median
            let fraction = tokensPerSecond * flops / (ceiling * 1e9)
            let ratio = baseline.map { String(format: " (%.2f× 1 core)", $0 / timing.median) } ?? ""
            if baseline == nil { baseline = timing.median }
            print(
                String(
                    format:
                        "benchmark: %@: median %.2f s (min %.2f, max %.2f) → %.1f texts/s, %.0f tokens/s, %.0f%% of GEMM ceiling%@",
                    label, timing.median, timing.min, timing.max, textsPerSecond, tokensPerSecond, fraction * 100, ratio
                ))
        }
        print("benchmark: peak RSS \(peakRSSMegabytes()) MB")
        #expect(tokens > 0)
    }

    private func sgemmGFLOPS(threads: Int, concurrent: Int) -> Double {
        let m = 2048, n = 1536, k = 384
        let a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.25, count: n * k)
        let timing = BLASThreads.with(threads) {
            measure(runs: 5) {
                DispatchQueue.concurrentPerform(iterations: concurrent) { _ in
                    var c = [Float](repeating: 0, count: m * n)
                    for _ in 0..<4 {
                        gemm(
                            transA: .none, transB: .transposed, m: m, n: n, k: k,
                            a: a, lda: k, b: b, ldb: k, c: &c, ldc: n)
                    }
                }
            }
        }
        return Double(concurrent * 4 * 2 * m * n * k) / timing.min / 1e9
    }

    private func measure(runs: Int, _ body: () -> Void) -> (median: Double, min: Double, max: Double) {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return (times[times.count / 2], times[0], times[times.count - 1])
    }

    private func peakRSSMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kilobytes / 1024
    }
}

/// The benchmark corpus: the first records with an abstract in
/// $TARSIER_DATASETS/benchmark/bannach-brown-2019.csv, as "title abstract" on one line
/// (Scripts/bench-encoder-peers.sh builds the same texts in Python).
enum BenchmarkTexts {
    static var csv: URL { TestData.dataset("benchmark/bannach-brown-2019.csv") }

    static func load(count: Int) throws -> [String] {
        try TestData.requireDatasets()
        let text = try String(contentsOf: csv, encoding: .utf8)
        let rows = parseCSV(text)
        let header = try #require(rows.first)
        let title = try #require(header.firstIndex(of: "title")),
            abstract = try #require(header.firstIndex(of: "abstract"))
        let texts = rows.dropFirst().compactMap { row -> String? in
            guard row.count > max(title, abstract),
                !row[abstract].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            return (row[title] + " " + row[abstract]).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        return Array(texts.prefix(count))
    }

    /// RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field); field = ""
            } else if scalar == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else if scalar != "\r" {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
