import ReviewModel

/// A lead's Conflicts view: the records whose votes disagree (top), and the selected one's votes
/// side by side, each with its reason and note, above the record's title and abstract. `i`, `e`
/// or `m` records the final decision.
enum ConflictsView {
    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let width = buffer.size.columns
        if state.conflicts.isEmpty {
            buffer.put(
                "No conflicts waiting: every record's votes agree.", row: rows.lowerBound, column: 2, style: .muted)
            return
        }
        let listRows = min(state.conflicts.count, max(1, min(8, rows.count / 3)))
        let top = state.conflictsCursor.visibleTop(rows: listRows, count: state.conflicts.count)
        for offset in 0..<listRows {
            let position = top + offset
            guard position < state.conflicts.count else { break }
            let conflict = state.conflicts[position]
            let selected = position == state.conflictsCursor.position
            let votes = conflict.votes.map { "\($0.assessor) \($0.label.rawValue)" }.joined(separator: " / ")
            var line = Glyph.make((selected ? " ▶ #" : "   #") + "\(conflict.id) ")
            let tail = Glyph.make("  " + votes, style: .muted, atMost: width / 2)
            line += Glyph.make(conflict.title, atMost: width)
            line = line.truncated(to: max(0, width - tail.displayWidth)) + tail
            buffer.put(line.truncated(to: width), row: rows.lowerBound + offset, column: 0)
            if selected {
                buffer.restyle(row: rows.lowerBound + offset, from: 0, to: width, Style([.reverse, .bold]))
            }
        }
        guard let conflict = state.selectedConflict else { return }
        var row = rows.lowerBound + listRows
        guard row < rows.upperBound else { return }
        buffer.put(String(repeating: "─", count: width), row: row, column: 0, style: .muted)
        row += 1
        // The votes side by side, one column each.
        let count = max(1, conflict.votes.count)
        let columnWidth = max(10, width / count)
        var voteRows = 0
        for (index, vote) in conflict.votes.enumerated() {
            let column = index * columnWidth
            guard column < width else { break }
            let limit = min(columnWidth - 1, width - column)
            var lines: [[Glyph]] = [
                Glyph.make(vote.assessor, style: .bold, atMost: limit) + Glyph.make(" ")
                    + Glyph.make(vote.label.rawValue, style: Style.label(vote.label), atMost: limit)
            ]
            if let reason = vote.reason { lines.append(Glyph.make("reason: " + reason, atMost: limit)) }
            if let note = vote.note { lines.append(Glyph.make("note: " + note, style: .muted, atMost: limit)) }
            for (offset, line) in lines.enumerated() where row + offset < rows.upperBound {
                buffer.put(line.truncated(to: limit), row: row + offset, column: column)
            }
            voteRows = max(voteRows, lines.count)
        }
        row += voteRows + 1
        let text =
            TextWrapper.wrap(Glyph.make(conflict.title, style: .bold), width: max(1, width - 2)) + [[]]
            + TextWrapper.wrap(Glyph.make(conflict.abstract), width: max(1, width - 2))
        for (offset, line) in text.enumerated() where row + offset < rows.upperBound {
            buffer.put(line, row: row + offset, column: 1)
        }
    }
}
