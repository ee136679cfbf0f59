import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// A record with a 10 MB abstract opens, scrolls and shows its end.
///
/// Opt-in (`RUN_BENCHMARKS=1`) for now: the pager still wraps the whole record on every frame,
/// which takes about 17 s per frame for 10 MB in a debug build (7 s for the test at 1 MB). Set
/// `PAGER_TEST_MB` to change the size. Make it a default test once the pager wraps lazily.
@Suite("Large records", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct LargeRecordTests {
    /// About `megabytes` MB of numbered sentences in paragraphs of 40, ending in a marker line.
    static func hugeAbstract(megabytes: Int = 10) -> String {
        var text = ""
        text.reserveCapacity(megabytes << 20 + 100)
        var sentence = 0
        while text.utf8.count < max(1, megabytes) << 20 {
            text += "Sentence \(sentence) of a very long abstract about proton beam therapy in prostate cancer."
            sentence += 1
            text += sentence % 40 == 0 ? "\n" : " "
        }
        return text + "THE END OF THE ABSTRACT"
    }

    static func session(abstract: String) -> InMemoryScreeningSession {
        InMemoryScreeningSession(
            title: "Large", assessor: "a",
            items: [
                .init(id: 1, fields: ReferenceFields(title: "A record with a huge abstract", abstract: abstract, year: 2020), score: 0.9),
                .init(id: 2, fields: ReferenceFields(title: "A normal record", abstract: "Short.", year: 2021), score: 0.5),
            ],
            terms: HighlightTerms(topic: ["proton beam"], include: ["prostate cancer"], exclude: []))
    }

    @Test("a 10 MB abstract opens, scrolls, and its last page shows the abstract's end")
    func hugeAbstractEnd() throws {
        let abstract = Self.hugeAbstract(megabytes: Int(ProcessInfo.processInfo.environment["PAGER_TEST_MB"] ?? "") ?? 10)
        let loop = EventLoop(session: Self.session(abstract: abstract), size: Size(columns: 80, rows: 24))
        loop.start()
        loop.send(.togglePager)
        let first = loop.render()
        #expect(first.text.contains("A record with a huge abstract"))
        #expect(first.text.contains("Sentence 0 of a very long abstract"))
        loop.send(.scrollPagerDown)
        let second = loop.render()
        #expect(second.text != first.text)
        #expect(!second.text.contains("A record with a huge abstract"))
        // Jump to the end: the last page ends with the abstract's last words.
        var state = loop.state
        state.pagerScroll = Int.max / 2
        let last = Screen.render(state)
        #expect(last.text.contains("THE END OF THE ABSTRACT"))
        #expect(last.text.contains("Sentence \(abstract.components(separatedBy: "Sentence ").count - 2) of"))
    }
}

/// Frame time with a 10 MB abstract against a normal record in the same run. Opt-in:
/// `RUN_BENCHMARKS=1 swift test --filter LargeRecordBenchmark`. Prints medians; never asserts on time.
@Suite("Large record benchmark", .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct LargeRecordBenchmark {
    static func milliseconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

    /// (open → first frame, median scroll+frame, median render-only) for one abstract.
    static func measure(abstract: String) -> (open: Double, scroll: Double, render: Double) {
        let loop = EventLoop(session: LargeRecordTests.session(abstract: abstract), size: Size(columns: 120, rows: 40))
        let open = milliseconds {
            loop.start()
            _ = loop.render()
        }
        let scroll = (0..<30).map { _ in milliseconds { loop.send(.scrollPagerDown); _ = loop.render() } }
        let render = (0..<30).map { _ in milliseconds { _ = loop.render() } }
        return (open, median(scroll), median(render))
    }

    @Test("frame time: 10 MB abstract vs a normal record")
    func frameTime() {
        let normal = Self.measure(abstract: String(repeating: "A normal abstract about proton beam therapy. ", count: 30))
        let huge = Self.measure(abstract: LargeRecordTests.hugeAbstract())
        print(String(format: "normal record: open %.2f ms, scroll+frame median %.3f ms, render median %.3f ms", normal.open, normal.scroll, normal.render))
        print(String(format: "10 MB abstract: open %.2f ms, scroll+frame median %.3f ms, render median %.3f ms", huge.open, huge.scroll, huge.render))
        print(String(format: "ratios (10 MB / normal): open %.1f  scroll %.1f  render %.1f",
                     huge.open / normal.open, huge.scroll / normal.scroll, huge.render / normal.render))
        #expect(huge.render > 0)
    }
}
