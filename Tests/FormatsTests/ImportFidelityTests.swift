import Foundation
import TestSupport
import Testing

@testable import Formats

/// Issue #14, remaining parts: Web of Science tab-delimited (UTF-16 and UTF-8), Embase CSV (with
/// and without the SEARCH QUERY preamble), OpenAlex CSV, and vendor tags that must stay silent.
@Suite("Import fidelity: database exports")
struct ImportFidelityTests {
    /// The three records every Web of Science copy holds (the first three of the real export).
    func expectWebOfScience(_ result: ImportResult) throws {
        #expect(result.format == .csv)
        #expect(result.records.count == 3)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first)
        #expect(first.fields.title.hasPrefix("Knowledge networks as channels and conduits: The effects of spillovers"))
        #expect(first.fields.authors == ["Owen-Smith, J", "Powell, WW"])
        #expect(first.fields.journal == "ORGANIZATION SCIENCE")
        #expect(first.fields.abstract.hasPrefix("We contend that two important, nonrelational, features"))
        #expect(first.fields.year == 2004 && first.fields.volume == "15" && first.fields.issue == "1")
        #expect(first.fields.pages == "5-21" && first.fields.doi == "10.1287/orsc.1030.0054")
        #expect(
            first.fields.keywords.contains("knowledge networks") && first.fields.keywords.contains("INCREASING RETURNS")
        )
        #expect(first.fields.type == "JOUR" && first.fields.language == "English")
        #expect(first.sourceID == "WOS:000220015600001")
        #expect(result.records[1].fields.pages == "D561-D565")
    }

    @Test("Web of Science tab-delimited, UTF-16 LE with BOM: detected, field tags mapped, nothing warned")
    func webOfScienceUTF16() throws {
        let url = SampleFiles.url("wos/wosfile/wos_tab_delimited_win_utf16.txt")
        #expect(try FormatDetector.detect(url: url) == .csv)
        try expectWebOfScience(try Importer.read(url: url))
    }

    @Test("Web of Science tab-delimited, UTF-8 with BOM: the same records")
    func webOfScienceUTF8() throws {
        try expectWebOfScience(try Importer.read(url: SampleFiles.url("wos/wosfile/wos_tab_delimited_utf8.txt")))
    }

    @Test("Web of Science tab-delimited: quotes are text, a tag no field holds is one warning naming it")
    func webOfScienceUnknownColumn() throws {
        // Hand-made rows in the export's layout (PT … UT, a trailing tab on data rows).
        let tsv =
            "PT\tAU\tTI\tSO\tPY\tPM\tXY\tQQ\tUT\tFX\tWE\r\n"
            + "J\tLee, A; Kim, B\t\"Blood\" and bone\tJ X\t2020\t31234567\tx\ty\tWOS:1\tgrant\tSCI\t\r\n"
            + "J\tLee, A\tSecond\tJ X\t2021\t\tx\t\tWOS:2\t\t\t\r\n"
        let result = try Importer.read(data: Data(tsv.utf8), fileName: "w.txt")
        #expect(result.records.map(\.fields.title) == ["\"Blood\" and bone", "Second"])
        #expect(result.records.first?.fields.authors == ["Lee, A", "Kim, B"])
        #expect(result.records.first?.fields.pmid == "31234567")
        #expect(
            result.diagnostics.map(\.description) == [
                "w.txt:1: warning: columns \"XY\", \"QQ\" are not imported (no field holds them)"
            ])
    }

    @Test("Embase CSV (older layout): authors, Emtree terms with subheadings, Source split into journal/year/pages")
    func embase() throws {
        let result = try Importer.read(url: SampleFiles.url("embase/asreview/embase.csv"))
        #expect(result.records.count == 3)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first?.fields)
        #expect(first.title == "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound")
        #expect(first.authors == ["Liu R.", "Adler D.G."])
        #expect(first.journal == "Endoscopic Ultrasound" && first.year == 2014)
        #expect(first.volume == "3" && first.issue == "3" && first.pages == "152-160")
        #expect(first.meshTerms.contains("bronchogenic duplication cyst (diagnosis, surgery)"))
        #expect(first.meshTerms.contains("endoscopic ultrasonography"))
        let third = result.records[2].fields
        #expect(third.journal == "International Journal of Surgery Case Reports" && third.volume == "54")
        #expect(third.issue == nil && third.pages == "83-86")
    }

    @Test("Embase CSV with a SEARCH QUERY preamble: skipped with one warning; Medline PMID, DOI and pages mapped")
    func embasePreamble() throws {
        // Hand-made in the layout of Embase's current CSV export (no real export with the preamble
        // is available here): the query and a blank line above the header.
        let csv = """
            "SEARCH QUERY","('kidney transplantation'/exp OR 'kidney graft':ti,ab) AND 'coronary angiography'/exp"
            "RESULTS","2"

            "Title","Author Names","Source title","Publication Year","Volume","Issue","First Page","Last Page",\
            "Abstract","Author Keywords","Emtree Drug Index Terms","Emtree Medical Index Terms",\
            "Emtree Medical Index Terms (Major Focus)","Article Language","Embase Accession ID","Medline PMID",\
            "PUI","DOI","Embase Link","Open URL Link","Copyright"
            "Screening before kidney transplantation","Smith J., Lee A.","Transplantation","2020","104","3",\
            "501","509","An abstract.","screening, angiography","","kidney transplantation, coronary angiography \
            (diagnosis, procedure)","coronary angiography","English","L2004123456","31234567","2004123456",\
            "10.1097/TP.0000000000001234","https://www.embase.com/x","http://sfx/x","Copyright 2020"
            "Second record","Roe R.","Am J Transplant","2019","19","","","","","","","","","English",\
            "L2001234567","","2001234567","","","",""

            """
        let result = try Importer.read(data: Data(csv.utf8), fileName: "embase.csv")
        #expect(result.format == .csv)
        #expect(result.records.count == 2)
        #expect(
            result.diagnostics.map(\.description) == [
                "embase.csv:1: warning: skipped 3 lines above the header (a preamble starting “SEARCH QUERY "
                    + "('kidney transplantation'/exp OR 'kidney graft'”)"
            ])
        let first = try #require(result.records.first)
        #expect(first.fields.pmid == "31234567" && first.fields.doi == "10.1097/TP.0000000000001234")
        #expect(first.fields.authors == ["Smith J.", "Lee A."])
        #expect(
            first.fields.journal == "Transplantation" && first.fields.year == 2020 && first.fields.pages == "501-509")
        #expect(first.fields.keywords == ["screening", "angiography"])
        #expect(
            first.fields.meshTerms == [
                "kidney transplantation", "coronary angiography (diagnosis, procedure)", "coronary angiography",
            ])
        #expect(first.fields.language == "English" && first.sourceID == "L2004123456")
        #expect(result.records[1].fields.pmid == nil && result.records[1].line == 6)
    }

    @Test("OpenAlex CSV: URLs as ids, |-separated authors, source name, abstract rebuilt from the inverted index")
    func openAlex() throws {
        // Hand-made in the layout of OpenAlex's CSV export (no real export is available here).
        let csv = """
            id,doi,title,display_name,publication_year,publication_date,ids.pmid,language,\
            primary_location.source.display_name,type,authorships.author.display_name,biblio.volume,biblio.issue,\
            biblio.first_page,biblio.last_page,cited_by_count,concepts.display_name,abstract_inverted_index
            https://openalex.org/W1,https://doi.org/10.1000/ABC.1,Inverted abstracts,Inverted abstracts,2021,\
            2021-03-01,https://pubmed.ncbi.nlm.nih.gov/31234567,en,Journal of Tests,article,Ann Lee|Bo Kim,7,2,\
            10,19,5,Biology|Chemistry,"{""Screening"": [0], ""is"": [1, 4], ""what"": [2], ""it"": [3], ""done."": [5]}"
            https://openalex.org/W2,,Python literal,Python literal,2020,,,en,,article,Cy Roe,,,,,0,,\
            "{'Don\\'t': [1], 'Start': [0]}"

            """
        let result = try Importer.read(data: Data(csv.utf8), fileName: "works.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first)
        #expect(first.sourceID == "https://openalex.org/W1")
        #expect(first.fields.doi == "10.1000/ABC.1" && first.fields.pmid == "31234567")
        #expect(first.fields.title == "Inverted abstracts" && first.fields.year == 2021)
        #expect(first.fields.authors == ["Ann Lee", "Bo Kim"] && first.fields.journal == "Journal of Tests")
        #expect(first.fields.volume == "7" && first.fields.issue == "2" && first.fields.pages == "10-19")
        #expect(first.fields.abstract == "Screening is what it is done.")
        #expect(result.records[1].fields.abstract == "Start Don't")
    }

    @Test("OpenAlex authorships JSON and display_name alone")
    func openAlexAuthorships() throws {
        let csv = """
            display_name,authorships,abstract_inverted_index
            A work,"[{""author"": {""display_name"": ""Ann Lee""}, ""institutions"": [{""display_name"": ""U""}]}]",
            """
        let result = try Importer.read(data: Data(csv.utf8), fileName: "w.csv")
        #expect(result.records.first?.fields.title == "A work")
        #expect(result.records.first?.fields.authors == ["Ann Lee"])
    }
}

