import Foundation
import ReviewModel

/// Recognises a bibliographic format from a file's content (never its name).
///
/// Looks at the first 64 KiB after gzip decompression: an XML prolog or `<PubmedArticleSet` means
/// PubMed XML; an `FN `/`VR `/`PT ` first line is Web of Science tagged text (Clarivate writes
/// `.txt` but users rename it `.ris`); a `TY  - ` line is RIS; a `PMID- ` line is MEDLINE; a
/// comma- or tab-separated header naming a title or abstract column is CSV (also below a preamble
/// of up to 100 lines, as Embase writes). UTF-16 content (byte-order mark first) is transcoded first.
public enum FormatDetector {
    /// How many bytes of (decompressed) content detection looks at.
    public static let prefixLength = 64 * 1024

    /// Detects the format of the file at `url`; nil when it is none of the supported formats.
    /// - Throws: `FormatsError.unreadable` when the file cannot be read.
    public static func detect(url: URL) throws -> ImportFormat? {
        let source = try ByteSource(url: url)
        return detect(prefix: try source.readPrefix(limit: prefixLength))
    }

    /// Detects the format of content starting with `prefix`.
    public static func detect(prefix: [UInt8]) -> ImportFormat? {
        // A UTF-16 prefix may end inside a character: its replacement is on the last line, dropped below.
        let prefix = UTF16Text.utf8(prefix) ?? prefix
        var text = String(decoding: prefix, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<") {
            let isPubMed = ["<PubmedArticleSet", "<PubmedArticle", "<PubmedBookArticle", "PubmedArticleSet PUBLIC"]
                .contains { text.contains($0) }
            return isPubMed ? .pubmedXML : nil
        }
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            .prefix(400).map { String($0) }
        // A cut-off last line could fake a tag; only whole lines count when the prefix is full.
        if prefix.count >= prefixLength, lines.count > 1 { lines.removeLast() }
        let meaningful = lines.filter { !$0.allSatisfy(\.isWhitespace) && !isOvidNumber($0) }
        guard let first = meaningful.first else { return nil }
        if isWebOfScienceHeader(first) { return .wos }
        for line in meaningful {
            if let tagged = TaggedLine.ris(line), tagged.tag == "TY" { return .ris }
            if line.hasPrefix("PMID-") { return .medline }
        }
        if isCSVHeader(first) { return .csv }
        // Embase writes a SEARCH QUERY preamble above the header (CSVRecordReader skips it).
        if meaningful.prefix(CSVRecordReader.preambleLimit).contains(where: isCSVHeader) { return .csv }
        return nil
    }

    /// A human description of what the content looks like, for "not RIS" style messages.
    public static func describe(_ format: ImportFormat?) -> String {
        switch format {
        case .ris: return "RIS"
        case .medline: return "PubMed MEDLINE text (.nbib)"
        case .pubmedXML: return "PubMed XML"
        case .csv: return "CSV (comma- or tab-separated)"
        case .wos: return "Web of Science tagged text (FN/VR/PT tags)"
        case nil: return "none of RIS, MEDLINE, PubMed XML, CSV or Web of Science tagged text"
        }
    }

    /// Ovid numbers records with lines such as `1.` or `12.`.
    private static func isOvidNumber(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(".") && trimmed.count > 1 && trimmed.dropLast().allSatisfy(\.isNumber)
    }

    /// `FN Clarivate…`, `VR 1.0` or `PT J`: two-letter tag, one space, no RIS `  - `.
    private static func isWebOfScienceHeader(_ line: String) -> Bool {
        guard let tagged = TaggedLine.webOfScience(line), TaggedLine.ris(line) == nil else { return false }
        return ["FN", "VR", "PT"].contains(String(tagged.tag))
    }

    /// A line with a comma- or tab-separated title/abstract column name (Web of Science's
    /// tab-delimited export names them `TI` and `AB`).
    private static func isCSVHeader(_ line: String) -> Bool {
        let separator: Character = line.contains("\t") ? "\t" : ","
        guard line.contains(separator) || CSVColumns.title.contains(normalisedColumn(line)) else { return false }
        let names = line.split(separator: separator, omittingEmptySubsequences: false).map {
            normalisedColumn(String($0))
        }
        return names.contains { CSVColumns.title.contains($0) || CSVColumns.abstract.contains($0) }
    }

    /// A column name lowercased without quotes, surrounding spaces or a BOM.
    static func normalisedColumn(_ name: String) -> String {
        name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t\u{FEFF}")).lowercased()
    }
}
