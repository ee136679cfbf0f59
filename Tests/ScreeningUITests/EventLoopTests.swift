import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// The loop with a virtual terminal: resizing, background updates, scripts.
@Suite("Event loop")
struct EventLoopTests {
    /// A 300-record session so lists scroll and pages reload.
    static func bigSession() -> InMemoryScreeningSession {
        let items = (1...300).map { index in
            InMemoryScreeningSession.Item(
                id: Int64(index),
                fields: ReferenceFields(
                    title: "Record \(index) about proton beams", abstract: "Abstract \(index).", year: 1990 + index % 30
                ),
                score: 1 - Double(index) / 301)
        }
        return InMemoryScreeningSession(title: "Big", assessor: "bob", items: items)
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

    @Test("a background re-ranking is drained by the loop and keeps the selected record")
    func backgroundRerank() {
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
        session.rerank(scores: [3: -0.5, 300: 2], modelVersion: 9)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == 3)
        #expect(loop.state.selectedEntry?.rank == 300)
        #expect(loop.render().text.contains("model v9 ready"))
        #expect(!loop.drainNotifications())
    }

    static func rankedSession() -> InMemoryScreeningSession {
        let big = bigSession()
        big.rerank(scores: [:], modelVersion: 1)  // a ranking is on screen from the start
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
        #expect(loop.state.overview.modelVersion == 2)
        // The next decision picks from the new ranking: record 250.
        loop.send(.exclude)
        #expect(loop.state.current?.id == 250)
        // After moving by hand, a new ranking keeps the chosen record selected too.
        loop.send(.moveDown)
        let chosen = loop.state.current?.id
        session.rerank(scores: [7: 9], modelVersion: 3)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == chosen)
    }

    @Test("before the first ranking of a sitting, its top replaces the placeholder order at once")
    func firstRankingReplacesPlaceholder() {
        let session = Self.bigSession()  // no ranking yet: a placeholder order
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        session.rerank(scores: [250: 5], modelVersion: 1)
        #expect(loop.drainNotifications())
        #expect(loop.state.current?.id == 250)
        #expect(loop.state.queueCursor.position == 0)
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
