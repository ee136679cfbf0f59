import Foundation
import Testing

/// Record text with escape sequences, control characters, bidi overrides, zero-width and wide
/// characters and a 10 MB abstract goes through import and export unchanged, and `list`/`show`
/// never send it raw to the terminal.
///
/// The rule for control characters: every character except NUL is stored and exported unchanged
/// (NUL becomes U+FFFD with a warning: SQLite text through GRDB cannot hold it). Line breaks are
/// the one transformation RIS forces, being a line-based format: in single-line fields (title,
/// author, journal, keyword) any line break (CR, LF, VT, FF, NEL, U+2028, U+2029) becomes a space;
/// in abstracts CR, LF and CRLF become CRLF continuation lines and read back as LF. CSV keeps all.
/// Importers trim whitespace (space, TAB, LF, VT, FF, CR) at the two ends of a field, as before.
@Suite("Hostile record text")
struct HostileInputTests {
    struct Fields: Equatable {
        var title: String
        var authors: [String]
        var journal: String
        var keywords: [String]
        var abstract: String
    }

    static let marks = String(
        repeating: "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A}", count: 3)

    static let hostile: [Fields] = [
        Fields(
            title: "Red \u{1B}[31mtitle\u{1B}[0m and \u{1B}]0;pwned\u{07} osc", authors: ["Smith\u{1B}[8m, J"],
            journal: "J \u{1B}[2J\u{1B}[H Clear", keywords: ["kw\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\"],
            abstract:
                "Cursor \u{1B}[2J\u{1B}[H moves \u{1B}[10;10H here\nbell \u{07} backspace \u{08} del \u{7F} c1 \u{9B}2J \u{9D}0;t\u{9C} end"
        ),
        Fields(
            title: "RTL \u{202E}gnirts\u{202C} שלום عربي \u{2067}iso\u{2069} \u{200F}mark",
            authors: ["\u{202E}htimS, J"],
            journal: "مجلة \u{202D}LRO\u{202C}", keywords: ["עברית"],
            abstract: "النص العربي \u{202D}LRO\u{202C} end\nשורה שנייה \u{2066}isolate\u{2069}"),
        Fields(
            title: "zero\u{200B}width\u{200D}zwj\u{FEFF}bom \u{2060}joiner", authors: ["Ze\u{200B}ro, W"],
            journal: "Z\(marks)algo",
            keywords: ["Z\(marks)"],
            abstract: "zalgo Z\(marks)a\(marks)l\(marks)g\(marks)o and \u{01}\u{1F} C0 with vt\u{0B}ff\u{0C} inside"),
        Fields(
            title: "Wide 陽子線治療 😀👩‍👩‍👧 🇬🇧 👍🏽 ❤️ Ｆｕｌｌ", authors: ["李, 小龍"], journal: "日本医学雑誌",
            keywords: ["陽子線"], abstract: String(repeating: "陽子線治療は前立腺癌に対する放射線療法の一つである。", count: 20)),
    ]

    /// About 10 MB of text in 40-sentence lines, ending in an escape and a marker.
    static func hugeAbstract() -> String {
        var text = ""
        text.reserveCapacity(10 << 20 + 100)
        var sentence = 0
        while text.utf8.count < 10 << 20 {
            text += "Sentence \(sentence) of a very long abstract about proton beam therapy in prostate cancer."
            sentence += 1
            text += sentence % 40 == 0 ? "\n" : " "
        }
        return text + "\u{1B}[0m THE END"
    }

    /// RIS for `records` with CRLF line ends; abstract lines become continuation lines.
    static func ris(_ records: [Fields]) -> Data {
        var text = ""
        for (index, record) in records.enumerated() {
            text += "TY  - JOUR\r\nTI  - \(record.title)\r\n"
            for author in record.authors { text += "AU  - \(author)\r\n" }
            text += "T2  - \(record.journal)\r\nPY  - \(2000 + index)\r\n"
            for keyword in record.keywords { text += "KW  - \(keyword)\r\n" }
            text += "AB  - " + record.abstract.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nER  - \r\n\r\n"
        }
        return Data(text.utf8)
    }

    /// Records of an exported RIS text, in order.
    static func parseRIS(_ text: String) -> [Fields] {
        var records: [Fields] = []
        var current = Fields(title: "", authors: [], journal: "", keywords: [], abstract: "")
        var inAbstract = false
        for line in text.components(separatedBy: "\r\n") {
            let tag = line.count >= 6 && line.dropFirst(2).hasPrefix("  - ") ? String(line.prefix(2)) : nil
            guard let tag else {
                if inAbstract && !line.isEmpty { current.abstract += "\n" + line }
                continue
            }
            inAbstract = tag == "AB"
            let value = String(line.dropFirst(6))
            switch tag {
            case "TI": current.title = value
            case "AU": current.authors.append(value)
            case "T2": current.journal = value
            case "KW": current.keywords.append(value)
            case "AB": current.abstract = value
            case "ER":
                records.append(current)
                current = Fields(title: "", authors: [], journal: "", keywords: [], abstract: "")
            default: break
            }
        }
        return records
    }

    /// Rows of an RFC 4180 CSV text (scalar-wise, so CRLF inside quotes is kept exactly).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append("\"") } else { quoted = false }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(String(field)); field = String.UnicodeScalarView()
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                row.append(String(field)); field = String.UnicodeScalarView()
                rows.append(row); row = []
            } else {
                field.append(scalar)
            }
        }
        return rows
    }

    /// True when `text` holds anything that acts on a terminal: C0 other than LF/TAB, DEL, C1, bidi controls.
    static func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A, 0x09: false
            case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    @Test("hostile records and a 10 MB abstract export byte-identical as RIS and CSV; list and show stay inert")
    func roundTrip() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records =
            Self.hostile + [
                Fields(
                    title: "A record with a huge abstract", authors: ["Long, A"], journal: "Big J", keywords: [],
                    abstract: Self.hugeAbstract())
            ]
        try Self.ris(records).write(to: dir.appendingPathComponent("hostile.ris"))
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        let imported = try TarsierBinary.run(["import", "r.tarsier", "hostile.ris"], in: dir)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("5 records, 0 duplicates, 0 warnings"))

        let ris = try TarsierBinary.run(["export", "r.tarsier", "--what", "records", "--format", "ris"], in: dir)
        #expect(ris.status == 0)
        let fromRIS = Self.parseRIS(ris.out)
        #expect(fromRIS.count == records.count)
        for (got, want) in zip(fromRIS, records) {
            #expect(got == want, "RIS differs for \(want.title.prefix(40).debugDescription)")
        }

        let csv = try TarsierBinary.run(["export", "r.tarsier", "--what", "records", "--format", "csv"], in: dir)
        let rows = Self.parseCSV(csv.out)
        let header = try #require(rows.first)
        let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
        #expect(rows.count == records.count + 1)
        for (row, want) in zip(rows.dropFirst(), records) {
            let got = Fields(
                title: row[column("title")], authors: row[column("authors")].components(separatedBy: "; "),
                journal: row[column("journal")],
                keywords: row[column("keywords")].isEmpty ? [] : row[column("keywords")].components(separatedBy: "; "),
                abstract: row[column("abstract")])
            #expect(got == want, "CSV differs for \(want.title.prefix(40).debugDescription)")
        }

        // Displayed, nothing acts on the terminal, but the text is still recognisable.
        let list = try TarsierBinary.run(["list", "r.tarsier"], in: dir)
        #expect(!Self.hasTerminalControls(list.out))
        #expect(list.out.contains("Red ␛[31mtitle␛[0m"))
        #expect(list.out.contains("RTL <U+202E>gnirts<U+202C> שלום"))
        #expect(
            list.out.split(separator: "\n").allSatisfy {
                $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4
            })
        for id in 1...4 {
            let show = try TarsierBinary.run(["show", "r.tarsier", "\(id)"], in: dir)
            #expect(show.status == 0)
            #expect(!Self.hasTerminalControls(show.out), "show \(id) emits a raw control")
            let json = try TarsierBinary.run(["show", "r.tarsier", "\(id)", "--json"], in: dir)
            #expect(!Self.hasTerminalControls(json.out), "show --json \(id) emits a raw control")
            let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
            let fields = (object?["record"] as? [String: Any])?["fields"] as? [String: Any]
            #expect(fields?["title"] as? String == records[id - 1].title)
        }
    }

    @Test("invalid UTF-8 becomes U+FFFD with a file:line warning; NUL becomes U+FFFD with a warning")
    func invalidBytes() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Data("TY  - JOUR\r\nTI  - Invalid ".utf8) + Data([0xFF]) + Data(" bytes\r\nPY  - 2020\r\n".utf8)
        bytes += Data("AB  - truncated ".utf8) + Data([0xC3, 0x28]) + Data(" sequence\r\nER  - \r\n\r\n".utf8)
        bytes += Data("TY  - JOUR\r\nTI  - nul\u{0}inside\r\nAB  - after the nul\r\nER  - \r\n".utf8)
        try bytes.write(to: dir.appendingPathComponent("bad.ris"))
        try TarsierBinary.run(["init", "r.tarsier"], in: dir)
        let imported = try TarsierBinary.run(["import", "r.tarsier", "bad.ris"], in: dir)
        #expect(imported.status == 0)
        #expect(imported.err.contains("bad.ris:2: warning: invalid UTF-8 replaced by U+FFFD"))
        #expect(imported.err.contains("bad.ris:4: warning: invalid UTF-8 replaced by U+FFFD"))
        #expect(imported.err.contains("bad.ris:7: warning: NUL character replaced by U+FFFD"))
        let rows = Self.parseCSV(
            try TarsierBinary.run(["export", "r.tarsier", "--what", "records", "--format", "csv"], in: dir).out)
        #expect(rows.count == 3)
        #expect(rows.dropFirst().map { $0[1] } == ["Invalid \u{FFFD} bytes", "nul\u{FFFD}inside"])
        #expect(rows[1][2] == "truncated \u{FFFD}( sequence")
    }
}
