import ReviewModel
import ScreeningUI
import Testing

/// Include/exclude/undo/redo through the loop, checked against the session.
@Suite("Decision flows")
struct DecisionFlowTests {
    @Test("include commits to the session and moves to the next ranked record")
    func includeAdvances() throws {
        let (loop, session) = SampleSession.loop()
        // When the assessor includes the top record
        loop.send(.include)
        // Then the session holds the decision and the pager shows record 2
        #expect(try session.record(1).label == .include)
        #expect(loop.state.current?.id == 2)
        #expect(loop.state.overview.screened == 1)
        #expect(loop.state.page.total == 7)
    }

    @Test("undo brings the record back and redo re-applies it, as new log events")
    func undoRedo() throws {
        let (loop, session) = SampleSession.loop()
        loop.send(.exclude)
        loop.send(.undo)
        #expect(try session.record(1).label == nil)
        #expect(loop.state.current?.id == 1)
        #expect(loop.state.overview.canRedo)
        loop.send(.redo)
        #expect(try session.record(1).label == .exclude)
        #expect(loop.state.current?.id == 2)
        #expect(try session.history(limit: 10).map(\.kind) == [.redo, .undo, .decision])
    }

    @Test("undo with nothing to undo is refused with a message, not an effect")
    func undoDisabled() {
        var state = AppState(size: Size(columns: 80, rows: 24))
        let effects = update(&state, .undo)
        #expect(effects.isEmpty)
        #expect(state.message?.text == "nothing to undo")
        #expect(!isEnabled(.undo, state))
    }

    @Test("exclude with a reason stores the chosen reason")
    func excludeWithReason() throws {
        let (loop, session) = SampleSession.loop()
        loop.send(.excludeWithReason)
        loop.send(.key(.character("2")))
        let detail = try session.record(1)
        #expect(detail.label == .exclude)
        #expect(detail.reason == "wrong intervention")
        #expect(loop.state.mode == .normal)
    }

    @Test("a note typed into the prompt is saved on the shown record")
    func note() throws {
        let (loop, session) = SampleSession.loop()
        loop.send(.note)
        loop.send(.text("check dose \u{1B}[31mfigures"))
        loop.send(.key(.named(.enter)))
        #expect(try session.record(1).note == "check dose figures")
        let pager = PagerView.lines(loop.state, width: 80).map { String($0.map(\.character)) }
        #expect(pager.last == "Note: check dose figures")
    }

    @Test("a decision in the history view changes an earlier record")
    func reviseFromHistory() throws {
        let (loop, session) = SampleSession.loop()
        loop.send(.include)
        loop.send(.include)
        loop.send(.showHistory)
        loop.send(.moveDown)  // the first decision (record 1)
        #expect(loop.state.current?.id == 1)
        loop.send(.exclude)
        #expect(try session.record(1).label == .exclude)
        #expect(loop.state.selectedEvent?.recordID == 1)
        #expect(loop.state.overview.includes == 1)
    }

    @Test("search jumps to matches with n/N and a filter limits the list")
    func searchAndFilter() {
        let (loop, _) = SampleSession.loop()
        loop.send(.search)
        loop.send(.text("IMRT"))
        loop.send(.open)
        #expect(loop.state.search?.matches == [1, 7, 6])
        loop.send(.searchNext)
        #expect(loop.state.current?.id == 7)
        loop.send(.searchPrevious)
        #expect(loop.state.current?.id == 1)
        loop.send(.include)
        loop.send(.filter)
        loop.send(.text("include"))
        loop.send(.open)
        #expect(loop.state.page.total == 1)
        #expect(loop.render().text.contains("filter: include · 1"))
        loop.send(.clearFilter)
        #expect(loop.state.page.total == 7)
    }

    @Test("the decision is committed before the next frame is drawn")
    func commitBeforeDraw() {
        let log = CallLog()
        let session = LoggingSession(SampleSession.make(), log: log)
        let terminal = LoggingTerminal(size: Size(columns: 80, rows: 24), log: log)
        terminal.keys = [.character("i"), .character("q")]
        ScreeningApp.run(session: session, terminal: terminal)
        let decide = log.entries.firstIndex(of: "decide 1") ?? -1
        #expect(decide > 0)
        #expect(log.entries[decide...].contains("draw"))
        #expect(log.entries.last != "decide 1")
        #expect(log.entries.prefix(decide).filter { $0 == "draw" }.count == 1)
    }

    @Test("a failing session becomes a status message, not a crash")
    func failureIsAMessage() {
        let log = CallLog()
        let session = LoggingSession(SampleSession.make(), log: log)
        session.failDecisions = true
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.send(.include)
        #expect(loop.state.message?.isError == true)
        #expect(loop.state.current?.id == 1)
        #expect(loop.render().text.contains("disk full"))
    }

    @Test("include terms and exclusion reasons are edited from the UI and saved in the session")
    func editTermsAndReasons() throws {
        let (loop, session) = SampleSession.loop()
        loop.send(.editIncludeTerms)
        #expect(loop.render().line(23).contains("IMRT"))
        loop.send(.key(.control("u")))
        loop.send(.text("biochemical control, toxicit*"))
        loop.send(.open)
        #expect(try session.highlightTerms().include == ["biochemical control", "toxicit*"])
        let pager = PagerView.lines(loop.state, width: 80).flatMap { $0 }
        let styled = pager.filter { $0.style == Highlighter.includeStyle }.map(\.character)
        #expect(String(styled) == "biochemical controltoxicity")
        loop.send(.editReasons)
        loop.send(.key(.control("u")))
        loop.send(.text("animal study; wrong design"))
        loop.send(.key(.named(.enter)))
        #expect(try session.exclusionReasons() == ["animal study", "wrong design"])
    }
}
