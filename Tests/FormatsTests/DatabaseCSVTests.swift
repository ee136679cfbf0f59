import Foundation
import Testing

@testable import Formats

/// Real CSV exports of bibliographic databases map onto tarsier's fields; a data column that maps
/// to nothing is named once.
@Suite("Database CSV exports")
struct DatabaseCSVTests {
    @Test("Scopus: authors, source title, page start/end, PubMed ID, DOI, index keywords; nothing silently dropped")
    func scopus() throws {
        let result = try Importer.read(url: SampleFiles.url("scopus/litstudy/scopus_v2.csv"))
        #expect(result.format == .csv)
        #expect(result.records.count == 20)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first?.fields)
        #expect(first.title.hasPrefix("Gender-specific visual perturbation effects on muscle activation"))
        #expect(first.authors == ["Hao J.", "High R.", "Siu K.-C."])
        #expect(first.journal == "Ergonomics")
        #expect(first.year == 2023 && first.volume == "66" && first.pages == "704-715")
        #expect(first.pmid == "35965444" && first.doi == "10.1080/00140139.2022.2113152")
        #expect(result.records.contains { !$0.fields.meshTerms.isEmpty })  // Index Keywords
        #expect(result.records.allSatisfy { $0.sourceID?.hasPrefix("2-s2.0-") == true })  // EID
    }

    @Test("PubMed CSV: comma-separated authors, Journal/Book, PMID, year")
    func pubmed() throws {
        let result = try Importer.read(
            url: SampleFiles.url("pubmed-csv/qs-global-ortho-search-queries/csv-googletipa-set.csv"))
        #expect(result.records.count == 51)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first?.fields)
        #expect(first.title == "Dermatology on Google")
        #expect(first.authors == ["Hill MK", "Patel RR", "Anand P", "Dellavalle RP."])
        #expect(first.journal == "Dermatol Online J" && first.year == 2018 && first.pmid == "29906016")
    }

    @Test("a column holding data that no field takes is one warning naming it; empty or known columns are silent")
    func unmappedColumns() throws {
        let csv = "title,abstract,Funding Agency,Cited by,Notes\nA,B,NIH,3,\nC,D,,5,\n"
        let result = try Importer.read(data: Data(csv.utf8), fileName: "x.csv")
        #expect(
            result.diagnostics.map(\.description) == [
                "x.csv:1: warning: column \"Funding Agency\" is not imported (no field holds it)"
            ])
        // CINAHL writes dates as ="4/3/2024": the year is read from the date when there is no year column.
        let cinahl = "Title,Abstract,Journal Title,Publication Date\nT,A,J Nurs,\"=\"\"4/3/2024\"\"\"\n"
        let record = try #require(try Importer.read(data: Data(cinahl.utf8), fileName: "c.csv").records.first)
        #expect(record.fields.year == 2024 && record.fields.journal == "J Nurs")
    }
}

@Suite("RIS vendor tags")
struct RISVendorTagTests {
    @Test("Embase C5 and Cochrane C3 hold the PMID; Zoological Record PS the pages")
    func vendorTags() throws {
        // The real Embase export: 3 records carry C5.
        let embase = try Importer.read(url: SampleFiles.url("ris/asreview-tests/embase.ris"))
        #expect(embase.records.compactMap(\.fields.pmid).sorted() == ["15368318", "21218094", "30396417"])
        // Hand-made records in the Cochrane CENTRAL and Zoological Record layouts (no real export
        // of either is available here).
        let ris = """
            TY  - JOUR
            TI  - Cochrane CENTRAL record
            C3  - PUBMED 31234567
            ER  - 

            TY  - JOUR
            TI  - Zoological Record record
            PS  - 101-117
            ER  - 

            """
        let result = try Importer.read(data: Data(ris.utf8), fileName: "v.ris")
        #expect(result.records.map(\.fields.pmid) == ["31234567", nil])
        #expect(result.records.map(\.fields.pages) == [nil, "101-117"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
