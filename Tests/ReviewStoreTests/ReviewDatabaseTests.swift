import Foundation
import ReviewModel
import Testing

@testable import ReviewStore

/// Records for store tests: two distinct studies plus duplicates by DOI, PMID and title+year.
func sampleRecords() -> [ImportedRecord] {
    [
        ImportedRecord(
            fields: ReferenceFields(
                title: "Exercise for depression in adults: a randomised trial", abstract: "We randomised 200 adults.",
                authors: ["Smith, J"], year: 2010, doi: "10.1000/abc", pmid: "111"), line: 1),
        ImportedRecord(
            fields: ReferenceFields(
                title: "Café culture and naïve sleep patterns", abstract: "An observational study of sleep.",
                year: 2012, pmid: "222"), line: 9),
        ImportedRecord(
            fields: ReferenceFields(
                title: "Exercise for depression (duplicate by DOI)", abstract: "", doi: "https://doi.org/10.1000/ABC"),
            line: 17),
        ImportedRecord(
            fields: ReferenceFields(title: "Other title, same PMID", abstract: "x", pmid: "PMID: 222"), line: 20),
        ImportedRecord(
            fields: ReferenceFields(
                title: "EXERCISE FOR DEPRESSION IN ADULTS — A RANDOMISED TRIAL!", abstract: "", year: 2010), line: 25),
    ]
}

func input(_ records: [ImportedRecord], sha: String = "sha-1", labels: Bool = false) -> ImportBatchInput {
    ImportBatchInput(
        fileName: "sample.ris", format: .ris, sha256: sha, records: records,
        warnings: ["sample.ris:3: warning: unknown tag XX"], labelsAsDecisions: labels)
}

@Suite("Review database")
struct ReviewDatabaseTests {
    @Test("import stores records, groups duplicates by DOI, PMID and title+year, and counts them")
    func importGroupsDuplicates() throws {
        let db = try ReviewDatabase.inMemory()
        let summary = try db.importBatch(input(sampleRecords()))
        #expect(summary.recordCount == 5)
        #expect(summary.duplicateCount == 3)
        let status = try db.status()
        #expect(status.records == 5)
        #expect(status.duplicates == 3)
        #expect(status.duplicateGroups == 2)
        #expect(status.screenable == 2)
        #expect(status.undecided == 2)
        #expect(status.imports.first?.warnings == 1)
        let duplicates = try db.records(.duplicates)
        #expect(duplicates.map(\.line) == [17, 20, 25])
        #expect(Set(duplicates.compactMap(\.duplicateGroupID)).count == 2)
        #expect(try db.records().map(\.fields.pmid) == ["111", "222"])
    }

