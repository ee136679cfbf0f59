/// Renders the whole screen from the state: a pure function of `(AppState, Size)`.
public enum Screen {
    /// The frame for a state at its own size.
    public static func render(_ state: AppState) -> ScreenBuffer {
        render(state, size: state.size)
    }

    /// The frame for a state at a given size.
    public static func render(_ state: AppState, size: Size) -> ScreenBuffer {
        var state = state
        state.size = size
        var buffer = ScreenBuffer(size: size)
        let layout = Layout(state)
        if layout.isTooSmall {
            buffer.put("terminal too small", row: 0, column: 0, style: .bold)
            buffer.put("need \(Layout.minimum.columns)×\(Layout.minimum.rows)", row: 1, column: 0)
            return buffer
        }
        let pager = layout.pager.isEmpty ? nil : PagerView.layout(state, width: size.columns)
        HeaderView.draw(state, into: &buffer)
        drawRules(state, layout, pagerLines: pager?.lineCount ?? 0, into: &buffer)
        switch state.view {
        case .queue:
            QueueView.draw(state, rows: layout.list, into: &buffer)
            PagerView.draw(state, layout: pager, rows: layout.pager, into: &buffer)
        case .history:
            HistoryView.draw(state, rows: layout.list, into: &buffer)
            PagerView.draw(state, layout: pager, rows: layout.pager, into: &buffer)
        case .stats:
            StatsView.draw(state, rows: layout.stats, into: &buffer)
        case .conflicts:
            ConflictsView.draw(state, rows: layout.stats, into: &buffer)
        }
        StatusLineView.draw(state, row: layout.status, into: &buffer)
        HintBarView.draw(state, row: layout.hints, into: &buffer)
        switch state.mode {
        case .help(let scroll): HelpView.draw(state, scroll: scroll, into: &buffer)
        case .reasonPicker(let selected): ReasonPickerView.draw(state, selected: selected, into: &buffer)
        case .normal, .prompt: break
        }
        return buffer
    }

    static func drawRules(_ state: AppState, _ layout: Layout, pagerLines lines: Int, into buffer: inout ScreenBuffer) {
        let width = layout.size.columns
        for row in layout.rules {
            buffer.put(String(repeating: "─", count: width), row: row, column: 0, style: .muted)
        }
        var labels: [String] = []
        if state.view == .queue {
            let filter = String(state.filter.description.unicodeScalars.prefix(Glyph.scalarBound(width)))
            labels.append(
                state.filter.isDefault ? "queue \(state.page.total)" : "filter: \(filter) · \(state.page.total)")
        }
        if let search = state.search {
            let query = String(search.query.unicodeScalars.prefix(Glyph.scalarBound(width)))
            labels.append("search “\(query)” \(search.matches.isEmpty ? 0 : search.index + 1)/\(search.matches.count)")
        }
        if let first = layout.rules.first, !labels.isEmpty {
            buffer.put(
                " " + labels.joined(separator: " · ") + " ", row: first, column: 2, style: .muted, limit: width - 2)
        }
        if !layout.pager.isEmpty, let last = layout.rules.last {
            let more = lines - min(state.pagerScroll, max(0, lines - layout.pagerRows)) - layout.pagerRows
            if more > 0 {
                let label = " \(more) more line\(more == 1 ? "" : "s") ↓ "
                buffer.put(label, row: last, column: max(0, width - DisplayWidth.of(label) - 2), style: .muted)
            }
        }
    }

    /// Glyphs for `key label` hint pairs: the key bold, the label plain (dim when disabled).
    static func keyLabel(_ key: String, _ label: String, enabled: Bool) -> [Glyph] {
        let keyStyle = enabled ? Style.bold : Style(.dim, role: .muted)
        let labelStyle = enabled ? Style.plain : Style(.dim, role: .muted)
        return Glyph.make(key, style: keyStyle) + Glyph.make(" " + label, style: labelStyle)
    }
}
