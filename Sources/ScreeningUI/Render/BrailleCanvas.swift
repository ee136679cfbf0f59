/// A plotting surface of braille dots: each cell holds 2×4 dots (U+2800–U+28FF), so a
/// `columns`×`rows` canvas has `2·columns`×`4·rows` dots. Origin at the bottom left.
///
/// Dot numbering from the Unicode braille block: dots 1–3 and 7 in the left column, 4–6 and 8 in
/// the right, top to bottom.
public struct BrailleCanvas: Sendable {
    /// Size in cells.
    public let columns: Int
    /// Size in cells.
    public let rows: Int
    private var bits: [UInt8]
    private var roles: [ColourRole?]

    /// Dot bit for (x mod 2, y mod 4 counted from the top of the cell).
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// An empty canvas.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        roles = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Width in dots.
    public var dotWidth: Int { columns * 2 }
    /// Height in dots.
    public var dotHeight: Int { rows * 4 }

    /// Sets one dot (x rightwards, y upwards); points outside are ignored. The first role to draw
    /// in a cell keeps it, so draw the most important series first.
    public mutating func set(x: Int, y: Int, role: ColourRole) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let fromTop = dotHeight - 1 - y
        let index = (fromTop / 4) * columns + x / 2
        bits[index] |= BrailleCanvas.dotBits[x % 2][fromTop % 4]
        if roles[index] == nil { roles[index] = role }
    }

    /// Draws a straight line between two dots (Bresenham's line algorithm).
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), role: ColourRole) {
        var x = start.x, y = start.y
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y, role: role)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// The canvas as rows of glyphs (blank cells are spaces).
    public func glyphRows() -> [[Glyph]] {
        (0..<rows).map { row in
            (0..<columns).map { column in
                let index = row * columns + column
                guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else {
                    return Glyph(character: " ", width: 1, style: .plain)
                }
                return Glyph(character: Character(scalar), width: 1, style: Style(role: roles[index] ?? .normal))
            }
        }
    }
}
