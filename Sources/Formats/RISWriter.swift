import Foundation
import ReviewModel

/// Writes records as RIS that Zotero and EndNote import, including tarsier's decision.
///
/// The decision goes in a note, `N1  - tarsier decision: include`, because every reference
/// manager keeps notes; ``RISReader`` reads it back into ``ImportedRecord/label``. MeSH headings
/// (no RIS tag exists) are notes `N1  - MeSH: …`; the PubMed id is `AN` with `DP  - NLM`, as in
/// PubMed's own EndNote export. Single-line fields have line breaks replaced by spaces; abstracts
/// keep them as untagged continuation lines.
public enum RISWriter {
    /// The RIS text for `records`, CRLF line ends as in the RIS specification.
    public static func render(_ records: [ImportedRecord]) -> String {
        var output = ""
        output.reserveCapacity(records.count * 1500)
        for record in records { append(record, to: &output) }
        return output
    }

    /// Writes `records` to `url` as UTF-8 RIS.
    /// - Throws: the file system error when the file cannot be written.
    public static func write(_ records: [ImportedRecord], to url: URL) throws {
        try Data(render(records).utf8).write(to: url, options: .atomic)
    }

    private static func append(_ record: ImportedRecord, to output: inout String) {
        let fields = record.fields
        func line(_ tag: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            output += tag + "  - " + singleLine(value) + "\r\n"
        }
        line("TY", fields.type ?? "GEN")
        line("ID", record.sourceID)
        line("TI", fields.title)
        for author in fields.authors { line("AU", author) }
        line("PY", fields.year.map { String(format: "%04d", $0) })
        line("T2", fields.journal)
        line("VL", fields.volume)
        line("IS", fields.issue)
        if let pages = fields.pages {
            let parts = pages.split(separator: "-", maxSplits: 1).map(String.init)
            line("SP", parts.first)
            if parts.count > 1 { line("EP", parts[1]) }
        }
        line("DO", fields.doi)
        if let pmid = fields.pmid {
            line("AN", pmid)
            line("DP", "NLM")
        }
        line("LA", fields.language)
        for url in fields.urls { line("UR", url) }
        for keyword in fields.keywords { line("KW", keyword) }
        if !fields.abstract.isEmpty {
            let lines = fields.abstract.split(omittingEmptySubsequences: false) {
                $0 == "\n" || $0 == "\r\n" || $0 == "\r"
            }
            output += "AB  - " + lines[0] + "\r\n"
            for rest in lines.dropFirst() { output += rest + "\r\n" }
        }
        for term in fields.meshTerms { line("N1", RISRecordMapper.meshNote + term) }
        if let label = record.label { line("N1", RISRecordMapper.decisionNote + label.rawValue) }
        output += "ER  - \r\n\r\n"
    }

    private static func singleLine(_ value: String) -> String {
        guard value.contains(where: \.isNewline) else { return value }
        return value.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
