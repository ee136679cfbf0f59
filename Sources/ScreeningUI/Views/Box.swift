/// A framed overlay area drawn over the screen.
struct Box {
    var top: Int
    var left: Int
    var height: Int
    var width: Int

    /// Inner rows (inside the frame).
    var innerRows: Range<Int> { (top + 1)..<(top + height - 1) }
    /// First inner column (one space of padding).
    var innerLeft: Int { left + 2 }
    /// One past the last inner column.
    var innerRight: Int { left + width - 2 }

    /// Clears the area and draws the frame with a title in the top edge.
    func draw(title: String, footer: String = "", into buffer: inout ScreenBuffer) {
        guard height >= 2, width >= 4 else { return }
        buffer.clear(rows: top..<(top + height), columns: left..<(left + width))
        let frame = Style(.bold, role: .accent)
        let inner = String(repeating: "─", count: width - 2)
        buffer.put("┌" + inner + "┐", row: top, column: left, style: frame)
        buffer.put("└" + inner + "┘", row: top + height - 1, column: left, style: frame)
        for row in innerRows {
            buffer.put("│", row: row, column: left, style: frame)
            buffer.put("│", row: row, column: left + width - 1, style: frame)
        }
        buffer.put(" \(title) ", row: top, column: left + 2, style: .bold, limit: left + width - 2)
        if !footer.isEmpty {
            let start = max(left + 2, left + width - DisplayWidth.of(footer) - 4)
            buffer.put(" \(footer) ", row: top + height - 1, column: start, style: .muted, limit: left + width - 1)
        }
    }
}
