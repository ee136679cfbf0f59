/// Greedy word wrapping by display width. Breaks at spaces, before and after wide (CJK)
/// glyphs, and inside words longer than a line; `\n` glyphs start a new paragraph.
public enum TextWrapper {
    /// The lines `glyphs` wrap to at `width` cells (at least one line, possibly empty).
    public static func wrap(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        guard width > 0 else { return [] }
        var lines: [[Glyph]] = []
        var paragraph: [Glyph] = []
        for glyph in glyphs {
            if glyph.character == "\n" {
                lines.append(contentsOf: wrapParagraph(paragraph, width: width))
                paragraph.removeAll(keepingCapacity: true)
            } else {
                paragraph.append(glyph)
            }
        }
        lines.append(contentsOf: wrapParagraph(paragraph, width: width))
        return lines
    }

    static func wrapParagraph(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var lineWidth = 0

        func flush() {
            while line.last?.character == " " { lineWidth -= line.removeLast().width }
            lines.append(line)
            line.removeAll(keepingCapacity: true)
            lineWidth = 0
        }

        for token in tokens(glyphs) {
            let tokenWidth = token.displayWidth
            if token.first?.character == " " {
                if !line.isEmpty { line.append(contentsOf: token); lineWidth += tokenWidth }
                continue
            }
            if lineWidth + tokenWidth <= width {
                line.append(contentsOf: token)
                lineWidth += tokenWidth
                continue
            }
            if !line.isEmpty { flush() }
            for glyph in token {
                if lineWidth + glyph.width > width { flush() }
                line.append(glyph)
                lineWidth += glyph.width
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    /// Splits a paragraph into runs of spaces, runs of narrow non-spaces, and single wide glyphs.
    static func tokens(_ glyphs: [Glyph]) -> [ArraySlice<Glyph>] {
        var result: [ArraySlice<Glyph>] = []
        var start = glyphs.startIndex
        var index = glyphs.startIndex
        func kind(_ glyph: Glyph) -> Int { glyph.character == " " ? 0 : (glyph.width == 2 ? 2 : 1) }
        while index < glyphs.endIndex {
            let current = kind(glyphs[index])
            if index > start && (current != kind(glyphs[start]) || current == 2) {
                result.append(glyphs[start..<index])
                start = index
            }
            index += 1
        }
        if start < glyphs.endIndex { result.append(glyphs[start..<glyphs.endIndex]) }
        return result
    }
}
