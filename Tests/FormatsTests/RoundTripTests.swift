import Foundation
import ReviewModel
import Testing

@testable import Formats
import TestSupport

@Suite("Export → import round trips")
struct RoundTripTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 1234, 99_991]

    @Test("RIS: random records written and read back have equal fields, ids and labels", arguments: seeds)
    func ris(seed: UInt64) throws {
        // Given random records with unicode text and multi-line abstracts
        var rng = SplitMix64(seed: seed)
        let records = (0..<40).map { RecordGenerator.record(&rng, index: $0) }
        // When written as RIS and read back
        let text = RISWriter.render(records)
        let result = RISReader().read(bytes: Array(text.utf8), file: "roundtrip.ris")
        // Then nothing is lost
        #expect(result.records.count == records.count)
        for (written, read) in zip(records, result.records) {
            #expect(read.fields == written.fields)
            #expect(read.label == written.label)
            #expect(read.sourceID == written.sourceID)
        }
        #expect(result.diagnostics.allSatisfy { $0.message == "record has no title and no abstract" })
    }

    @Test("CSV: random records written and read back have equal fields, ids and labels", arguments: seeds)
    func csv(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let records = (0..<40).map { RecordGenerator.record(&rng, index: $0) }
        let text = CSVWriter.render(records)
        let result = try CSVRecordReader().read(bytes: Array(text.utf8), file: "roundtrip.csv")
        #expect(result.records.count == records.count)
        for (written, read) in zip(records, result.records) {
            #expect(read.fields == written.fields)
            #expect(read.label == written.label)
            #expect(read.sourceID == written.sourceID)
        }
    }

    @Test("real samples survive RIS and CSV export: same fields after re-import")
    func realSamples() throws {
        for path in [
            "ris/asreview-tests/scopus.ris", "medline/rayyan-formats-plugins/example1.nbib",
            "pubmed-xml/biopython/pubmed4.xml",
        ] {
            let original = try Importer.read(url: SampleFiles.url(path)).records.map {
                var record = $0
                record.fields.title = record.fields.title.split(whereSeparator: \.isNewline).joined(separator: " ")
                return record
            }
            let viaRIS = RISReader().read(bytes: Array(RISWriter.render(original).utf8), file: "x.ris").records
            let viaCSV = try CSVRecordReader().read(bytes: Array(CSVWriter.render(original).utf8), file: "x.csv")
                .records
            #expect(viaRIS.map(\.fields) == original.map(\.fields), "\(path) via RIS")
            #expect(viaCSV.map(\.fields).map(\.title) == original.map(\.fields).map(\.title), "\(path) via CSV")
        }
    }

    @Test("the RIS decision note reads back as the label")
    func decisionNote() {
        let text = "TY  - JOUR\nTI  - A\nN1  - tarsier decision: exclude\nER  - \n"
        let result = RISReader().read(bytes: Array(text.utf8), file: "d.ris")
        #expect(result.records.first?.label == .exclude)
        let written = RISWriter.render([ImportedRecord(fields: ReferenceFields(title: "A"), line: 1, label: .include)])
        #expect(written.contains("N1  - tarsier decision: include\r\n"))
    }

    @Test("CSV quoting doubles quotes and wraps commas and line breaks")
    func csvQuoting() {
        #expect(CSVWriter.quoted("plain") == "plain")
        #expect(CSVWriter.quoted("a, b") == "\"a, b\"")
        #expect(CSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.quoted("two\nlines") == "\"two\nlines\"")
    }
}
