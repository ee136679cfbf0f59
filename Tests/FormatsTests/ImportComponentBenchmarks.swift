import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Formats

/// Where import time goes, stage by stage. Opt-in, after `ImportBenchmarks` made its files:
/// `RUN_BENCHMARKS=1 TARSIER_COMPONENT_BENCH=1 swift test -c release -Xswiftc -enable-testing
/// --filter ImportComponentBenchmarks`. Prints seconds per stage; never asserts on time.
@Suite(
    "Import component benchmarks", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["TARSIER_COMPONENT_BENCH"] == "1"))
struct ImportComponentBenchmarks {
    static func time(_ label: String, _ body: () throws -> Int) rethrows {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "COMPONENT %@: %.3f s (%d)", label, seconds, value))
    }

    @Test("gzip inflate, line splitting, tag parsing, whole readers")
    func components() throws {
        let gz = SampleFiles.large("pubmed20n0014.xml.gz")
        if ProcessInfo.processInfo.environment["TARSIER_COMPONENT_ONLY"] == "medline" {
            let nbib = ImportBenchmarks.outputDirectory.appendingPathComponent("medline-100k.nbib")
            try Self.time("MedlineReader(url:) medline-100k") { try MedlineReader().read(url: nbib).records.count }
            return
        }
        try Self.time("inflate readAll 20n0014") { try ByteSource(url: gz).readAll().count }
        let stream = ByteSourceInputStream(source: try ByteSource(url: gz), progress: nil)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
        defer { buffer.deallocate() }
        Self.time("inflate + UTF-8 check as the XML parser reads it") {
            var total = 0
            while case let count = stream.read(buffer, maxLength: 4096), count > 0 { total += count }
            return total
        }
        Self.time("XMLParser(stream:) with an empty delegate (the floor)") {
            let parser = XMLParser(stream: ByteSourceInputStream(source: try! ByteSource(url: gz), progress: nil))
            let delegate = EmptyDelegate()
            parser.delegate = delegate
            return parser.parse() ? delegate.elements : -1
        }
        try Self.time("PubMedXMLReader 20n0014") { try PubMedXMLReader().read(url: gz).records.count }

        let nbib = ImportBenchmarks.outputDirectory.appendingPathComponent("medline-100k.nbib")
        guard FileManager.default.fileExists(atPath: nbib.path) else { return }
        let bytes = try ByteSource(url: nbib).readAll()
        Self.time("TextLines medline-100k") { TextLines(bytes).reduce(0) { $0 + $1.text.utf8.count } }
        Self.time("TextLines + TaggedLine.medline") {
            TextLines(bytes).reduce(0) { $0 + (TaggedLine.medline($1.text) == nil ? 0 : 1) }
        }
        Self.time("TaggedRecordScanner only (records not mapped)") {
            var count = 0
            _ = TaggedRecordScanner(
                file: "x", startTag: "PMID", endTag: nil, listTags: [], wantedTags: MedlineReader.wantedTags,
                split: TaggedLine.medline
            ).scan(bytes, progress: nil) { _ in count += 1 }
            return count
        }
        Self.time("MedlineReader medline-100k") { MedlineReader().read(bytes: bytes, file: "x").records.count }
        let ris = ImportBenchmarks.outputDirectory.appendingPathComponent("ris-100k.ris")
        let risBytes = try ByteSource(url: ris).readAll()
        Self.time("TextLines ris-100k") { TextLines(risBytes).reduce(0) { $0 + $1.text.utf8.count } }
        Self.time("RISReader ris-100k") { RISReader().read(bytes: risBytes, file: "x").records.count }
    }
}

/// Counts elements and nothing else: what FoundationXML costs before any PubMed logic.
private final class EmptyDelegate: NSObject, XMLParserDelegate {
    var elements = 0
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) { elements += 1 }
}
