import Foundation
import ReviewModel

extension ImportedRecord {
    /// The record with every U+0000 (NUL) in its text replaced by U+FFFD, and whether any was.
    ///
    /// GRDB binds Swift strings with `sqlite3_bind_text(…, -1, …)`, which reads a C string and so
    /// stops at the first NUL: without this the rest of the field would be lost without a word.
    /// Every other control character is stored and exported unchanged.
    func replacingNUL() -> (record: ImportedRecord, replaced: Bool) {
        let fields = self.fields
        let texts =
            [
                fields.title, fields.abstract, raw, sourceID ?? "", fields.type ?? "", fields.journal ?? "",
                fields.volume ?? "", fields.issue ?? "", fields.pages ?? "", fields.doi ?? "", fields.pmid ?? "",
                fields.language ?? "", fields.translatedTitle ?? "",
            ] + fields.authors + fields.keywords + fields.meshTerms + fields.urls
        guard texts.contains(where: Self.hasNUL) else { return (self, false) }
        var copy = self
        copy.raw = Self.clean(raw)
        copy.sourceID = sourceID.map(Self.clean)
        copy.fields.title = Self.clean(fields.title)
        copy.fields.abstract = Self.clean(fields.abstract)
        copy.fields.type = fields.type.map(Self.clean)
        copy.fields.journal = fields.journal.map(Self.clean)
        copy.fields.volume = fields.volume.map(Self.clean)
        copy.fields.issue = fields.issue.map(Self.clean)
        copy.fields.pages = fields.pages.map(Self.clean)
        copy.fields.doi = fields.doi.map(Self.clean)
        copy.fields.pmid = fields.pmid.map(Self.clean)
        copy.fields.language = fields.language.map(Self.clean)
        copy.fields.translatedTitle = fields.translatedTitle.map(Self.clean)
        copy.fields.authors = fields.authors.map(Self.clean)
        copy.fields.keywords = fields.keywords.map(Self.clean)
        copy.fields.meshTerms = fields.meshTerms.map(Self.clean)
        copy.fields.urls = fields.urls.map(Self.clean)
        return (copy, true)
    }

    /// Whether `text` holds a NUL byte (memchr over the UTF-8, fast for 10 MB abstracts).
    static func hasNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }

    private static func clean(_ text: String) -> String {
        hasNUL(text) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }
}
