import Foundation
import Testing

@testable import Formats

/// Reproducers of bugs the fuzzers found, kept as regression tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test("a processing instruction without data is refused, not a NULL strlen in FoundationXML")
    func processingInstructionWithoutData() throws {
        // Found by Scripts/fuzz.sh (artifact "\n<?ymlvers?>"): libxml2 passes NULL data for
        // `<?name?>` and FoundationXML's callback calls strlen on it (SIGSEGV).
        for text in [
            "\n<?ymlvers?>", XMLEntityTests.document(prolog: "<!DOCTYPE PubmedArticleSet [<?pi?>]>"),
            XMLEntityTests.document(prolog: "", body: "A <?pi?> title"),
        ] {
            let outcome = try XMLEntityTests.importXML(text)
            guard case .failure(let error as FormatsError) = outcome else {
                Issue.record("<?name?> was not refused in \(text)")
                continue
            }
            #expect(error.message.hasPrefix("processing instructions without data (<?name?>) are not allowed"))
        }
        let withData = try XMLEntityTests.importXML(
            XMLEntityTests.document(prolog: "<?pi ?>", body: "A <?pi data?>title")
        ).get()
        #expect(withData.records.map(\.fields.title) == ["A title"])
    }

    @Test("a year field of twenty digits is not a year, not an arithmetic-overflow trap")
    func longDigitRunInYear() throws {
        // Found by `FUZZ_ITERATIONS=3000 FUZZ_SEED=1 swift test --filter Fuzz` (insertTagLine
        // "PY  - 99999999999999999999"): FieldNormalisation.year(in:) multiplied the run into an Int.
        #expect(FieldNormalisation.year(in: "99999999999999999999") == nil)
        #expect(FieldNormalisation.year(in: "12345678901234567890123 2019") == 2019)
        let ris = "TY  - JOUR\nTI  - Overflow\nPY  - 99999999999999999999\nER  - \n"
        let result = try Importer.read(data: Data(ris.utf8), fileName: "year.ris")
        #expect(result.records.map(\.fields.title) == ["Overflow"])
        #expect(result.records.first?.fields.year == nil)
    }

    @Test(
        "a gzip PubMed XML file corrupt after the detection prefix is an error, not a trap in InputStream.streamError")
    func corruptGzipAfterPrefix() throws {
        // Found by FuzzTests (gzipWrap mutation): ByteSource throws mid-parse, the stream returns -1,
        // and XMLParser then read the inherited streamError getter, which trapped.
        let articles = String(
            repeating: "<PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>\n", count: 2000
        )
        var gzip = GzipEncoder.stored(
            Array("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n\(articles)</PubmedArticleSet>\n".utf8))
        gzip[gzip.count - 5] ^= 0x5A  // break the CRC-32 in the trailer
        #expect {
            try Importer.read(data: Data(gzip), fileName: "corrupt.xml.gz")
        } throws: { error in
            guard let error = error as? FormatsError, case .invalid(_, let line, let reason) = error else {
                return false
            }
            return reason.hasPrefix("corrupt gzip data") && line > 1
        }
    }
}

@Suite("Gzip expansion limit")
struct GzipExpansionTests {
    @Test("gzip content that inflates past the limit is refused with a file:line error; plain files are not limited")
    func bomb() throws {
        let content = [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20)
        let gzip = try ByteSource(bytes: GzipEncoder.stored(content), path: "bomb.ris.gz")
        #expect(throws: FormatsError.self) { try gzip.readAll(maximumBytes: 1 << 16) }
        do {
            _ = try ByteSource(bytes: GzipEncoder.stored(content), path: "bomb.ris.gz").readAll(maximumBytes: 1 << 16)
        } catch let error as FormatsError {
            #expect(error.description.hasPrefix("bomb.ris.gz:1: error:") && error.description.contains("gzip bomb"))
        }
        #expect(
            try ByteSource(bytes: GzipEncoder.stored(content), path: "ok.ris.gz").readAll(maximumBytes: 2 << 20)
                == content)
        #expect(try ByteSource(bytes: content, path: "plain.ris").readAll(maximumBytes: 1 << 16) == content)
        let limit = try ByteSource(bytes: GzipEncoder.stored(content), path: "x.gz").gzipExpansionLimit
        #expect(limit == 256 << 20)
    }
}