/// The whole shared exports, including ones whose licence keeps them out of the repository.
@Suite(
    "Import fidelity: shared exports",
    .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)))
struct ImportFidelityDatasetTests {
    @Test(
        "Web of Science tab-delimited exports (UTF-16 and UTF-8) import every record with its accession number",
        arguments: [
            ("import-samples/wos/wosfile/wos_tab_delimited_win_utf16.txt", 50),
            ("import-samples/multi-database/ScientoPy/wos.txt", 125),
        ])
    func webOfScience(path: String, count: Int) throws {
        try TestData.requireDatasets()
        let result = try Importer.read(url: TestData.dataset(path))
        #expect(result.records.count == count)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(result.records.allSatisfy { $0.sourceID?.hasPrefix("WOS:") == true && !$0.fields.title.isEmpty })
        #expect(result.records.filter { $0.fields.doi != nil }.count > count / 2)
    }

    @Test("Zoological Record CSV (Web of Science field tags, comma-separated): PS pages, ZOOR accession numbers")
    func zoologicalRecord() throws {
        try TestData.requireDatasets()
        let result = try Importer.read(
            url: TestData.dataset("import-samples/zoological-record/litsearchr/BBWO-ZooRec-062118.csv"))
        #expect(result.records.count == 177)
        #expect(result.records.allSatisfy { $0.fields.pages != nil && $0.sourceID?.hasPrefix("ZOOR") == true })
    }
}

