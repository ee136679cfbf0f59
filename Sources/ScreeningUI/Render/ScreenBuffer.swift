/// One cell of the screen.
public struct Cell: Equatable, Sendable {
    /// The grapheme shown (a space for blank cells, ignored for continuation cells).
    public var character: Character
    /// How it is drawn.
    public var style: Style
    /// True for the right half of a 2-cell glyph.
    public var isContinuation: Bool

    /// A blank cell.
    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A grid of styled cells: what views produce and terminals draw.
public struct ScreenBuffer: Equatable, Sendable {
    /// Its size.
    public let size: Size
    /// Cells, row-major.
    public private(set) var cells: [Cell]

    /// A blank buffer.
    public init(size: Size) {
        self.size = Size(columns: max(0, size.columns), rows: max(0, size.rows))
        cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    /// The cell at a position.
    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Draws glyphs from `column` on `row`, stopping before `limit` (default: the right edge).
    /// A wide glyph that would straddle the limit is replaced by a space. Returns the next column.
    @discardableResult
    public mutating func put(_ glyphs: [Glyph], row: Int, column: Int, limit: Int? = nil) -> Int {
        guard row >= 0, row < size.rows else { return column }
        let end = min(limit ?? size.columns, size.columns)
        var x = max(0, column)
        for glyph in glyphs where glyph.width > 0 {
            if x + glyph.width > end {
                if x < end { setCell(row, x, Cell(character: " ", style: glyph.style, isContinuation: false)) }
                return end
            }
            let character = TextSanitizer.isControl(glyph.character) ? "\u{FFFD}" : glyph.character
            setCell(row, x, Cell(character: character, style: glyph.style, isContinuation: false))
            if glyph.width == 2 {
                setCell(row, x + 1, Cell(character: " ", style: glyph.style, isContinuation: true))
            }
            x += glyph.width
        }
        return x
    }

    /// Draws untrusted text (sanitized on the way in); returns the next column.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        put(Glyph.make(text, style: style), row: row, column: column, limit: limit)
    }

    /// Sets the style of a run of cells without changing their characters.
    public mutating func restyle(row: Int, from column: Int, to end: Int, _ style: Style) {
        guard row >= 0, row < size.rows else { return }
        for x in max(0, column)..<max(max(0, column), min(end, size.columns)) {
            cells[row * size.columns + x].style = style
        }
    }

    /// Fills a rectangle with blanks in a style.
    public mutating func clear(rows: Range<Int>, columns: Range<Int>, style: Style = .plain) {
        for y in rows where y >= 0 && y < size.rows {
            for x in columns where x >= 0 && x < size.columns {
                cells[y * size.columns + x] = Cell(character: " ", style: style, isContinuation: false)
            }
        }
    }

    private mutating func setCell(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * size.columns + column
        // Overwriting half of a wide glyph blanks its other half so no orphan remains.
        if cells[index].isContinuation, column > 0 { cells[index - 1] = .blank }
        if !cell.isContinuation, column + 1 < size.columns, cells[index + 1].isContinuation {
            cells[index + 1] = .blank
        }
        cells[index] = cell
    }

    /// One row's text, continuation cells skipped, trailing spaces kept.
    public func line(_ row: Int) -> String {
        var text = ""
        for x in 0..<size.columns where !self[row, x].isContinuation { text.append(self[row, x].character) }
        return text
    }

    /// The whole screen as text: one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<size.rows).map { row in
            var line = line(row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// A map of the monochrome attributes, one character per cell: `B` bold, `U` underline,
    /// `R` reverse, `D` dim, `*` several, space none. Used to check highlighting without colour.
    public var attributeMap: String {
        (0..<size.rows).map { row in
            var line = String(
                (0..<size.columns).map { x -> Character in
                    let attributes = self[row, x].style.attributes
                    switch attributes {
                    case []: return " "
                    case .bold: return "B"
                    case .underline: return "U"
                    case .reverse: return "R"
                    case .dim: return "D"
                    default: return "*"
                    }
                })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
