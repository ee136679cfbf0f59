/// A line of a field-tagged format split into tag and value.
struct TaggedLine {
    /// The tag as written (`TY`, `PMID`, `AU`).
    let tag: Substring
    /// The text after the separator, trimmed at both ends.
    let value: Substring

    /// Splits an RIS line `XX  - value` (two-character tag, two spaces, hyphen; RIS spec, Research
    /// Information Systems 2011), as rispy and asreview match it. The space after the hyphen may be
    /// missing when the value is empty.
    static func ris(_ text: String) -> TaggedLine? {
        let utf8 = text.utf8
        guard utf8.count >= 4 else { return nil }
        var index = utf8.startIndex
        let first = utf8[index]
        guard isUpper(first) else { return nil }
        index = utf8.index(after: index)
        guard isUpperOrDigit(utf8[index]) else { return nil }
        let tagEnd = utf8.index(after: index)
        var cursor = tagEnd
        var spaces = 0
        while cursor < utf8.endIndex, utf8[cursor] == 0x20, spaces < 2 {
            spaces += 1
            cursor = utf8.index(after: cursor)
        }
        guard spaces == 2, cursor < utf8.endIndex, utf8[cursor] == 0x2D else { return nil }
        let afterHyphen = utf8.index(after: cursor)
        guard afterHyphen == utf8.endIndex || utf8[afterHyphen] == 0x20 || utf8[afterHyphen] == 0x09 else { return nil }
        return TaggedLine(tag: text[text.startIndex..<tagEnd], value: trimmed(text[afterHyphen...]))
    }

    /// Splits a MEDLINE line: a tag of up to four characters padded with spaces, `- `, then the value
    /// (NLM "MEDLINE/PubMed Data Element (Field) Descriptions").
    static func medline(_ text: String) -> TaggedLine? {
        let utf8 = text.utf8
        guard utf8.count >= 4, isUpper(utf8[utf8.startIndex]) else { return nil }
        var cursor = utf8.startIndex
        var tagLength = 0
        while cursor < utf8.endIndex, isUpperOrDigit(utf8[cursor]), tagLength < 4 {
            tagLength += 1
            cursor = utf8.index(after: cursor)
        }
        guard tagLength >= 2 else { return nil }
        let tagEnd = cursor
        var column = tagLength
        while cursor < utf8.endIndex, utf8[cursor] == 0x20, column < 5 {
            column += 1
            cursor = utf8.index(after: cursor)
        }
        guard cursor < utf8.endIndex, utf8[cursor] == 0x2D else { return nil }
        let afterHyphen = utf8.index(after: cursor)
        guard afterHyphen == utf8.endIndex || utf8[afterHyphen] == 0x20 else { return nil }
        return TaggedLine(tag: text[text.startIndex..<tagEnd], value: trimmed(text[afterHyphen...]))
    }

    /// Splits a Web of Science line: a two-character tag, one space, the value; or `ER`/`EF` alone.
    static func webOfScience(_ text: String) -> TaggedLine? {
        let utf8 = text.utf8
        guard utf8.count >= 2 else { return nil }
        let first = utf8[utf8.startIndex]
        let second = utf8[utf8.index(after: utf8.startIndex)]
        guard isUpper(first), isUpperOrDigit(second) else { return nil }
        let tagEnd = utf8.index(utf8.startIndex, offsetBy: 2)
        if tagEnd == utf8.endIndex { return TaggedLine(tag: text[..<tagEnd], value: "") }
        guard utf8[tagEnd] == 0x20 else { return nil }
        return TaggedLine(tag: text[..<tagEnd], value: trimmed(text[utf8.index(after: tagEnd)...]))
    }

    /// `text` without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isBlank(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let before = utf8.index(before: end)
            guard isBlank(utf8[before]) else { break }
            end = before
        }
        return text[start..<end]
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isUpperOrDigit(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x30 && byte <= 0x39) }
}
