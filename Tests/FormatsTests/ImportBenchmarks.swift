import Foundation
import TestSupport
import Testing

@testable import Formats

/// Import throughput, opt-in: `RUN_BENCHMARKS=1 swift test -c release -Xswiftc -enable-testing
/// --filter ImportBenchmarks`. Prints median and p95 seconds and records/s; never asserts on time.
/// The generated 100k-record MEDLINE and RIS files are left in `/tmp/tarsier-import-bench/` for
/// `Scripts/bench-import-python.sh`, which times the Python parsers on the same files.
@Suite(
    "Import benchmarks", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["RUN_BENCHMARKS"] == "1"))
struct ImportBenchmarks {
    static let outputDirectory = URL(fileURLWithPath: "/tmp/tarsier-import-bench")

    /// Runs `body` `iterations` times after one warm-up; prints median/p95 and records per second.
    static func measure(_ label: String, iterations: Int = 3, _ body: () throws -> Int) rethrows {
        _ = try body()
        var seconds: [Double] = []
        var records = 0
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            records = try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        let p95 = seconds[min(seconds.count - 1, Int((Double(seconds.count) * 0.95).rounded(.up)) - 1)]
        let line = String(
            format: "BENCH %@: %d records, median %.3f s, p95 %.3f s, %.0f records/s", label, records, median, p95,
            Double(records) / median)
        print(line)
    }

    /// A 100,000-record file made by repeating the records of `samples` with a changing id and title.
    static func generate(samples: [String], recordStart: String, count: Int, to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) { return }  // deterministic: reuse
        var records: [String] = []
        for sample in samples {
            let text = try String(contentsOf: SampleFiles.url(sample), encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{FEFF}", with: "")
            var current: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(recordStart), !current.isEmpty {
                    records.append(current.joined(separator: "\n"))
                    current = []
                }
                if line.hasPrefix(recordStart) || !current.isEmpty { current.append(line) }
            }
            if !current.isEmpty { records.append(current.joined(separator: "\n")) }
        }
        var output = ""
        for index in 0..<count {
            var record = records[index % records.count]
            if recordStart == "PMID-" {
                record = record.replacingOccurrences(
                    of: #"PMID- \d+"#, with: "PMID- \(40_000_000 + index)", options: .regularExpression)
                record = record.replacingOccurrences(of: "\nTI  - ", with: "\nTI  - [\(index)] ")
            } else {
                record = record.replacingOccurrences(of: "\nTI  - ", with: "\nTI  - [\(index)] ")
                record = record.replacingOccurrences(of: "\nT1  - ", with: "\nT1  - [\(index)] ")
            }
            output += record.trimmingCharacters(in: .newlines) + "\n\n"
        }
        try Data(output.utf8).write(to: url)
    }

    @Test("PubMed XML baseline chunks (gzip)")
    func pubmedXML() throws {
        for name in ["pubmed20n0014.xml.gz", "pubmed21n1298.xml.gz"] {
            let url = SampleFiles.large(name)
            try Self.measure("pubmed-xml \(name)") { try PubMedXMLReader().read(url: url).records.count }
        }
    }

    @Test("generated 100,000-record MEDLINE text")
    func medline() throws {
        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
        let url = Self.outputDirectory.appendingPathComponent("medline-100k.nbib")
        try Self.generate(
            samples: [
                "medline/rayyan-formats-plugins/example1.nbib", "medline/biopython/pubmed_result2.txt",
                "medline/biopython/pubmed_result3.txt",
            ],
            recordStart: "PMID-", count: 100_000, to: url)
        let result = try MedlineReader().read(url: url)
        #expect(result.records.count == 100_000)
        try Self.measure("medline 100k") { try MedlineReader().read(url: url).records.count }
    }

    @Test("generated 100,000-record RIS")
    func ris() throws {
        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
        let url = Self.outputDirectory.appendingPathComponent("ris-100k.ris")
        try Self.generate(
            samples: [
                "ris/asreview-tests/baseline_zotero.ris", "ris/asreview-tests/scopus.ris",
                "ris/asreview-tests/embase.ris", "ris/asreview-srd-raw/schoot-lgmm-ptsd-included-2.ris",
            ],
            recordStart: "TY  -", count: 100_000, to: url)
        let result = try RISReader().read(url: url)
        #expect(result.records.count == 100_000)
        try Self.measure("ris 100k") { try RISReader().read(url: url).records.count }
    }

    @Test("a 50 MB CSV")
    func csv() throws {
        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
        let source = try Data(contentsOf: TestData.dataset("benchmark/nagtegaal-2019.csv"))
        let text = String(decoding: source, as: UTF8.self)
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let body = text.dropFirst(header.count).trimmingCharacters(in: .newlines)
        var output = String(header) + "\n"
        while output.utf8.count < 50_000_000 { output += body + "\n" }
        let url = Self.outputDirectory.appendingPathComponent("csv-50mb.csv")
        try Data(output.utf8).write(to: url)
        try Self.measure("csv 50MB") { try CSVRecordReader().read(url: url).records.count }
    }
}
