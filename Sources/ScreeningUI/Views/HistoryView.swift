import ReviewModel

/// The decision log, newest first: sequence, what happened, the resulting label, title and assessor.
enum HistoryView {
    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let width = buffer.size.columns
        if state.history.isEmpty {
            buffer.put("No decisions yet.", row: rows.lowerBound, column: 2, style: .muted)
            return
        }
        let top = state.historyCursor.visibleTop(rows: rows.count, count: state.history.count)
        let digits = max(3, String(state.history.first?.sequence ?? 0).count)
        for (offset, row) in rows.enumerated() {
            let position = top + offset
            guard position < state.history.count else { break }
            let event = state.history[position]
            let selected = position == state.historyCursor.position
            let sequence = String(event.sequence)
            var line = Glyph.make(
                (selected ? " ▶ " : "   ") + String(repeating: " ", count: max(0, digits - sequence.count)) + sequence
                    + " ")
            line += Glyph.make(kindMark(event.kind) + " ")
            let word = event.label?.rawValue ?? "undecided"
            line += Glyph.make(
                word + String(repeating: " ", count: max(0, 9 - word.count)), style: Style.label(event.label))
            line += Glyph.make(" ", atMost: width) + Glyph.make(event.title, atMost: width)
            if let reason = event.reason { line += Glyph.make(" — ") + Glyph.make(reason, atMost: width) }
            let assessor = Glyph.make(" · ") + Glyph.make(event.assessor, style: .muted, atMost: width / 3)
            line = line.truncated(to: max(0, width - assessor.displayWidth)) + assessor
            buffer.put(line.truncated(to: width), row: row, column: 0)
            if selected { buffer.restyle(row: row, from: 0, to: width, Style([.reverse, .bold])) }
        }
    }

    static func kindMark(_ kind: DecisionEvent.Kind) -> String {
        switch kind {
        case .decision: " "
        case .undo: "↶"
        case .redo: "↷"
        }
    }
}
