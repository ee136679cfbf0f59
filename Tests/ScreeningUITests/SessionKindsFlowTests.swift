import Foundation
import ReviewModel
import Ranking
import ReviewSession
import ReviewStore
import ScreeningUI
import Testing

/// The decision flows through the event loop, run against both sessions the screen can have: the
/// in-memory one the UI tests use and the one backed by a real review database (the
/// `ReviewSession` library, synchronous, BM25 on the topic so its ranking is fixed).
@Suite("Decision flows on both sessions")
struct SessionKindsFlowTests {
    enum Kind: String, CaseIterable, Sendable { case inMemory, database }

    static func session(_ kind: Kind) throws -> any ScreeningSession {
        switch kind {
        case .inMemory:
            return SampleSession.make()
        case .database:
            let database = try ReviewDatabase.inMemory(
                topic: Topic(title: "Proton beam therapy versus other radiotherapy", query: "proton beam therapy"))
            let records = SampleSession.records.enumerated().map { index, record in
                ImportedRecord(
                    fields: ReferenceFields(
                        title: record.0, abstract: record.1, authors: record.2, journal: record.3, year: record.4,
                        doi: "10.1000/sample.\(index + 1)", pmid: String(15_230_000 + index)),
                    line: index * 10 + 1)
            }
            _ = try database.importBatch(
                ImportBatchInput(fileName: "sample.ris", format: .ris, sha256: "sample", records: records, warnings: [])
            )
            return try ReviewScreeningSession(
                database: database, assessor: "alice", configuration: CycleConfiguration(ranker: .bm25, seed: 1),
                synchronous: true)
        }
    }

    static func loop(_ kind: Kind) throws -> (EventLoop, any ScreeningSession, [Int64]) {
        let session = try session(kind)
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        let order = try session.queue(QueueFilter(status: .undecided), offset: 0, limit: 100).entries.map(\.id)
        return (loop, session, order)
    }

    @Test("include commits, moves to the next ranked record and counts it", arguments: Kind.allCases)
    func includeAdvances(kind: Kind) throws {
        let (loop, session, order) = try Self.loop(kind)
        #expect(loop.state.current?.id == order[0])
        loop.send(.include)
        #expect(try session.record(order[0]).label == .include)
        #expect(loop.state.current?.id == order[1])
        #expect(loop.state.overview.screened == 1)
        #expect(loop.state.page.total == order.count - 1)
    }

    @Test("undo brings the record back and redo re-applies it, as new log events", arguments: Kind.allCases)
    func undoRedo(kind: Kind) throws {
        let (loop, session, order) = try Self.loop(kind)
        loop.send(.exclude)
        loop.send(.undo)
        #expect(try session.record(order[0]).label == nil)
        #expect(loop.state.current?.id == order[0])
        #expect(loop.state.overview.canRedo)
        loop.send(.redo)
        #expect(try session.record(order[0]).label == .exclude)
        #expect(try session.history(limit: 10).map(\.kind) == [.redo, .undo, .decision])
    }

    @Test(
        "exclude with a reason stores the reason; a typed note is saved on the shown record", arguments: Kind.allCases)
    func reasonAndNote(kind: Kind) throws {
        let (loop, session, order) = try Self.loop(kind)
        loop.send(.excludeWithReason)
        loop.send(.key(.character("2")))
        let detail = try session.record(order[0])
        #expect(detail.label == .exclude)
        #expect(detail.reason == "wrong intervention")
        let shown = try #require(loop.state.current?.id)
        loop.send(.note)
        loop.send(.text("check the full text"))
        loop.send(.key(.named(.enter)))
        #expect(try session.record(shown).note == "check the full text")
    }
}
