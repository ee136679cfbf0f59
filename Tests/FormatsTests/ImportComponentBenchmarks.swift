import Foundation
import Testing

@testable import Formats

/// Where import time goes (opt-in with RUN_BENCHMARKS=1 and TARSIER_COMPONENT_BENCH=1).
@Suite(
    "Import component benchmarks", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["TARSIER_COMPONENT_BENCH"] == "1"))
struct ImportComponentBenchmarks {
    static func time(_ label: String, _ body: () throws -> Int) rethrows {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        print(String(format: "COMPONENT %@: %.3f s (%d)", label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value))
    }

    @Test("components")
    func components() throws {
        let gz = SampleFiles.url("pubmed-xml-large/pubmed20n0014.xml.gz")
        try Self.time("inflate readAll 20n0014") { try ByteSource(url: gz).readAll().count }
        let nbib = URL(fileURLWithPath: "/tmp/tarsier-import-bench/medline-100k.nbib")
        let bytes = try ByteSource(url: nbib).readAll()
        Self.time("TextLines medline-100k") { var n = 0; for line in TextLines(bytes) { n += line.text.utf8.count }; return n }
        Self.time("TaggedLine.medline medline-100k") {
            var n = 0
            for line in TextLines(bytes) { if TaggedLine.medline(line.text) != nil { n += 1 } }
            return n
        }
        Self.time("MedlineReader medline-100k") { MedlineReader().read(bytes: bytes, file: "x").records.count }
        let stream = ByteSourceInputStream(source: try ByteSource(url: gz), progress: nil)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
        defer { buffer.deallocate() }
        Self.time("ByteSourceInputStream 20n0014") {
            var total = 0
            while true { let n = stream.read(buffer, maxLength: 4096); if n <= 0 { break }; total += n }
            return total
        }
        try Self.time("PubMedXMLReader 20n0014") { try PubMedXMLReader().read(url: gz).records.count }
    }
}
