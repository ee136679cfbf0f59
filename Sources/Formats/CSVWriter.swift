import Foundation
import ReviewModel

/// Writes records as CSV in ASReview's shape plus tarsier's decision.
///
/// Columns: `record_id,title,abstract,authors,year,journal,volume,issue,pages,doi,pmid,keywords,
/// mesh,urls,language,type,label_included,decision`. Multi-valued fields are joined with `; `;
/// `label_included` is 1 (include), 0 (exclude) or empty; `decision` names the label, so `maybe`
/// survives. Quoting follows RFC 4180 §2: fields with commas, quotes or line breaks are quoted and
/// quotes doubled; records end with CRLF.
public enum CSVWriter {
    /// The header row's column names.
    public static let columns = [
        "record_id", "title", "abstract", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid",
        "keywords", "mesh", "urls", "language", "type", "label_included", "decision",
    ]

    /// The CSV text for `records`.
    public static func render(_ records: [ImportedRecord]) -> String {
        var output = columns.joined(separator: ",") + "\r\n"
        for record in records {
            let fields = record.fields
            let labelIncluded: String
            switch record.label {
            case .include: labelIncluded = "1"
            case .exclude: labelIncluded = "0"
            case .maybe, nil: labelIncluded = ""
            }
            let row: [String] = [
                record.sourceID ?? "", fields.title, fields.abstract, fields.authors.joined(separator: "; "),
                fields.year.map(String.init) ?? "", fields.journal ?? "", fields.volume ?? "", fields.issue ?? "",
                fields.pages ?? "", fields.doi ?? "", fields.pmid ?? "", fields.keywords.joined(separator: "; "),
                fields.meshTerms.joined(separator: "; "), fields.urls.joined(separator: "; "), fields.language ?? "",
                fields.type ?? "", labelIncluded, record.label?.rawValue ?? "",
            ]
            output += Self.row(row)
        }
        return output
    }

    /// One CSV line (RFC 4180 quoting, CRLF end) for arbitrary values.
    public static func row(_ values: [String]) -> String {
        values.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// Writes `records` to `url` as UTF-8 CSV.
    /// - Throws: the file system error when the file cannot be written.
    public static func write(_ records: [ImportedRecord], to url: URL) throws {
        try Data(render(records).utf8).write(to: url, options: .atomic)
    }

    /// `value`, quoted when RFC 4180 requires it (or when it has edge spaces that a reader might trim).
    static func quoted(_ value: String) -> String {
        let needsQuotes =
            value.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
