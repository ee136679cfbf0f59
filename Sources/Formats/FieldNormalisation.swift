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
                if run <= 4 { value = value * 10 + Int(byte - 0x30) }  // longer runs never match (and would overflow)
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
        var text = trimmed(raw)
        if text.utf8.contains(0x25) { text = text.removingPercentEncoding ?? text }  // "%2F"
        let utf8 = Array(text.utf8)
        var start: Int?
        var index = 0
        while index + 2 < utf8.count {
            if utf8[index] == 0x31, utf8[index + 1] == 0x30, utf8[index + 2] == 0x2E,
                index == 0 || !(0x30...0x39).contains(utf8[index - 1])
            {
                start = index
                break
            }
            index += 1
        }
        guard let start else { return nil }
        let lower = String(decoding: utf8[..<start], as: UTF8.self).lowercased()
        let prefixOK =
            lower.isEmpty || lower.hasSuffix("doi.org/") || lower.hasSuffix("doi:") || lower.hasSuffix("doi: ")
            || lower.hasSuffix("doi ") || lower.hasSuffix("doi=")
        guard prefixOK else { return nil }
        var end = start
        while end < utf8.count, utf8[end] > 0x20, utf8[end] != 0x26 { end += 1 }  // up to space or "&"
        while end > start, [0x2E, 0x2C, 0x3B].contains(utf8[end - 1]) { end -= 1 }  // trailing . , ;
        let doi = String(decoding: utf8[start..<end], as: UTF8.self)
        return doi.utf8.count > 3 && doi.utf8.contains(0x2F) ? doi : nil
    }

    /// A DOI found in a URL (`https://doi.org/10…`), nil when the URL is not a DOI link.
    static func doi(fromURL url: String) -> String? {
        let lower = url.lowercased()
        guard lower.contains("doi.org/10.") else { return nil }
        return doi(url)
    }

    /// The digits of a PubMed id, nil unless the value is 1–9 digits (optionally after "PMID:").
    static func pmid(_ raw: String) -> String? {
        var text = Substring(trimmed(raw))
        if hasPrefixIgnoringCase(text, "pmid:") { text = text.dropFirst(5).drop { $0 == " " } }
        guard (1...9).contains(text.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return String(text)
    }

    /// `text` without leading and trailing Unicode white space (the `White_Space` property).
    ///
    /// Replaces Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, which costs about a
    /// microsecond per call on Linux and dominated import time; the common case (nothing to trim)
    /// returns after looking at two bytes.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, !isSpaceByte(first), !isSpaceByte(last) {
            if first < 0x80 && last < 0x80 { return text }
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether `text` starts with the ASCII `prefix`, ignoring ASCII case (without lowercasing `text`,
    /// which for a long RIS note with a reference list is costly).
    static func hasPrefixIgnoringCase(_ text: Substring, _ prefix: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next() else { return false }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
    }

    /// `value` trimmed, or nil when nothing is left.
    static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let result = trimmed(value)
        return result.isEmpty ? nil : result
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
