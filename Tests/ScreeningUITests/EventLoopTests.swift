import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// The loop with a virtual terminal: resizing, background updates, scripts.
@Suite("Event loop")
struct EventLoopTests {
    /// A 300-record session so lists scroll and pages reload.
    static func bigSession() -> InMemoryScreeningSession {
        InMemoryScreeningSession(title: "Big", assessor: "bob", items: bigItems())
    }

    static func bigItems() -> [InMemoryScreeningSession.Item] {
        (1...300).map { index in
            InMemoryScreeningSession.Item(
                id: Int64(index),
                fields: ReferenceFields(
                    title: "Record \(index) about proton beams", abstract: "Abstract \(index).", year: 1990 + index % 30
                ),
                score: 1 - Double(index) / 301)
        }
    }

    @Test("resizing keeps the selected record and keeps it visible")
    func resizeKeepsPlace() {
        let session = Self.bigSession()
        let terminal = VirtualTerminal(size: Size(columns: 80, rows: 24))
        let loop = EventLoop(session: session, size: terminal.size)
        for _ in 0..<40 { loop.send(.moveDown) }
        #expect(loop.state.current?.id == 41)
        for size in [Size(columns: 50, rows: 12), Size(columns: 200, rows: 60), Size(columns: 80, rows: 24)] {
            terminal.resize(to: size)
            terminal.enqueue([.character("k")])
            loop.run(on: terminal)
            #expect(loop.state.current?.id == 40)
            #expect(terminal.lastFrame?.text.contains("▶  40") == true, "selection visible at \(size)")
            loop.send(.moveDown)
        }
    }

    @Test("paging past the loaded window reloads the page")
    func pagingReloads() {
        let loop = EventLoop(session: Self.bigSession(), size: Size(columns: 80, rows: 24))
        loop.send(.last)
        #expect(loop.state.current?.id == 300)
        #expect(loop.render().text.contains("▶ 300"))
        loop.send(.first)
        loop.send(.pageDown)
        #expect(loop.state.queueCursor.position == 5)
    }

    @Test("a background re-ranking is drained by the loop; the list and the record stay until the next pick")
    func backgroundRerank() throws {
        let session = Self.bigSession()
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.send(.moveDown)
        loop.send(.moveDown)
        #expect(loop.state.current?.id == 3)
        // When another thread finishes retraining with record 3 now ranked last
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let worker = session  // handed over; the semaphore orders the accesses
        DispatchQueue.global().async {
            worker.setBackgroundProgress(retraining: true, embeddingsDone: 120)
            done.signal()
        }
        done.wait()
        #expect(loop.drainNotifications())
        #expect(loop.render().text.contains("model training…"))
        #expect(loop.render().text.contains("emb 120/300"))
        let before = loop.state.page
        session.rerank(scores: [3: -0.5, 300: 2], modelVersion: 9)
        #expect(loop.drainNotifications())
        // Then the record, its place and the list around it are as they were; the ranking waits.
        #expect(loop.state.current?.id == 3)
        #expect(loop.state.selectedEntry?.rank == 3)
        #expect(loop.state.page == before)
        #expect(loop.state.nextRanking?.version == 9 && loop.state.nextRanking?.order.first == 300)
        #expect(loop.render().text.contains("v9 at next pick"))
        #expect(!loop.drainNotifications())
        // Back at the top, the waiting ranking is followed: record 300 first, record 3 last.
        loop.send(.first)
        #expect(loop.state.current?.id == 300)
        #expect(loop.state.overview.modelVersion == 9 && loop.state.nextRanking == nil)
        #expect(try session.position(of: 3, in: .undecided) == 299)
    }

    static func rankedSession() -> InMemoryScreeningSession {
        let big = bigSession()
        big.rerank(scores: [:], modelVersion: 1)
        try? big.beginPick(adopting: RankingUpdate(version: 1, order: []))  // a ranking on screen from the start
        return big
    }

