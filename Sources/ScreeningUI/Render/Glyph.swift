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
            let width = DisplayWidth.of(character)
            if width > 0 { glyphs.append(Glyph(character: character, width: min(width, 2), style: style)) }
        }
        return glyphs
    }
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