@Suite("Import fidelity: RIS vendor tags and translated titles")
struct RISFidelityTests {
    @Test(
        "vendor tags that carry nothing tarsier stores are silent: Web of Science RIS, Ovid (PT, NL after ER)",
        arguments: [
            "ris/asreview-tests/web_of_science.txt", "ris/asreview-tests/ovid_psycinfo.ris", "ovid/sysrev/ovidweb.ris",
        ])
    func silentVendorTags(path: String) throws {
        let result = try Importer.read(url: SampleFiles.url(path))
        #expect(!result.records.isEmpty)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("Cochrane CENTRAL's CC is silent; a truly unknown tag in every record is one warning")
    func cochraneAndUnknown() throws {
        // Hand-made records in the Cochrane CENTRAL RIS layout (no real export is available here).
        let ris = (1...3).map {
            "TY  - JOUR\nTI  - Trial \($0)\nCC  - Hepato-Biliary\nZZ  - made up\nC3  - PUBMED 3123456\($0)\nER  - \n\n"
        }.joined()
        let result = try Importer.read(data: Data(ris.utf8), fileName: "central.ris")
        #expect(result.records.count == 3)
        #expect(result.diagnostics.map(\.description) == ["central.ris:4: warning: unknown RIS tag ZZ ignored"])
    }

    @Test("EBSCOhost ERIC RIS (CR line ends): JF is the journal, English records have no translated title")
    func ebscoERIC() throws {
        let result = try Importer.read(url: SampleFiles.url("ebsco/sysrev/ERIC_ebsco_1232020_crl_assessment.txt"))
        #expect(result.records.count == 5)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first?.fields)
        #expect(first.title == "Computer Use by Secondary School Principals")
        #expect(first.journal == "Turkish Online Journal of Educational Technology - TOJET")
        #expect(first.language == "English" && first.translatedTitle == nil)
        #expect(first.authors.first == "Afshari, Mojgan" && first.year == 2010 && first.pages == "8-25")
    }

    @Test("EBSCO: an original-language T1 with an English T2 keeps both; the English one is shown, exports keep T1")
    func ebscoTranslatedTitle() throws {
        // Hand-made in the layout of an EBSCOhost (CINAHL) RIS export (no real export of a
        // non-English record is available here).
        let ris = """
            TY  - JOUR
            AU  - Müller, Anna
            T1  - Pflegeinterventionen bei Delir: eine Übersicht
            T2  - Nursing interventions for delirium: a review
            JO  - Pflege
            JF  - Pflege
            Y1  - 2019
            N1  - Accession Number: 134567890; Language: German; Entry Date: 20190301.
            UR  - https://search.ebscohost.com/login.aspx?direct=true&db=ccm&AN=134567890&site=ehost-live
            DP  - EBSCOhost
            ER  - 

            TY  - JOUR
            T1  - Ruts and peaks.
            T2  - Venice's biennial exhibition
            JO  - Time
            N1  - Accession Number: 514000886; Language: Undetermined
            DP  - EBSCOhost
            ER  - 

            TY  - JOUR
            TI  - Título original
            TT  - Original title
            ER  - 

            """
        let result = try Importer.read(data: Data(ris.utf8), fileName: "cinahl.ris")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let german = try #require(result.records.first)
        #expect(german.fields.title == "Pflegeinterventionen bei Delir: eine Übersicht")
        #expect(german.fields.translatedTitle == "Nursing interventions for delirium: a review")
        #expect(german.fields.journal == "Pflege" && german.fields.language == "German")
        #expect(german.fields.shown.title == "Nursing interventions for delirium: a review")
        #expect(german.raw.contains("T1  - Pflegeinterventionen") && german.raw.contains("T2  - Nursing"))
        // The other title of an English or undetermined record is not a translation, nor the journal.
        #expect(result.records[1].fields.translatedTitle == nil && result.records[1].fields.journal == "Time")
        #expect(result.records[2].fields.shown.title == "Original title")
        // Exports write the title as the file had it.
        let exported = RISWriter.render(result.records)
        #expect(exported.contains("Pflegeinterventionen bei Delir") && !exported.contains("Nursing interventions"))
    }
}
