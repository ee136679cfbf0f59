import Foundation
import ReviewModel
import Testing

@testable import Formats
import TestSupport

/// Damaged real files, hand-picked cases; the seeded mutation fuzzer over every sample is
/// ``FuzzTests`` (with ``InputMutator`` and ``FuzzHarness``).
@Suite("Damaged input")
struct MutationTests {
    @Test("a PubMed XML file cut in the middle is a truncation error near the cut")
    func truncatedXML() throws {
        let bytes = [UInt8](try Data(contentsOf: SampleFiles.url("pubmed-xml/biopython/pubmed4.xml")))
        let cut = Array(bytes.prefix(bytes.count / 2))
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cut.xml")
        try Data(cut).write(to: url)
        let linesInCut = cut.count { $0 == 0x0A } + 1
        #expect {
            try PubMedXMLReader().read(url: url)
        } throws: { error in
            guard case .truncated(let file, let line, _) = error as? FormatsError else { return false }
            return file == url.path && line >= linesInCut - 1 && line <= linesInCut
        }
    }

    @Test("a cut gzip stream is an error, not a silently short import")
    func truncatedGzip() throws {
        let fixture = SampleFiles.packageRoot.appendingPathComponent("Tests/Fixtures/formats/pubmed-29768149.xml.gz")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cut.xml.gz")
        try Data(bytes.prefix(bytes.count - 100)).write(to: url)
        #expect {
            try Importer.read(url: url)
        } throws: { error in
            guard let error = error as? FormatsError, case .truncated = error else { return false }
            return error.line >= 1
        }
    }

    @Test("invalid UTF-8 in RIS is repaired and reported with its line")
    func invalidUTF8() {
        var bytes = Array("TY  - JOUR\nTI  - caf".utf8)
        bytes += [0xC3, 0x28]  // invalid two-byte sequence
        bytes += Array("\nER  - \n".utf8)
        let result = RISReader().read(bytes: bytes, file: "bad.ris")
        #expect(result.records.count == 1)
        #expect(result.records[0].fields.title == "caf\u{FFFD}(")
        #expect(result.diagnostics.map(\.description) == ["bad.ris:2: warning: invalid UTF-8 replaced by U+FFFD"])
    }

    @Test("a missing final ER still yields the last record; CRLF and lone CR line ends are read")
    func missingERAndLineEnds() {
        let crlf = RISReader().read(
            bytes: Array("TY  - JOUR\r\nTI  - One\r\nER  - \r\nTY  - JOUR\r\nTI  - Two\r\n".utf8), file: "a.ris")
        #expect(crlf.records.map(\.fields.title) == ["One", "Two"])
        let cr = RISReader().read(bytes: Array("TY  - JOUR\rTI  - Old Mac\rER  - \r".utf8), file: "b.ris")
        #expect(cr.records.map(\.fields.title) == ["Old Mac"])
    }
}

@Suite("Gzip input")
struct GzipTests {
    static let fixtures = SampleFiles.packageRoot.appendingPathComponent("Tests/Fixtures/formats")

    @Test("a gzip PubMed XML fixture is detected and streamed")
    func gzipXML() throws {
        let result = try Importer.read(url: Self.fixtures.appendingPathComponent("pubmed-29768149.xml.gz"))
        #expect(result.format == .pubmedXML)
        #expect(result.records.map(\.fields.pmid) == ["29768149"])
        #expect(result.records.first?.fields.doi == "10.1056/NEJMoa1715274")
    }

    @Test("a gzip MEDLINE fixture is detected from its decompressed content")
    func gzipMedline() throws {
        let result = try Importer.read(url: Self.fixtures.appendingPathComponent("pubmed_result2.nbib.gz"))
        #expect(result.format == .medline)
        #expect(result.records.count == 4)
        #expect(result.records.first?.fields.pmid == "16403221")
    }

    @Test("progress is reported and ends at the total")
    func progress() throws {
        var calls: [(Int64, Int64)] = []
        _ = try Importer.read(url: Self.fixtures.appendingPathComponent("pubmed-29768149.xml.gz")) {
            calls.append(($0, $1))
        }
        let last = try #require(calls.last)
        #expect(last.0 == last.1 && last.1 > 0)
    }
}
