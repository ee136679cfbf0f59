import Foundation

/// Small, shared clean-ups applied to field values by every reader.
enum FieldNormalisation {
    /// The first four-digit year (1000–2999) in `text`, e.g. 2019 from "2019//" or "2017 Feb".
    static func year(in text: String) -> Int? {
        var run = 0
        var value = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                value = value * 10 + Int(byte - 0x30)
                continue
            }
            if run == 4, (1000...2999).contains(value) { return value }
            run = 0
            value = 0
        }
        return run == 4 && (1000...2999).contains(value) ? value : nil
    }

    /// A DOI without `doi:` or resolver prefixes (`https://doi.org/`, `http://dx.doi.org/`), nil if none.
    ///
    /// Only the part starting at `10.` is kept (DOI Handbook §2.2: every DOI prefix starts "10.").
    static func doi(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("%") { text = text.removingPercentEncoding ?? text }
        guard let range = text.range(of: "10.") else { return nil }
        let lower = text[..<range.lowerBound].lowercased()
        let prefixOK =
            lower.isEmpty || lower.hasSuffix("doi.org/") || lower.hasSuffix("doi:") || lower.hasSuffix("doi: ")
            || lower.hasSuffix("doi ") || lower.hasSuffix("doi=")
        guard prefixOK else { return nil }
        let doi = text[range.lowerBound...].prefix { !$0.isWhitespace && $0 != "&" }
        let cleaned = doi.trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
        return cleaned.count > 3 && cleaned.contains("/") ? cleaned : nil
    }

    /// A DOI found in a URL (`https://doi.org/10…`), nil when the URL is not a DOI link.
    static func doi(fromURL url: String) -> String? {
        let lower = url.lowercased()
        guard lower.contains("doi.org/10.") else { return nil }
        return doi(url)
    }

    /// The digits of a PubMed id, nil unless the value is 1–9 digits (optionally after "PMID:").
    static func pmid(_ raw: String) -> String? {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces))
        if text.lowercased().hasPrefix("pmid:") { text = text.dropFirst(5).drop { $0 == " " } }
        guard (1...9).contains(text.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return String(text)
    }

    /// `value` trimmed, or nil when nothing is left.
    static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Pages from a start and an optional end page ("121", "128" → "121-128").
    static func pages(start: String?, end: String?) -> String? {
        switch (nonEmpty(start), nonEmpty(end)) {
        case (let start?, let end?): return start.contains("-") ? start : "\(start)-\(end)"
        case (let start?, nil): return start
        case (nil, let end?): return end
        case (nil, nil): return nil
        }
    }
}
