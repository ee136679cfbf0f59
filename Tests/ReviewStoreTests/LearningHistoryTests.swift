import Foundation
import ReviewModel
import TeamScreening
import Testing

@testable import ReviewStore

@Suite("Learning history: labels and stored signal ranks")
struct LearningHistoryTests {
    @Test("each decision keeps the signal ranks it was shown with; the first decision's ranks stand")
    func signalRanksStored() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let ids = try db.records().map(\.id)
        let first = [
            "bm25": SignalObservation(rank: 3, openCount: 2), "tfidf-lr": SignalObservation(rank: 1.5, openCount: 2),
        ]
        try db.decide(
            ids[0], .include, assessor: "ann", provenance: DecisionProvenance(rankShown: 1, signalRanks: first))
        try db.decide(ids[1], .exclude, assessor: "ann")
        // A later change of mind keeps the ranks the record was first shown with.
        try db.decide(
            ids[0], .exclude, assessor: "ann",
            provenance: DecisionProvenance(signalRanks: ["bm25": SignalObservation(rank: 1, openCount: 1)]))
        let history = try db.learningHistory()
        #expect(history.map(\.recordID) == [ids[1], ids[0]])
        #expect(history.map(\.label) == [.exclude, .exclude])
        #expect(history[1].signalRanks == first)
        #expect(history[0].signalRanks.isEmpty)
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM decisionSignal") }
        }
    }

    @Test("dual screening: the ranker learns the team's label (any include vote counts until resolved)")
    func dualLearning() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        try db.setTeamSettings(TeamSettings(mode: .dual))
        let ids = try db.records().map(\.id)
        try db.decide(ids[0], .exclude, assessor: "ann")
        try db.decide(ids[0], .include, assessor: "bob")  // conflict: relevant for now
        try db.decide(ids[1], .exclude, assessor: "ann")  // one vote
        #expect(try db.learningHistory().map(\.label) == [.include, .exclude])
        try db.resolve(ids[0], .exclude, assessor: "lee")
        #expect(Set(try db.learningHistory().map(\.label)) == [.exclude])
    }
}
