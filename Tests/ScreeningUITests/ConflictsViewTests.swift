import ReviewModel
import ScreeningUI
import Testing

/// The lead's Conflicts view as a pure core over an in-memory session: both votes side by side
/// with reasons and notes, one key per final label, resolved records leave the list, and the
/// view is offered only to a lead.
@Suite("Conflicts view")
struct ConflictsViewTests {
    static func lead() -> (EventLoop, InMemoryScreeningSession) {
        let session = SampleSession.make()
        session.isLead = true
        session.conflictEntries = [
            ConflictEntry(
                id: 2, title: "Comparative effectiveness of proton beam and photon radiotherapy",
                abstract: "We compared proton beam therapy with photon radiotherapy in a cohort.",
                votes: [
                    .init(assessor: "ann", label: .include, note: "cohort, but matched"),
                    .init(assessor: "bob", label: .exclude, reason: "wrong design"),
                ]),
            ConflictEntry(
                id: 5, title: "Quality of life after proton therapy", abstract: "A survey.",
                votes: [.init(assessor: "ann", label: .exclude), .init(assessor: "bob", label: .maybe)]),
        ]
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        return (loop, session)
    }

    @Test("the votes are side by side with their reason and note; the screen is pinned")
    func votes() {
        let (loop, _) = Self.lead()
        loop.send(.showConflicts)
        let screen = loop.render()
        assertSnapshot(screen.text, named: "conflicts80x24")
        let votesRow = (0..<24).first { screen.line($0).hasPrefix("ann include") } ?? -1
        #expect(votesRow > 0)
        #expect(screen.line(votesRow).contains("bob exclude"))
        #expect(screen.line(votesRow + 1).contains("note: cohort, but matched"))
        #expect(screen.line(votesRow + 1).contains("reason: wrong design"))
        #expect(screen.text.contains("▶ #2 Comparative effectiveness"))
    }

    @Test("include, exclude and maybe resolve the selected conflict, which leaves the list")
    func resolve() {
        let (loop, session) = Self.lead()
        loop.send(.showConflicts)
        loop.send(.moveDown)
        loop.send(.maybe)
        #expect(session.resolutions.map(\.id) == [5])
        #expect(session.resolutions.map(\.label) == [.maybe])
        #expect(loop.state.conflicts.map(\.id) == [2])
        #expect(loop.state.message?.text == "#5 resolved as maybe")
        loop.send(.exclude)
        #expect(session.resolutions.map(\.id) == [5, 2])
        #expect(loop.state.conflicts.isEmpty)
        #expect(loop.render().text.contains("No conflicts waiting"))
        // Nothing left: the keys do nothing and say why.
        loop.send(.include)
        #expect(session.resolutions.count == 2)
        #expect(loop.state.message?.text == "no conflict waiting")
        // No undo of a resolution from the screen.
        loop.send(.undo)
        #expect(session.resolutions.count == 2)
    }

    @Test("an assessor who is not a lead is not offered the view; Tab skips it")
    func notALead() {
        let (loop, session) = SampleSession.loop()
        session.conflictEntries = Self.lead().1.conflictEntries
        loop.send(.showConflicts)
        #expect(loop.state.view == .queue)
        #expect(loop.state.message?.text == "only a lead resolves conflicts (screen --lead)")
        for _ in 0..<2 { loop.send(.nextView) }
        #expect(loop.state.view == .stats)
        loop.send(.nextView)
        #expect(loop.state.view == .queue)
        #expect(!loop.render().line(0).contains("Conflicts"))
        let (lead, _) = Self.lead()
        for _ in 0..<3 { lead.send(.nextView) }
        #expect(lead.state.view == .conflicts)
    }
}
