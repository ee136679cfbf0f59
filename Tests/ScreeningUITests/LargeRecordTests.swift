import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// A record with a 10 MB abstract (or title) opens, scrolls and shows its end in a few seconds
/// even in a debug build: the pager lays the record out once and draws only the visible lines.
/// Set `PAGER_TEST_MB` to change the size.
@Suite("Large records")
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

    static var megabytes: Int { Int(ProcessInfo.processInfo.environment["PAGER_TEST_MB"] ?? "") ?? 10 }

    static func session(abstract: String, title: String = "A record with a huge abstract") -> InMemoryScreeningSession {
        InMemoryScreeningSession(
            title: "Large", assessor: "a",
            items: [
                .init(id: 1, fields: ReferenceFields(title: title, abstract: abstract, year: 2020), score: 0.9),
                .init(
                    id: 2, fields: ReferenceFields(title: "A normal record", abstract: "Short.", year: 2021), score: 0.5
                ),
            ],
            terms: HighlightTerms(topic: ["proton beam"], include: ["prostate cancer"], exclude: []))
    }

    /// The pager rows of a full-screen pager frame as one string, whitespace collapsed (a sentence
    /// may wrap anywhere, so "Sentence 9 of" can straddle two rows).
    static func pagerText(_ screen: ScreenBuffer) -> String {
        let layout = Layout(size: screen.size, view: .queue, pagerFullScreen: true)
        return layout.pager.map { screen.line($0) }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("a 10 MB abstract opens, pages down, and End shows the abstract's end; Home its start")
    func hugeAbstractEnd() throws {
        let abstract = Self.hugeAbstract(megabytes: Self.megabytes)
        let lastSentence = abstract.utf8.count > 0 ? abstract.components(separatedBy: "Sentence ").count - 2 : 0
        let loop = EventLoop(session: Self.session(abstract: abstract), size: Size(columns: 80, rows: 24))
        loop.start()
        loop.send(.togglePager)
        let first = loop.render()
        #expect(first.text.contains("A record with a huge abstract"))
        #expect(Self.pagerText(first).contains("Sentence 0 of a very long abstract about proton beam therapy"))
        #expect(first.text.contains("more lines ↓"))

        var previous = first
        for page in 1...3 {
            loop.send(.key(.character(" ")))
            let screen = loop.render()
            #expect(screen.text != previous.text, "page \(page) did not move")
            #expect(!screen.text.contains("A record with a huge abstract"))
            previous = screen
        }
        // Pages overlap by two lines: the third page starts 3·(rows − 2) lines in.
        let layout = Layout(loop.state)
        let lines = try #require(PagerView.layout(loop.state, width: 80))
        #expect(loop.state.pagerScroll == 3 * (layout.pagerRows - 2))
        let expectedTop = String(
            lines.lines(
                loop.state.pagerScroll..<(loop.state.pagerScroll + 1), highlighter: Highlighter(terms: HighlightTerms())
            )[0].map(\.character))
        #expect(previous.line(layout.pager.lowerBound).hasPrefix(" " + expectedTop))

        loop.send(.key(.named(.end)))
        #expect(loop.state.pagerScroll == lines.lineCount - layout.pagerRows)
        let last = loop.render()
        let text = Self.pagerText(last)
        #expect(
            text.hasSuffix(
                "Sentence \(lastSentence) of a very long abstract about proton beam therapy in prostate cancer. THE END OF THE ABSTRACT"
            ))
        #expect(!last.text.contains("more lines ↓"))
        #expect(last.line(layout.pager.upperBound - 1).trimmingCharacters(in: .whitespaces).hasSuffix("ABSTRACT"))

        loop.send(.key(.named(.home)))
        #expect(loop.state.pagerScroll == 0)
        #expect(loop.render().text == first.text)
    }

    @Test("a 10 MB title is cut in the queue, the pager title wraps lazily, and the status line stays short")
    func hugeTitle() {
        let title = String(
            repeating: "Proton beam therapy outcomes with a very long title. ", count: (Self.megabytes << 20) / 53)
        let loop = EventLoop(
            session: Self.session(abstract: "Short abstract.", title: title), size: Size(columns: 80, rows: 24))
        loop.start()
        let queue = loop.render()
        #expect(queue.line(2).hasSuffix("…"))
        #expect(queue.line(2).contains("Proton beam therapy outcomes"))
        loop.send(.include)
        let after = loop.render()
        #expect(after.text.contains("included · Proton beam"))
        for row in 0..<after.size.rows { #expect(DisplayWidth.of(after.line(row)) == 80) }
        loop.send(.undo)
        loop.send(.togglePager)
        loop.send(.key(.named(.end)))
        let end = loop.render()
        #expect(end.text.contains("Short abstract."))
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
        let scroll = (0..<30).map { _ in
            milliseconds {
                loop.send(.scrollPagerDown); _ = loop.render()
            }
        }
        let render = (0..<30).map { _ in milliseconds { _ = loop.render() } }
        return (open, median(scroll), median(render))
    }

    @Test("frame time: 10 MB abstract vs a normal record")
    func frameTime() {
        let normal = Self.measure(
            abstract: String(repeating: "A normal abstract about proton beam therapy. ", count: 30))
        let huge = Self.measure(abstract: LargeRecordTests.hugeAbstract())
        print(
            String(
                format: "normal record: open %.2f ms, scroll+frame median %.3f ms, render median %.3f ms", normal.open,
                normal.scroll, normal.render))
        print(
            String(
                format: "10 MB abstract: open %.2f ms, scroll+frame median %.3f ms, render median %.3f ms", huge.open,
                huge.scroll, huge.render))
        print(
            String(
                format: "ratios (10 MB / normal): open %.1f  scroll %.1f  render %.1f",
                huge.open / normal.open, huge.scroll / normal.scroll, huge.render / normal.render))
        #expect(huge.render > 0)
    }
}
