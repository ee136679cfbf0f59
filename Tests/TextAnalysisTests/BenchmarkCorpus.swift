import Foundation
import TestSupport

/// Title + abstract texts of real screening sets, and pools made from them. The repository's
/// own (the Kitchenham 2010 fixture CSV and the sample review's 1,310 PubMed records) are always
/// there; the benchmark CSVs of the datasets folder only for the dataset tests.
enum BenchmarkCorpus {
    /// The benchmark CSVs the dataset tests read (`$TARSIER_DATASETS/benchmark`).
    static var directory: URL { TestData.dataset("benchmark") }

    /// The real abstracts in the repository: Kitchenham 2010 and the sample review's PubMed records.
    static func repositoryTexts() -> [String] {
        csvTexts(TestData.fixture("benchmark/kitchenham-2010.csv"))
            + medlineTexts(
                TestData.sampleReviews.appendingPathComponent("kidney-transplant-cardiac-testing/pubmed-search.nbib"))
    }

    /// "title abstract" of every row of the datasets folder's `name`.csv, or [] when it is absent.
    static func texts(_ name: String) -> [String] { csvTexts(directory.appendingPathComponent("\(name).csv")) }

    /// "title abstract" of every row of a benchmark-shaped CSV, or [] when the file is absent.
    static func csvTexts(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let rows = parseCSV(String(decoding: data, as: UTF8.self))
        guard let header = rows.first,
            let title = header.firstIndex(of: "title"), let abstract = header.firstIndex(of: "abstract")
        else { return [] }
        return rows.dropFirst().filter { $0.count > max(title, abstract) }.map { $0[title] + " " + $0[abstract] }
    }

    /// "title abstract" of every record of a MEDLINE (.nbib) file: `TI` and `AB` with their
    /// six-space continuation lines.
    static func medlineTexts(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        var texts: [String] = []
        var fields: [String: String] = [:]
        var current: String?
        func endRecord() {
            if !fields.isEmpty { texts.append((fields["TI"] ?? "") + " " + (fields["AB"] ?? "")) }
            fields = [:]
            current = nil
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { endRecord(); continue }
            if line.hasPrefix("      "), let tag = current {
                fields[tag, default: ""] += " " + line.dropFirst(6)
            } else if line.count >= 6, line.dropFirst(4).hasPrefix("- ") {
                let tag = line.prefix(4).trimmingCharacters(in: .whitespaces)
                current = tag
                fields[tag] = String(line.dropFirst(6))
            }
        }
        endRecord()
        return texts
    }

    /// An RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        let bytes = Array(text.utf8)
        var index = 0
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field = [] }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        field.append(0x22); index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                endField()
            } else if byte == 0x0A {
                endField(); rows.append(row); row = []
            } else if byte != 0x0D {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return rows
    }

    /// `count` records: copy k of a real record drops every (k mod 5 + 2)-th word and gains a
    /// marker word (the same scheme as the retrain benchmark).
    static func pool(_ base: [String], count: Int) -> [String] {
        (0..<count).map { i in
            let text = base[i % base.count]
            let copy = i / base.count
            guard copy > 0 else { return text }
            let step = copy % 5 + 2
            let words = text.split(separator: " ").enumerated().filter { $0.offset % step != 0 }.map(\.element)
            return words.joined(separator: " ") + " variant\(copy)"
        }
    }
}
