import Foundation
import GRDB
import ReviewModel
import Testing

@testable import ReviewStore

/// A record with an original-language title and an English one (EBSCO `T2`, RIS `TT`) keeps both:
/// the screen lists and ranks the English one, the stored title and raw text stay as imported.
@Suite("Translated titles")
struct TranslatedTitleTests {
    @Test("stored with the record; the screen's titles use it; title, raw text and duplicate keys keep the original")
    func storedAndShown() throws {
        let database = try ReviewDatabase.inMemory()
        var fields = ReferenceFields(title: "Pflegeinterventionen bei Delir", abstract: "Hintergrund.", year: 2019)
        fields.translatedTitle = "Nursing interventions for delirium"
        let raw = "TY  - JOUR\nT1  - Pflegeinterventionen bei Delir\nT2  - Nursing interventions for delirium\nER  - "
        let plain = ReferenceFields(title: "An English record", abstract: "Background.", year: 2020)
        _ = try database.importBatch(
            input([ImportedRecord(fields: fields, line: 1, raw: raw), ImportedRecord(fields: plain, line: 5)]))
        let texts = try database.screeningTexts()
        #expect(texts.map(\.title) == ["Nursing interventions for delirium", "An English record"])
        let stored = try database.record(texts[0].id)
        #expect(stored.fields.title == "Pflegeinterventionen bei Delir")
        #expect(stored.fields.translatedTitle == "Nursing interventions for delirium")
        #expect(stored.fields.shown.title == "Nursing interventions for delirium")
        #expect(stored.rawText == raw)
        #expect(try database.record(texts[1].id).fields.translatedTitle == nil)
        // The same work imported again under its original title joins the group.
        let summary = try database.importBatch(
            input(
                [ImportedRecord(fields: ReferenceFields(title: "Pflegeinterventionen bei Delir", year: 2019), line: 1)],
                sha: "sha-2"))
        #expect(summary.duplicateCount == 1)
    }
}