    @Test("screening texts list the canonical records only, with title, abstract and year")
    func screeningTexts() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let texts = try db.screeningTexts()
        #expect(texts.map(\.id) == (try db.records().map(\.id)))
        #expect(texts.first?.year == 2010)
        #expect(texts.last?.abstract == "An observational study of sleep.")
    }

    @Test("re-importing the same file is refused and changes nothing")
    func reimportRefused() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let before = try db.status()
        #expect(throws: ReviewStoreError.self) { try db.importBatch(input(sampleRecords())) }
        #expect(try db.status() == before)
    }

    @Test("decisions are append-only; undo and redo are new events that restore labels")
    func undoRedo() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let ids = try db.records().map(\.id)
        try db.decide(ids[0], .include, assessor: "ann", reason: nil, note: "fits")
        try db.decide(ids[0], .exclude, assessor: "ann", reason: "wrong population")
        try db.decide(ids[1], .maybe, assessor: "bob")
        #expect(try db.currentLabels() == [ids[0]: .exclude, ids[1]: .maybe])

        let undone = try db.undo(assessor: "ann")
        #expect(undone.kind == .undo)
        #expect(undone.label == .include)
        #expect(undone.note == "fits")
        #expect(try db.currentLabels()[ids[0]] == .include)
        try db.undo(assessor: "ann")
        #expect(try db.currentLabels()[ids[0]] == nil)
        #expect(throws: ReviewStoreError.nothingToUndo) { try db.undo(assessor: "ann") }

        try db.redo(assessor: "ann")
        #expect(try db.currentLabels()[ids[0]] == .include)
        try db.redo(assessor: "ann")
        #expect(try db.currentLabels()[ids[0]] == .exclude)
        #expect(throws: ReviewStoreError.nothingToRedo) { try db.redo(assessor: "ann") }
        // bob's decision is untouched by ann's undo history.
        #expect(try db.currentLabels()[ids[1]] == .maybe)
        #expect(try db.decisionLog().count == 7)

        // A new decision clears the redo stack.
        try db.undo(assessor: "ann")
        try db.decide(ids[1], .include, assessor: "ann")
        #expect(throws: ReviewStoreError.nothingToRedo) { try db.redo(assessor: "ann") }
    }

    @Test("the database refuses to edit or delete decision events")
    func appendOnlyTriggers() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let id = try #require(try db.records().first?.id)
        try db.decide(id, .include, assessor: "ann")
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "UPDATE decision SET label = 'exclude'") }
        }
        #expect(throws: (any Error).self) { try db.writer.write { try $0.execute(sql: "DELETE FROM decision") } }
        #expect(try db.currentLabels()[id] == .include)
    }

    @Test("labels in the file become decisions only when asked")
    func labelsAsDecisions() throws {
        var records = sampleRecords()
        records[0].label = .include
        records[1].label = .exclude
        let db = try ReviewDatabase.inMemory()
        let summary = try db.importBatch(input(records, labels: true))
        #expect(summary.decisionCount == 2)
        let status = try db.status()
        #expect(status.included == 1 && status.excluded == 1 && status.undecided == 0)
        let other = try ReviewDatabase.inMemory()
        #expect(try other.importBatch(input(records)).decisionCount == 0)
    }

    @Test("full-text search ignores case and diacritics and matches prefixes")
    func fullTextSearch() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let cafe = try db.search("cafe NAIVE")
        #expect(cafe.count == 1)
        #expect(try db.record(cafe[0]).fields.pmid == "222")
        #expect(try db.search("randomis").count == 1)  // duplicates are not returned
        #expect(try db.search("\"unbalanced ( AND").isEmpty)  // FTS5 syntax in user input is not an error
        #expect(try db.search("zzzz").isEmpty)
    }

    @Test("embeddings round-trip bit-exactly and report what is missing")
    func embeddings() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let ids = try db.records().map(\.id)
        let vector: [Float] = [0.5, -1.25, .pi, 1e-30]
        try db.saveEmbeddings([(ids[0], vector)], modelSHA256: "m1")
        #expect(try db.embeddings(modelSHA256: "m1") == [ids[0]: vector])
        #expect(try db.embeddingCount(modelSHA256: "m1") == 1)
        #expect(try db.recordsMissingEmbeddings(modelSHA256: "m1").map(\.id) == [ids[1]])
        #expect(try db.recordsMissingEmbeddings(modelSHA256: "m2").count == 2)
    }

    @Test("two connections to one file see each other's decisions and lose none")
    func twoAssessors() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("two-\(UUID()).tarsier").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try ReviewDatabase.create(path: path, topic: Topic(title: "Two"))
        let many = (0..<200).map { i in
            ImportedRecord(
                fields: ReferenceFields(title: "Distinct study number \(i) of many", abstract: "a"), line: i + 1)
        }
        _ = try first.importBatch(input(many))
        let second = try ReviewDatabase.open(path: path)
        let ids = try first.records().map(\.id)
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { for id in ids where id % 2 == 0 { try first.decide(id, .include, assessor: "ann") } }
            group.addTask { for id in ids where id % 2 == 1 { try second.decide(id, .exclude, assessor: "bob") } }
        }
        let labels = try first.currentLabels()
        #expect(labels.count == 200)
        #expect(try second.status().included == 100)
        #expect(try first.decisionLog().allSatisfy { ($0.assessor == "ann") == ($0.label == .include) })
    }

    @Test("opening a missing file or a non-review fails clearly")
    func openErrors() throws {
        #expect(throws: ReviewStoreError.noSuchReview("/nonexistent/x.tarsier")) {
            try ReviewDatabase.open(path: "/nonexistent/x.tarsier")
        }
    }
}

@Suite("Review database notes")
struct ReviewNotesTests {
    @Test("notes are per assessor, replaceable and removable")
    func notes() throws {
        let db = try ReviewDatabase.inMemory()
        _ = try db.importBatch(input(sampleRecords()))
        let id = try #require(try db.records().first?.id)
        try db.setNote(id, assessor: "ann", note: "check the control group")
        try db.setNote(id, assessor: "bob", note: "ok")
        try db.setNote(id, assessor: "ann", note: "control group is fine")
        #expect(try db.note(id, assessor: "ann") == "control group is fine")
        try db.setNote(id, assessor: "ann", note: "  ")
        #expect(try db.note(id, assessor: "ann") == nil)
        #expect(try db.note(id, assessor: "bob") == "ok")
        #expect(try db.decisionLog().isEmpty)
    }
}

@Suite("Stored JSON lists")
struct StoredJSONTests {
    @Test(
        "the hand-written JSON array encoder round-trips through JSONDecoder",
        arguments: [
            [], [""], ["Smith, J"], ["quote \" and \\ backslash", "line\nbreak\r\tand \u{01} control"],
            ["Ørsted — 日本語 🚀", "é\u{301}"],
        ])
    func roundTrip(values: [String]) throws {
        let text = ReviewDatabase.json(values)
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == values)
    }
}
