import Foundation
import ReviewModel
import TestSupport
import Testing

@testable import Formats

#if canImport(Glibc)
    import Glibc
#endif

/// XML entity attacks (OWASP XML External Entity Prevention Cheat Sheet): every entity declaration
/// is refused before the parser can expand or fetch it; external DTDs are never fetched.
@Suite("XML entities")
struct XMLEntityTests {
    /// A one-article PubMed document after `prolog` (which holds any DOCTYPE), `body` in its title.
    static func document(prolog: String, body: String = "A title") -> String {
        """
        <?xml version="1.0"?>
        \(prolog)
        <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
        <ArticleTitle>\(body)</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>

        """
    }

    /// Imports `text` as PubMed XML within a hang bound; returns the outcome.
    static func importXML(_ text: String, name: String = "attack.xml") throws -> Result<ImportResult, any Error> {
        let bytes = Array(text.utf8)
        let (outcome, _) = FuzzHarness.timed(limit: 10) {
            Result { try Importer.read(data: Data(bytes), fileName: name, format: .pubmedXML) }
        }
        return try #require(outcome, "the import did not finish within 10 s")
    }

    /// True when `outcome` is the entity refusal at `line` of `name`.
    static func isEntityRefusal(_ outcome: Result<ImportResult, any Error>, line: Int, name: String = "attack.xml")
        -> Bool
    {
        guard case .failure(let error) = outcome, let error = error as? FormatsError, case .invalid = error else {
            return false
        }
        return error.line == line
            && error.description.hasPrefix("\(name):\(line): error: entity declarations (<!ENTITY) are not allowed")
    }

    /// The process's peak resident set in MiB (getrusage, kilobytes on Linux).
    static func peakMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    @Test("billion laughs is refused at its first declaration and memory stays bounded")
    func billionLaughs() throws {
        var declarations = ["<!ENTITY lol \"lol\">"]
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations.append("<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">")
        }
        let prolog = "<!DOCTYPE PubmedArticleSet [\n" + declarations.joined(separator: "\n") + "\n]>"
        let before = Self.peakMiB()
        let outcome = try Self.importXML(Self.document(prolog: prolog, body: "&lol9;"))
        #expect(Self.isEntityRefusal(outcome, line: 3))  // line 2 opens the DOCTYPE, 3 declares `lol`
        #expect(Self.peakMiB() - before < 256, "expanding &lol9; would need about 3 GB")
    }

    @Test("quadratic blowup (one 50 KB entity referenced 50,000 times) is refused")
    func quadraticBlowup() throws {
        let prolog = "<!DOCTYPE PubmedArticleSet [<!ENTITY a \"\(String(repeating: "a", count: 50_000))\">]>"
        let outcome = try Self.importXML(Self.document(prolog: prolog, body: String(repeating: "&a;", count: 50_000)))
        #expect(Self.isEntityRefusal(outcome, line: 2))
    }

    @Test("an external file entity is refused and the file's content appears nowhere")
    func externalFileEntity() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        let marker = "tarsier-secret-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: secret)
        for declaration in [
            "<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">", "<!ENTITY xxe SYSTEM \"\(secret.path)\">",
            "<!entity xxe SYSTEM \"\(secret.path)\">",  // libxml2 rejects lower case; refused anyway
            "<!ENTITY % pe SYSTEM \"\(secret.absoluteString)\"> %pe;",
        ] {
            let outcome = try Self.importXML(
                Self.document(prolog: "<!DOCTYPE PubmedArticleSet [\(declaration)]>", body: "&xxe;"))
            #expect(Self.isEntityRefusal(outcome, line: 2), "\(declaration)")
            if case .success(let result) = outcome {
                #expect(!result.records.contains { $0.fields.title.contains(marker) || $0.raw.contains(marker) })
            }
        }
    }

    @Test("a declaration split across stream chunks is still refused, with its line")
    func declarationAcrossChunks() throws {
        // `<!ENTITY` starts at byte `padding`: ByteSource reads 64 KiB, XMLParser 4 KiB.
        for padding in [65_530, 65_533, 65_536, 4_090, 4_094] {
            let comment = "<!--" + String(repeating: "x", count: padding - 58) + "-->\n"
            let prolog = "<!DOCTYPE PubmedArticleSet [\n" + comment + "<!ENTITY a \"b\">]>"
            let outcome = try Self.importXML(Self.document(prolog: prolog, body: "&a;"))
            #expect(Self.isEntityRefusal(outcome, line: 4), "padding \(padding)")
        }
    }

    @Test("a real PubMed DOCTYPE naming an http DTD imports without fetching it")
    func externalDTDNotFetched() throws {
        let listener = try LocalListener()
        let prolog =
            "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" "
            + "\"http://127.0.0.1:\(listener.port)/pubmed_190101.dtd\">"
        let result = try Self.importXML(Self.document(prolog: prolog)).get()
        #expect(result.records.map(\.fields.title) == ["A title"])
        #expect(!listener.wasContacted(), "the parser connected to the DTD's server")
    }

    @Test(
        "the start of a real baseline file, with its DOCTYPE naming NLM's DTD over http, imports",
        .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)))
    func realBaselineDoctype() throws {
        try TestData.requireDatasets()
        let source = try ByteSource(url: SampleFiles.large("pubmed20n0014.xml.gz"))
        let head = String(decoding: try source.readPrefix(limit: 256 << 10), as: UTF8.self)
        let end = try #require(head.range(of: "</PubmedArticle>", options: .backwards))
        let slice = String(head[..<end.upperBound]) + "\n</PubmedArticleSet>\n"
        #expect(slice.contains("<!DOCTYPE PubmedArticleSet PUBLIC") && slice.contains("\"http://dtd.nlm.nih.gov/"))
        let result = try Self.importXML(slice, name: "pubmed20n0014-head.xml").get()
        #expect(result.records.count == slice.components(separatedBy: "<PubmedArticle>").count - 1)
        #expect(result.records.count > 20 && !result.hasErrors)
    }

    @Test("UTF-16 and non-ASCII-compatible declared encodings are refused, not decoded")
    func encodings() throws {
        let utf16 = Array(Self.document(prolog: "").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let noMark = Result { try Importer.read(data: Data(utf16), fileName: "u16.xml", format: .pubmedXML) }
        #expect(throws: FormatsError.self) { try noMark.get() }
        let utf7 = Self.document(prolog: "").replacingOccurrences(
            of: "version=\"1.0\"", with: "version=\"1.0\" encoding=\"UTF-7\"")
        let outcome = try Self.importXML(utf7)
        guard case .failure(let error as FormatsError) = outcome else {
            Issue.record("a UTF-7 declaration was accepted")
            return
        }
        #expect(
            error.description
                == "attack.xml:1: error: the XML declaration names encoding \"UTF-7\"; PubMed XML must be UTF-8")
        #expect(
            try Self.importXML(Self.document(prolog: "").replacingOccurrences(of: "?>", with: " encoding=\"UTF-8\"?>"))
                .get().records.count == 1)
    }

    @Test("predefined entities and character references still decode")
    func predefinedEntities() throws {
        let result = try Self.importXML(Self.document(prolog: "", body: "A &amp; B &lt;3 &#x3B1;-synuclein")).get()
        #expect(result.records.map(\.fields.title) == ["A & B <3 α-synuclein"])
    }
}
