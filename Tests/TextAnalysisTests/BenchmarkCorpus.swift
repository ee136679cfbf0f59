import Foundation

/// Title + abstract texts of the benchmark CSVs in ../shared/datasets/benchmark (read in place,
/// not copied; see /work/shared for their provenance), and pools made from them.
enum BenchmarkCorpus {
    /// The benchmark directory, relative to the package root (`<clone>/../shared`).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/datasets/benchmark")

    /// "title abstract" of every row of `name`.csv, or [] when the file is absent.
    static func texts(_ name: String) -> [String] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("\(name).csv")) else { return [] }
        let rows = parseCSV(String(decoding: data, as: UTF8.self))
        guard let header = rows.first,
              let title = header.firstIndex(of: "title"), let abstract = header.firstIndex(of: "abstract")
        else { return [] }
        return rows.dropFirst().filter { $0.count > max(title, abstract) }.map { $0[title] + " " + $0[abstract] }
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
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 { field.append(0x22); index += 1 } else { quoted = false }
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