    @Test("a new ranking never swaps the record being read; it takes effect at the next pick")
    func rerankTakesEffectAtNextPick() {
        let session = Self.rankedSession()
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        let first = loop.state.current?.id
        loop.send(.include)
        let next = loop.state.current?.id
        #expect(next != first)
        // When retraining ranks record 250 first while the assessor reads `next`, `next` stays.
        session.rerank(scores: [250: 5], modelVersion: 2)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == next)
        #expect(loop.state.overview.modelVersion == 1 && loop.state.nextRanking?.version == 2)
        // The next decision picks from the new ranking: record 250.
        loop.send(.exclude)
        #expect(loop.state.current?.id == 250)
        #expect(loop.state.overview.modelVersion == 2)
        // After moving by hand, a new ranking keeps the chosen record selected, and deciding it
        // goes on down the list the assessor was reading.
        loop.send(.moveDown)
        let chosen = loop.state.current?.id
        let after = loop.state.page.entry(at: loop.state.queueCursor.position + 1)?.id
        session.rerank(scores: [7: 9], modelVersion: 3)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == chosen)
        loop.send(.exclude)
        #expect(loop.state.current?.id == after)
        // The next pick from the top follows it.
        loop.send(.first)
        #expect(loop.state.current?.id == 7)
    }

    @Test("a review never ranked shows no record until its first ranking, then that ranking's top")
    func firstRankingShownWhenNothingIs() {
        let session = InMemoryScreeningSession(title: "Big", assessor: "bob", items: Self.bigItems(), ranked: false)
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        #expect(loop.state.current == nil && loop.state.page.total == 0)
        session.rerank(scores: [250: 5], modelVersion: 1)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == 250)
        #expect(loop.state.queueCursor.position == 0)
        #expect(loop.state.overview.modelVersion == 1)
    }

    @Test("a script replays actions, typing and keys, and saves the screen")
    func scriptRuns() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tarsier-screen-\(UUID().uuidString).txt"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = SampleSession.make()
        let screen = try ScriptRunner.run(
            script: """
                # include the top record, exclude the next with a reason
                include
                key x
                key 3
                search
                type coffee
                open
                expect match 1/1
                maybe
                resize 100x30
                save-screen \(path)
                """, session: session, size: Size(columns: 80, rows: 24))
        #expect(try session.record(1).label == .include)
        #expect(try session.record(2).reason == "not a primary study")
        #expect(try session.record(8).label == .maybe)
        #expect(screen.size == Size(columns: 100, rows: 30))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == screen.text)
        assertSnapshot(screen.text, named: "scriptEnd100x30")
    }

    @Test("script errors name the line", arguments: [("include\nfly", 2), ("resize 80", 1), ("key Hyper-x", 1)])
    func scriptErrors(text: String, line: Int) {
        do {
            _ = try Script(parsing: text)
            Issue.record("expected a syntax error")
        } catch let error as ScreeningUIError {
            guard case .scriptSyntax(let reported, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(reported == line)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a failed expect stops the script with its line")
    func expectFails() {
        #expect(throws: ScreeningUIError.scriptExpectation(line: 2, text: "no such text")) {
            try ScriptRunner.run(
                script: "include\nexpect no such text", session: SampleSession.make(), size: Size(columns: 80, rows: 24)
            )
        }
    }

    @Test("run() draws frames from queued keys and stops on q")
    func runWithKeys() throws {
        let session = SampleSession.make()
        let terminal = VirtualTerminal(size: Size(columns: 80, rows: 24))
        terminal.enqueue([.character("j"), .character("e"), .named(.tab), .character("q"), .character("i")])
        let state = ScreeningApp.run(session: session, terminal: terminal)
        #expect(state.isFinished)
        #expect(state.view == .history)
        #expect(try session.record(2).label == .exclude)
        #expect(try session.record(1).label == nil)
        #expect(terminal.frameCount >= 4)
    }
}
