import Foundation
import GRDB
import ReviewModel
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Duplicates never hide a distinct work")
struct DuplicateRuleTests {
    static func record(_ title: String, year: Int? = 2020, doi: String? = nil, pmid: String? = nil, line: Int)
        -> ImportedRecord
    {
        ImportedRecord(
            fields: ReferenceFields(title: title, abstract: "", year: year, doi: doi, pmid: pmid), line: line)
    }

    @Test("same title and year with different DOIs or PMIDs: both screened, linked as possible duplicates")
    func titleMatchContradicted() throws {
        let db = try ReviewDatabase.inMemory()
        let title = "Peer review report for: a randomised trial of exercise"
        let summary = try db.importBatch(
            input([
                Self.record(title, doi: "10.5194/abc-2020-1-rc1", line: 1),
                Self.record(title, doi: "10.5194/abc-2020-1-rc2", line: 5),  // another report: distinct
                Self.record(title, pmid: "123", line: 9),  // no DOI; its PMID contradicts nothing yet
                Self.record(title, doi: "https://doi.org/10.5194/ABC-2020-1-RC1", line: 13),  // same DOI: a duplicate
                Self.record("Another trial of exercise in older adults", pmid: "7", line: 17),
                Self.record("Another trial of exercise in older adults", pmid: "8", line: 21),  // PMIDs differ
            ]))
        #expect(summary.duplicateCount == 2)  // the PMID-only record joins by title; the rc1 copy by DOI
        #expect(summary.possibleDuplicateCount == 2)
        #expect(try db.status().screenable == 4)
        let possible = try db.possibleDuplicates()
        #expect(possible.map(\.state) == [.open, .open])
        #expect(possible.allSatisfy { $0.key.hasPrefix("title:") })
        let groups = try db.duplicateGroups()
        #expect(groups.count == 1)
        #expect(Set(groups[0].members.map { String($0.key.prefix(4)) }) == ["titl", "doi:"])
    }

    @Test(
        "property: copies of different works never share a group when both carry a DOI or both a PMID",
        arguments: 0..<20)
    func distinctWorksNeverMerge(seed: UInt64) throws {
        // Eight works under two colliding titles; each copy keeps its work's DOI and PMID or loses them.
        var random = SplitMix64(seed: seed)
        let titles = ["Effect of A on B in adults with long titles", "Effect of C on D in children with long titles"]
        var work: [Int: Int] = [:]
        let records = (0..<60).map { line -> ImportedRecord in
            let w = Int(random.next() % 8)
            work[line + 1] = w
            let doi = random.next() % 3 == 0 ? nil : "10.1000/work\(w)"
            let pmid = random.next() % 3 == 0 ? nil : "\(100 + w)"
            return Self.record(titles[w % 2], year: 2020, doi: doi, pmid: pmid, line: line + 1)
        }
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(records))
        for group in try db.duplicateGroups() {
            let members = try ([group.canonicalID] + group.members.map(\.recordID)).map { try db.record($0) }
            for a in members {
                for b in members where a.id < b.id && work[a.line] != work[b.line] {
                    #expect(
                        a.fields.doi == nil || b.fields.doi == nil, "group \(group.groupID): \(a.line) and \(b.line)")
                    #expect(
                        a.fields.pmid == nil || b.fields.pmid == nil, "group \(group.groupID): \(a.line) and \(b.line)")
                }
            }
        }
    }

    @Test("a review merged by an older tarsier is un-hidden where DOIs or PMIDs contradict the merge")
    func migrationSplits() throws {
        let path = try OldReview.make(
            upTo: "v7-decision-signal-ranks", records: 3,
            then: """
                INSERT INTO duplicateGroup (id, matchedOn) VALUES (1, 'title:x');
                INSERT INTO record (id, importBatchId, line, title, abstract, authors, keywords, meshTerms, urls, rawText, doi, year, duplicateGroupId, isCanonical)
                VALUES (1, 1, 1, 'Kidney disease in cardiology today', '', '[]', '[]', '[]', '[]', '', '10.1/a', 2010, 1, 1),
                       (2, 1, 5, 'Kidney disease in cardiology today', '', '[]', '[]', '[]', '[]', '', '10.1/b', 2010, 1, 0),
                       (3, 1, 9, 'Kidney disease in cardiology today', '', '[]', '[]', '[]', '[]', '', NULL, 2010, 1, 0);
                """)
        defer { OldReview.remove(path) }
        let db = try ReviewDatabase.open(path: path)
        #expect(try db.records().map(\.id) == [1, 2])
        #expect(try db.possibleDuplicates().map { [$0.recordID, $0.otherRecordID] } == [[2, 1]])
        #expect(try db.duplicateGroups().first?.members.map(\.recordID) == [3])
    }

    @Test("a wrong merge is split and a possible pair marked, each an event in an append-only log")
    func splitAndMark() throws {
        let db = try ReviewDatabase.inMemory()
        let title = "Kidney disease in cardiology: a narrative review"
        _ = try db.importBatch(
            input([
                Self.record(title, pmid: "1", line: 1), Self.record(title, line: 5),
                Self.record(title, pmid: "2", line: 9),
            ]))
        #expect(try db.status().screenable == 2)
        try db.splitDuplicate(2, assessor: "ann")
        #expect(try db.status().screenable == 3)
        #expect(throws: ReviewStoreError.self) { try db.splitDuplicate(2, assessor: "ann") }
        try db.markPossibleDuplicate(1, 3, duplicate: false, assessor: "ann")
        #expect(try db.possibleDuplicates().map(\.state) == [.distinct])
        try db.markPossibleDuplicate(3, 1, duplicate: true, assessor: "bob")
        #expect(try db.possibleDuplicates().map(\.state) == [.duplicate])
        #expect(try db.status().screenable == 2)
        #expect(throws: ReviewStoreError.self) { try db.markPossibleDuplicate(1, 2, duplicate: true, assessor: "bob") }
        #expect(throws: (any Error).self) { try db.writer.write { try $0.execute(sql: "DELETE FROM duplicateEvent") } }
    }
}
