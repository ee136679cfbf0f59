import ReviewModel

/// The ranked queue: one row per record with rank, score bar, year, label mark and title.
enum QueueView {
    static let barWidth = 5

    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let width = buffer.size.columns
        if state.page.total == 0 {
            let text =
                state.filter.isDefault
                ? "Nothing left to screen: every record is decided."
                : "No record matches the filter “\(state.filter.description)”."
            buffer.put(text, row: rows.lowerBound, column: 2, style: .muted)
            return
        }
        let top = state.queueCursor.visibleTop(rows: rows.count, count: state.page.total)
        let rankDigits = max(3, String(max(state.overview.total, state.page.total)).count)
        for (offset, row) in rows.enumerated() {
            let position = top + offset
            guard position < state.page.total, let entry = state.page.entry(at: position) else { continue }
            let selected = position == state.queueCursor.position
            buffer.put(
                glyphs(for: entry, selected: selected, rankDigits: rankDigits, width: width), row: row, column: 0)
            if selected { buffer.restyle(row: row, from: 0, to: width, Style([.reverse, .bold])) }
        }
    }

    static func glyphs(for entry: QueueEntry, selected: Bool, rankDigits: Int, width: Int) -> [Glyph] {
        let rank = String(entry.rank)
        var line = Glyph.make(
            (selected ? " ▶ " : "   ") + String(repeating: " ", count: max(0, rankDigits - rank.count)) + rank + " ")
        line += Glyph.make(scoreBar(entry.score), style: Style(role: .accent))
        line += Glyph.make(" " + (entry.year.map { String($0) } ?? "    ") + " ")
        line += labelMark(entry.label)
        line += Glyph.make(entry.title, atMost: width)
        return line.truncated(to: width)
    }

    static func labelMark(_ label: Label?) -> [Glyph] {
        switch label {
        case .include: Glyph.make("✓ ", style: Style.label(.include))
        case .exclude: Glyph.make("✗ ", style: Style.label(.exclude))
        case .maybe: Glyph.make("? ", style: Style.label(.maybe))
        case nil: Glyph.make(" ")
        }
    }

    /// A bar of `barWidth` cells drawn with eighth blocks; blank when unranked.
    static func scoreBar(_ score: Double?) -> String {
        guard let score, score.isFinite else { return String(repeating: " ", count: barWidth) }
        let eighths = Int((max(0, min(1, score)) * Double(barWidth * 8)).rounded())
        let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8 - 1]) }
        return bar + String(repeating: " ", count: barWidth - bar.count)
    }
}
