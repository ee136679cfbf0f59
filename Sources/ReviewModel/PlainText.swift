import Foundation

/// Markup in exported text made plain: RIS and CSV exports from Crossref-fed databases (Lens,
/// Dimensions, Scopus) carry JATS and HTML tags (`<jats:p>`, `<sub>`, `<i>`) and entities
/// (`&amp;`, `&#8211;`) in titles and abstracts. tarsier keeps the field as exported (exports
/// write it back unchanged) and uses the plain text to show, rank and match duplicates, as the
/// PubMed XML importer already does (`CO<sub>2</sub>` → `CO2`).
public enum PlainText {
    /// `text` without tags and with entities decoded; text without `<` or `&` is returned as is.
    /// A `<` that does not open a tag (`p < 0.05`) is kept. Block-level tags become a space.
    public static func of(_ text: String) -> String {
        // A byte scan (no grapheme breaking): a 100,000-record review's text is checked at load.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return text }
        var out = ""
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let end = tagEnd(text, from: index), case let name = tagName(text[index..<end]),
                name.contains(":") || knownTags.contains(name)
            {
                if blockTags.contains(name), !(out.last?.isWhitespace ?? true) { out.append(" ") }
                index = end
                continue
            }
            if character == "&", let (decoded, end) = entity(text, from: index) {
                out += decoded
                index = end
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return markupSeen(text) ? out.trimmingCharacters(in: .whitespaces) : out
    }

    private static func markupSeen(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: "<")) }

    /// HTML, JATS and PubMed tags that occur in exported titles and abstracts (namespaced tags such
    /// as `jats:p` or `mml:math` count too); other `<…>` is text (`x<y and y>z`).
    static let knownTags: Set<String> = [
        "p", "br", "i", "b", "u", "em", "strong", "sub", "sup", "sc", "span", "div", "a", "italic", "bold", "title",
        "sec", "abstract", "abstracttext", "list", "list-item", "label", "xref", "ext-link", "inline-formula", "li",
        "ul", "ol", "small", "tt", "hr", "h1", "h2", "h3", "h4", "break", "underline", "monospace",
    ]

    static let blockTags: Set<String> = [
        "p", "br", "sec", "title", "div", "li", "ul", "ol", "abstract", "abstracttext", "jats:p", "jats:sec",
        "jats:title", "jats:abstract",
    ]

    /// The end of a tag starting at `start` (`<name …>` or `</name>`), or nil when `<` does not open one.
    static func tagEnd(_ text: String, from start: String.Index) -> String.Index? {
        var index = text.index(after: start)
        if index < text.endIndex, text[index] == "/" { index = text.index(after: index) }
        guard index < text.endIndex, text[index].isASCII, text[index].isLetter else { return nil }
        var scanned = 0
        while index < text.endIndex, scanned < 400 {
            if text[index] == ">" { return text.index(after: index) }
            if text[index] == "<" || text[index] == "\n" { return nil }
            index = text.index(after: index)
            scanned += 1
        }
        return nil
    }

    static func tagName(_ tag: Substring) -> String {
        String(tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" })
            .lowercased()
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "plusmn": "±", "le": "≤", "ge": "≥", "times": "×", "deg": "°", "micro": "µ", "alpha": "α",
        "beta": "β", "gamma": "γ", "kappa": "κ", "mu": "μ", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    /// A character reference at `start` (`&amp;`, `&#8211;`, `&#x2013;`) and its end.
    static func entity(_ text: String, from start: String.Index) -> (String, String.Index)? {
        guard let semicolon = text[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = text[text.index(after: start)..<semicolon]
        let end = text.index(after: semicolon)
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                return nil
            }
            return (String(Character(scalar)), end)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end)
        }
        return named[String(body)].map { ($0, end) }
    }
}

extension ReferenceFields {
    /// The fields as shown: title and abstract with their markup made plain (`PlainText`); the
    /// English title in place of an original-language one (`translatedTitle`).
    public var shown: ReferenceFields {
        var copy = self
        copy.title = PlainText.of(translatedTitle ?? title)
        copy.abstract = PlainText.of(abstract)
        return copy
    }
}
