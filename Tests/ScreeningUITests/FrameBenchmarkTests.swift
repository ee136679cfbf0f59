import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// Key press → finished frame (update, session calls, render to a buffer) with 100,000 queued
/// records. Opt-in: `RUN_BENCHMARKS=1`. Prints p50/p95; never asserts on time. Goal: p95 ≤ 16 ms.
@Suite("Frame benchmark", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct FrameBenchmarkTests {
    static let recordCount = 100_000

    static func session() -> InMemoryScreeningSession {
        let abstract = String(
            repeating:
                "Proton beam therapy compared with photon radiotherapy in a cohort of patients with prostate cancer. ",
            count: 12)
        var items: [InMemoryScreeningSession.Item] = []
        items.reserveCapacity(recordCount)
        for index in 0..<recordCount {
            let fields = ReferenceFields(
                title: "Record \(index): outcomes of proton beam therapy for tumour site \(index % 97)",
                abstract: abstract, authors: ["Smith J", "Lee A"], journal: "Radiother Oncol", year: 1980 + index % 45,
                pmid: String(10_000_000 + index))
            items.append(
                .init(
                    id: Int64(index + 1), fields: fields,
                    score: Double((index * 7919) % recordCount) / Double(recordCount)))
        }
        return InMemoryScreeningSession(
            title: "Benchmark", assessor: "bench", items: items,
            terms: HighlightTerms(
                topic: ["proton beam", "radiotherap*"], include: ["prostate cancer"], exclude: ["cohort"]),
            modelVersion: 1)
    }

    /// Milliseconds per call of `body`, after `warmup` untimed calls.
    static func measure(_ label: String, iterations: Int, warmup: Int = 5, _ body: () -> Void) -> (
        p50: Double, p95: Double
    ) {
        for _ in 0..<warmup { body() }
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        let p50 = samples[samples.count / 2], p95 = samples[min(samples.count - 1, samples.count * 95 / 100)]
        let mean = samples.reduce(0, +) / Double(samples.count)
        print(String(format: "%@: mean %.3f ms  p50 %.3f ms  p95 %.3f ms  (n=%d)", label, mean, p50, p95, iterations))
        return (p50, p95)
    }

    @Test("key press to frame at 100,000 records")
    func keyPressToFrame() {
        let session = Self.session()
        let setupStart = DispatchTime.now().uptimeNanoseconds
        let loop = EventLoop(session: session, size: Size(columns: 120, rows: 40))
        loop.start()
        _ = loop.render()
        print(
            String(
                format: "open 100k-record session to first frame: %.1f ms",
                Double(DispatchTime.now().uptimeNanoseconds - setupStart) / 1e6))

        let render = Self.measure("render only (baseline)", iterations: 200) { _ = loop.render() }
        let move = Self.measure("move-down + frame", iterations: 200) {
            loop.send(.moveDown); _ = loop.render()
        }
        let decide = Self.measure("include (commit + reload) + frame", iterations: 200) {
            loop.send(.include); _ = loop.render()
        }
        let undo = Self.measure("undo + frame", iterations: 100) {
            loop.send(.undo); _ = loop.render()
        }
        let page = Self.measure("page-down + frame", iterations: 200) {
            loop.send(.pageDown); _ = loop.render()
        }
        print(
            String(
                format: "ratios to render-only p95: move %.2f  include %.2f  undo %.2f  page %.2f",
                move.p95 / render.p95, decide.p95 / render.p95, undo.p95 / render.p95, page.p95 / render.p95))
        #expect(loop.state.overview.screened > 0)
    }
}
