import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// Golden screens at fixed sizes, driven by action names.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    @Test("the first 80×24 screen of the sample review is pinned")
    func firstScreen() {
        // Given a fresh sample review
        let (loop, _) = SampleSession.loop()
        // Then the first screen shows the top-ranked record in queue and pager
        let screen = loop.render()
        assertSnapshot(screen.text, named: "firstScreen80x24")
        #expect(screen.line(2).contains("▶"))
        #expect(screen.line(2).contains("Proton therapy for prostate cancer"))
    }

    @Test("highlighting is visible without colour: topic bold, include bold+underline, exclude underline")
    func monochromeHighlights() {
        let (loop, _) = SampleSession.loop()
        loop.send(.moveDown)  // "Comparative effectiveness…": proton beam, photon radiotherapy, cohort
        assertSnapshot(loop.render().attributeMap, named: "highlightAttributes80x24")
        let screen = loop.render()
        let abstractRow = (0..<24).first { screen.line($0).contains("We compared proton beam") } ?? 0
        let line = screen.line(abstractRow)
        let column = line.distance(from: line.startIndex, to: line.range(of: "proton")?.lowerBound ?? line.startIndex)
        #expect(screen[abstractRow, column].style.attributes.contains(.bold))
    }

    @Test("after include the next record is shown and the status line counts it")
    func afterInclude() {
        let (loop, _) = SampleSession.loop()
        loop.send(.include)
        assertSnapshot(loop.render().text, named: "afterInclude80x24")
    }

    @Test("the pager can take the whole screen")
    func fullScreenPager() {
        let (loop, _) = SampleSession.loop()
        loop.send(.togglePager)
        assertSnapshot(loop.render().text, named: "fullPager80x24")
    }

    @Test("the help overlay lists the keys")
    func help() {
        let (loop, _) = SampleSession.loop()
        loop.send(.help)
        assertSnapshot(loop.render().text, named: "help80x24")
        // Scrolling stops at the last line and the key list ends with quit
        for _ in 0..<100 { loop.send(.moveDown) }
        let bottom = loop.render()
        #expect(bottom.line(20).contains("Quit (every decision is already saved)"))
        loop.send(.cancel)
        #expect(loop.state.mode == .normal)
    }

    @Test("the history view lists decisions, undos and redos newest first")
    func history() {
        let (loop, _) = SampleSession.loop()
        for action: Action in [.include, .exclude, .maybe, .undo, .redo, .showHistory] { loop.send(action) }
        assertSnapshot(loop.render().text, named: "history80x24")
    }

    @Test("the stats view plots includes found against records screened")
    func stats() {
        let (loop, _) = SampleSession.loop()
        for action: Action in [.include, .include, .exclude, .include, .exclude, .exclude, .showStats] {
            loop.send(action)
        }
        assertSnapshot(loop.render().text, named: "stats80x24")
    }

    @Test(
        "the stats view at 0, 1 and 2 decisions: no plot before the first, no stretched lines after",
        arguments: [0, 1, 2])
    func statsEarly(decisions: Int) {
        let (loop, _) = SampleSession.loop()
        for action in [Action.include, .exclude].prefix(decisions) { loop.send(action) }
        loop.send(.showStats)
        let screen = loop.render().text
        assertSnapshot(screen, named: "stats\(decisions)-80x24")
        #expect(screen.contains(decisions == 0 ? "The plot starts with the first decision." : "8 screened"))
    }

    @Test("the exclusion-reason picker is numbered")
    func reasonPicker() {
        let (loop, _) = SampleSession.loop()
        loop.send(.excludeWithReason)
        loop.send(.moveDown)
        assertSnapshot(loop.render().text, named: "reasonPicker80x24")
    }

    @Test("a wide terminal gives the list and pager more room")
    func wide() {
        let (loop, _) = SampleSession.loop(size: Size(columns: 120, rows: 40))
        loop.send(.search)
        loop.send(.text("IMRT"))
        loop.send(.open)
        assertSnapshot(loop.render().text, named: "searchIMRT120x40")
    }

    @Test("a terminal below the minimum says so instead of drawing garbage")
    func tooSmall() {
        let (loop, _) = SampleSession.loop(size: Size(columns: 20, rows: 5))
        #expect(loop.render().text.hasPrefix("terminal too small"))
    }
}
