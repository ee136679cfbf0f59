import Foundation
import Testing

@testable import Formats

/// A file in an export format tarsier does not read is refused with what it is and how to export
/// it again (hand-made starts of each format, as the vendors document them).
@Suite("Unsupported export formats are named, with how to re-export")
struct UnsupportedFormatTests {
    static let cases: [(text: String, name: String, advice: String)] = [
        (
            "<1>\nUnique Identifier\n  31234567\nTitle\n  Exercise for depression.\n", "Ovid native",
            "re-export from Ovid"
        ),
        (
            "Database: Ovid MEDLINE(R) ALL <1946 to December 04, 2026>\nSearch Strategy:\n---\n1 exp Depression/\n",
            "Ovid native", "Format \"RIS\""
        ),
        (
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records><record><database name=\"My.enl\">",
            "EndNote XML", "RefMan (RIS) Export"
        ),
        ("%0 Journal Article\n%A Smith, J.\n%T Exercise for depression\n", "EndNote tagged", "export as RIS"),
        ("@article{smith2020,\n  title = {Exercise for depression},\n}\n", "BibTeX", "as RIS"),
        ("RT Journal Article\nSR Electronic(1)\nA1 Smith, J.\n", "RefWorks", "as RIS"),
        (
            "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "Zotero RDF", "as RIS"
        ),
        ("%PDF-1.7\n%âãÏÓ\n", "PDF", "RIS or PubMed"),
        ("PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}", "Excel .xlsx", "CSV (UTF-8)"),
    ]

    @Test("each format is recognised from its first bytes")
    func recognised() throws {
        for (text, name, advice) in Self.cases {
            let found = try #require(UnsupportedFormat.recognise(prefix: Array(text.utf8)), "\(name)")
            #expect(found.name.contains(name), "\(found.name)")
            #expect(found.advice.contains(advice), "\(found.advice)")
            // None of them is mistaken for a format tarsier reads.
            #expect(FormatDetector.detect(prefix: Array(text.utf8)) == nil, "\(name)")
        }
        #expect(UnsupportedFormat.recognise(prefix: Array("hello\nworld\n".utf8)) == nil)
        #expect(UnsupportedFormat.recognise(prefix: Array("a,b,c\n1,2,3\n".utf8)) == nil)
    }

    @Test("importing one is an error at line 1 naming the format and the way to re-export")
    func refused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-unsupported-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ovid-export.txt")
        try Data(Self.cases[0].text.utf8).write(to: file)
        #expect(throws: FormatsError.self) { try Importer.read(url: file) }
        do {
            _ = try Importer.read(url: file)
        } catch let error as FormatsError {
            #expect(error.line == 1)
            #expect("\(error)".contains("Ovid native (display) export, which tarsier does not read"), "\(error)")
            #expect("\(error)".contains("re-export from Ovid with Export › Format \"RIS\""), "\(error)")
        }
    }
}
