import Foundation
import GRDB
import ReviewModel
import TeamScreening
import Testing

@testable import ReviewStore

@Suite("Team screening in the review file")
struct TeamStoreTests {
    /// A review with the two sample studies, in dual mode.
    static func dualReview() throws -> (ReviewDatabase, [Int64]) {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        try db.setTeamSettings(TeamSettings(mode: .dual))
        return (db, try db.records().map(\.id))
    }

    @Test("dual votes that disagree are a conflict; the lead's resolve event makes the final label")
    func conflictAndResolution() throws {
        let (db, ids) = try Self.dualReview()
        try db.decide(ids[0], .include, assessor: "ann")
        try db.decide(ids[0], .exclude, assessor: "bob", reason: "wrong population")
        try db.decide(ids[1], .exclude, assessor: "ann")
        var summary = try db.teamSummary()
        #expect(summary.conflicts.map(\.recordID) == [ids[0]])
        #expect(summary.conflicts.first?.votes.map(\.reason) == [nil, "wrong population"])
        let event = try db.resolve(ids[0], .include, assessor: "lee", reason: "meets the criteria")
        #expect(event.kind == .resolve)
        summary = try db.teamSummary()
        #expect(summary.conflicts.isEmpty)
        #expect(summary.finalLabels == [ids[0]: .include])
        #expect(summary.conflictsResolved == 1)
        #expect(try db.decisionLog().last?.kind == .resolve)
    }

    @Test("resolving a record that is not in conflict is refused and changes nothing")
    func resolveRefused() throws {
        let (db, ids) = try Self.dualReview()
        try db.decide(ids[0], .include, assessor: "ann")
        let before = try db.decisionLog()
        #expect(
            throws: ReviewStoreError.teamRule("record \(ids[0]) is not in conflict, so there is nothing to resolve")
        ) {
            try db.resolve(ids[0], .include, assessor: "lee")
        }
        #expect(throws: ReviewStoreError.noSuchRecord(9_999)) { try db.resolve(9_999, .include, assessor: "lee") }
        #expect(try db.decisionLog() == before)
    }

    @Test("a change of mode that would make decisions ambiguous is refused; the settings stay")
    func modeChanges() throws {
        let (db, ids) = try Self.dualReview()
        #expect(try db.teamSettings().blind)  // dual defaults to blind
        try db.decide(ids[0], .include, assessor: "ann")
        try db.decide(ids[0], .exclude, assessor: "bob")
        #expect(throws: ReviewStoreError.self) { try db.setTeamSettings(TeamSettings(mode: .single)) }
        #expect(try db.teamSettings().mode == .dual)
        // Settings other than the mode may change at any time.
        try db.setTeamSettings(TeamSettings(mode: .dual, blind: false))
        #expect(try db.teamSettings().blind == false)

        let single = try ReviewDatabase.inMemory()
        _ = try single.importBatch(input(sampleRecords()))
        let record = try single.records()[0].id
        try single.decide(record, .include, assessor: "ann")
        try single.setTeamSettings(TeamSettings(mode: .verified))  // one assessor per record so far: fine
        try single.setTeamSettings(TeamSettings(mode: .single))
        try single.decide(record, .exclude, assessor: "bob")
        #expect(throws: ReviewStoreError.self) { try single.setTeamSettings(TeamSettings(mode: .dual)) }
    }

    @Test("a review made before resolve events migrates: every event kept, resolve allowed, the log still append-only")
    func migration() throws {
        let path = try OldReview.make(
            upTo: "v3-screening-indexes", records: 1,
            then: """
                INSERT INTO record (id, importBatchId, line, title, abstract, authors, keywords, meshTerms, urls, rawText)
                VALUES (1, 1, 1, 'Hedgehog hibernation', 'hedgehogs', '[]', '[]', '[]', '[]', '');
                INSERT INTO decision (recordId, kind, label, assessor, decidedAt, pickedBy, rankShown)
                VALUES (1, 'decide', 'include', 'ann', '2026-01-02', 'rank', 1);
                INSERT INTO decision (recordId, kind, label, assessor, decidedAt)
                VALUES (1, 'decide', 'exclude', 'bob', '2026-01-03');
                """)
        defer { OldReview.remove(path) }
        let db = try ReviewDatabase.open(path: path)
        let log = try db.decisionLog()
        #expect(log.map(\.assessor) == ["ann", "bob"])
        #expect(log.first?.pickedBy == .rank && log.first?.rankShown == 1)
        // bob overrode ann in single mode: dual screening would make that ambiguous.
        #expect(throws: ReviewStoreError.self) { try db.setTeamSettings(TeamSettings(mode: .dual)) }
        try db.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO decision (recordId, kind, label, assessor, decidedAt) VALUES (1, 'resolve', 'include', 'lee', '2026-01-04')"
            )
        }
        #expect(try db.decisionLog().last?.kind == .resolve)
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "UPDATE decision SET label = 'maybe'") }
        }
        #expect(throws: (any Error).self) { try db.writer.write { try $0.execute(sql: "DELETE FROM decision") } }
        #expect(throws: (any Error).self) {
            try db.writer.write {
                try $0.execute(
                    sql:
                        "INSERT INTO decision (recordId, kind, assessor, decidedAt) VALUES (1, 'vote', 'x', '2026-01-05')"
                )
            }
        }
        #expect(try db.decisionLog().count == 3)
        #expect(try db.integrityReport().isOK)
    }
}
