/// One drawable grapheme with its display width and style: the unit of wrapping and drawing.
public struct Glyph: Equatable, Sendable {
    /// The grapheme (never a control character).
    public var character: Character
    /// Cells it takes: 1 or 2.
    public var width: Int
    /// How it is drawn.
    public var style: Style

    /// Glyphs for untrusted text: sanitized, zero-width clusters dropped, `\n` kept as a
    /// zero-width line-break glyph when `keepNewlines` is set.
    public static func make(_ text: String, style: Style = .plain, keepNewlines: Bool = false) -> [Glyph] {
        let clean = TextSanitizer.clean(text, keepNewlines: keepNewlines)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(clean.utf8.count)
        for character in clean {
            if character == "\n" {
                glyphs.append(Glyph(character: "\n", width: 0, style: style))
                continue
            }
            if let ascii = character.asciiValue {
                if ascii >= 0x20 && ascii < 0x7F { glyphs.append(Glyph(character: character, width: 1, style: style)) }
                continue
            }
            for part in ClusterRule.parts(of: character) where part.width > 0 {
                glyphs.append(Glyph(character: part.character, width: part.width, style: style))
            }
        }
        return glyphs
    }

    /// Glyphs for untrusted text shown in at most `width` cells (a list row, the status line): only
    /// a prefix of `scalarBound(width)` scalars is sanitized, so a 10 MB title costs no more than a
    /// short one. Ends in `…` when the text was cut; may be wider than `width` (callers truncate).
    public static func make(_ text: String, style: Style = .plain, atMost width: Int) -> [Glyph] {
        let bound = scalarBound(width)
        guard text.utf8.count > bound else { return make(text, style: style) }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: bound, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return make(text, style: style) }
        var glyphs = make(String(scalars[..<end]), style: style)
        glyphs.append(Glyph(character: "…", width: 1, style: style))
        return glyphs
    }

    /// Scalars read for `width` cells: room for a base and its two kept marks per cell plus escape
    /// sequences and dropped joiners, so ordinary text always fills the width.
    static func scalarBound(_ width: Int) -> Int { 8 * max(1, width) + 256 }
}

extension Sequence where Element == Glyph {
    /// Total display width.
    var displayWidth: Int { reduce(0) { $0 + $1.width } }
}

extension Array where Element == Glyph {

    /// The longest prefix that fits in `width` cells, ending in `…` when something was cut.
    func truncated(to width: Int) -> [Glyph] {
        guard displayWidth > width else { return self }
        guard width > 0 else { return [] }
        var result: [Glyph] = []
        var used = 0
        for glyph in self {
            if used + glyph.width > width - 1 { break }
            result.append(glyph)
            used += glyph.width
        }
        result.append(Glyph(character: "…", width: 1, style: last?.style ?? .plain))
        return result
    }
}
