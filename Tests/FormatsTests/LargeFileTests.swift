import Foundation
import TestSupport
import Testing

@testable import Formats

/// The two real MEDLINE baseline chunks (57 MB gzip, 407 MB of XML). About 25 s in a debug build,
/// so opt-in: `TARSIER_LARGE_TESTS=1 swift test --filter LargeFileTests` (or RUN_BENCHMARKS=1).
@Suite(
    "Large PubMed baseline files",
    .enabled(if: LargeTestSwitch.enabled, "set TARSIER_LARGE_TESTS=1 (reads $TARSIER_DATASETS)"))
struct LargeFileTests {

    @Test(
        "baseline chunks stream from gzip with every record",
        arguments: [("pubmed20n0014.xml.gz", 30_000), ("pubmed21n1298.xml.gz", 20_788)])
    func baseline(name: String, count: Int) throws {
        try TestData.requireDatasets()
        let url = SampleFiles.large(name)
        var lastProgress: (Int64, Int64) = (0, 0)
        let result = try Importer.read(url: url) { lastProgress = ($0, $1) }
        #expect(result.format == .pubmedXML)
        #expect(result.records.count == count)
        #expect(!result.hasErrors)
        #expect(lastProgress.0 == lastProgress.1)
        // Nearly every baseline record has a title, a PMID and a year
        #expect(result.records.allSatisfy { $0.fields.pmid != nil })
        #expect(result.records.filter { $0.fields.title.isEmpty }.count < count / 100)
        #expect(result.records.filter { $0.fields.year == nil }.count < count / 100)
    }
}

/// Whether the large-file tests were asked for.
enum LargeTestSwitch {
    static var enabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["TARSIER_LARGE_TESTS"] == "1" || environment["RUN_BENCHMARKS"] == "1"
    }
}
