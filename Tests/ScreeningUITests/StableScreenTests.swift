import Foundation
import Ranking
import ReviewModel
import ReviewSession
import ReviewStore
import ScreeningUI
import TestSupport
import Testing

/// The record on screen never changes without a key press: while rankings, progress and another
/// assessor's decisions arrive, the selected record, the pager (record and scroll) and the list
/// around it stay exactly as they were; a key press is what moves on.
@Suite("The screen holds still between key presses")
struct StableScreenTests {
    /// What a reader sees: the record in the pager, where it is scrolled, the selected row and the
    /// rows loaded around it.
    struct Seen: Equatable {
        var record: Int64?
        var scroll: Int
        var selected: Int64?
        var position: Int
        var rows: [Int64]
        var view: ViewKind

        init(_ state: AppState) {
            record = state.current?.id
            scroll = state.pagerScroll
            selected = state.selectedEntry?.id
            position = state.queueCursor.position
            rows = state.page.entries.map(\.id)
            view = state.view
        }
    }

    static let keys: [Action] = [
        .moveDown, .moveUp, .include, .exclude, .maybe, .scrollPagerDown, .first, .undo, .redo, .pageDown,
        .nextView, .showQueue,
    ]

    @Test("in memory: rankings and progress arriving between 400 random key presses change nothing on screen")
    func inMemory() throws {
        let session = EventLoopTests.rankedSession()
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        var random = SplitMix64(seed: 21)
        var version = 1
        var arrived = 0
        for _ in 0..<400 {
            if Bool.random(using: &random) {
                let seen = Seen(loop.state)
                if Bool.random(using: &random) {
                    version += 1
                    let scores = Dictionary(
                        (0..<20).map { _ in
                            (Int64.random(in: 1...300, using: &random), Double.random(in: -2...2, using: &random))
                        }, uniquingKeysWith: { a, _ in a })
                    session.rerank(scores: scores, modelVersion: version)
                    arrived += 1
                } else {
                    session.setBackgroundProgress(
                        retraining: Bool.random(using: &random), embeddingsDone: Int.random(in: 0...300, using: &random)
                    )
                }
                #expect(loop.drainNotifications())
                #expect(Seen(loop.state) == seen)
            } else {
                loop.send(Self.keys.randomElement(using: &random) ?? .moveDown)
            }
        }
        #expect(arrived > 50)
        // Rankings were followed at picks along the way (not only kept waiting).
        #expect((loop.state.overview.modelVersion ?? 0) > 1)
    }

    /// A review database with 120 invented records on two subjects, and a topic.
    static func review() throws -> ReviewDatabase {
        let database = try ReviewDatabase.inMemory(
            topic: Topic(title: "Proton beam therapy for cancer", query: "proton beam therapy"))
        let records = (0..<120).map { index in
            let proton = index % 4 == 0
            return ImportedRecord(
                fields: ReferenceFields(
                    title: proton
                        ? "Proton beam therapy in cohort \(index) of cancer patients"
                        : "Hospital parking fees survey \(index)",
                    abstract: proton
                        ? "Outcomes and toxicity of proton beam radiotherapy, study \(index % 7)."
                        : "Costs of car parking at hospitals, region \(index % 5).",
                    year: 2000 + index % 20, pmid: String(40_000_000 + index)),
                line: index * 10 + 1)
        }
        _ = try database.importBatch(
            ImportBatchInput(fileName: "sample.ris", format: .ris, sha256: "sample", records: records, warnings: []))
        return database
    }

    @Test(
        "on a review file: rankings and another assessor's decisions arriving between 200 key presses change nothing on screen; the record decided elsewhere is marked"
    )
    func reviewFile() throws {
        let database = try Self.review()
        let configuration = CycleConfiguration(ranker: .hybrid, minimumDocumentFrequency: 1, seed: 1)
        let alice = try ReviewScreeningSession(
            database: database, assessor: "alice", configuration: configuration, synchronous: true)
        let bob = try ReviewScreeningSession(
            database: database, assessor: "bob", configuration: configuration, synchronous: true)
        let loop = EventLoop(session: alice, size: Size(columns: 80, rows: 24))
        loop.start()
        var random = SplitMix64(seed: 5)
        var marked = 0
        var rankings = 0
        for _ in 0..<200 {
            guard loop.state.current != nil else { break }
            if Bool.random(using: &random) {
                let seen = Seen(loop.state)
                if Bool.random(using: &random) {
                    // Bob decides a record: often the one Alice is reading.
                    let undecided = try bob.queue(QueueFilter(status: .undecided), offset: 0, limit: 500).entries
                    let target =
                        Bool.random(using: &random)
                        ? loop.state.current?.id : undecided.randomElement(using: &random)?.id
                    guard let target else { continue }
                    try bob.decide(target, Bool.random(using: &random) ? .include : .exclude, reason: nil, note: nil)
                    loop.send(.sessionChanged)  // what Alice's watcher posts
                    #expect(Seen(loop.state) == seen)
                    if target == seen.record {
                        #expect(loop.state.current?.decidedElsewhere?.assessor == "bob")
                        marked += 1
                    }
                } else {
                    // A ranking arrives (Alice's worker retrains on the review as it is now).
                    try alice.refresh()
                    #expect(loop.drainNotifications())
                    #expect(Seen(loop.state) == seen)
                    rankings += 1
                }
            } else {
                loop.send(Self.keys.randomElement(using: &random) ?? .moveDown)
                // After a pick the list holds no record decided elsewhere (only ones marked
                // since the list was picked are still listed, and only until the next pick).
                if loop.state.view == .queue, loop.state.current?.decidedElsewhere == nil,
                    let current = loop.state.current
                {
                    #expect(try database.record(current.id).label == nil || current.label != nil)
                }
            }
        }
        #expect(marked > 5 && rankings > 20)
    }

    @Test("a pick takes in another assessor's decisions: the marked record leaves the list")
    func pickTakesInOthers() throws {
        let database = try Self.review()
        let configuration = CycleConfiguration(ranker: .bm25, seed: 1)
        let alice = try ReviewScreeningSession(
            database: database, assessor: "alice", configuration: configuration, synchronous: true)
        let bob = try ReviewScreeningSession(
            database: database, assessor: "bob", configuration: configuration, synchronous: true)
        let loop = EventLoop(session: alice, size: Size(columns: 80, rows: 24))
        loop.start()
        let reading = try #require(loop.state.current?.id)
        let second = try #require(loop.state.page.entry(at: 1)?.id)
        try bob.decide(second, .include, reason: nil, note: nil)
        try bob.decide(reading, .exclude, reason: nil, note: nil)
        loop.send(.sessionChanged)
        #expect(loop.state.current?.id == reading)
        #expect(loop.state.current?.decidedElsewhere == RecordDetail.OtherDecision(assessor: "bob", label: .exclude))
        #expect(loop.render().text.contains("bob decided exclude on this record meanwhile"))
        #expect(loop.state.page.entry(at: 1)?.id == second && loop.state.page.entry(at: 1)?.label == .include)
        // Alice agrees and moves on: both records bob decided are gone from her list.
        loop.send(.exclude)
        #expect(loop.state.current?.id != second)
        #expect(try alice.position(of: second, in: .undecided) == nil)
        #expect(try alice.position(of: reading, in: .undecided) == nil)
        #expect(loop.state.current?.decidedElsewhere == nil)
    }
}
