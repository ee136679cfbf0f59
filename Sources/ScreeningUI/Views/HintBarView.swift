/// The bottom line: the key hints for the current view from the live bindings, or the open prompt.
enum HintBarView {
    /// Actions hinted per view, most important first.
    static func hintedActions(_ view: ViewKind) -> [Action] {
        switch view {
        case .queue:
            [.include, .exclude, .maybe, .undo, .note, .search, .togglePager, .nextView, .help, .quit]
        case .history:
            [.include, .exclude, .maybe, .undo, .moveDown, .nextView, .help, .quit]
        case .stats:
            [.refresh, .nextView, .help, .quit]
        case .conflicts:
            [.include, .exclude, .maybe, .moveDown, .moveUp, .nextView, .help, .quit]
        }
    }

    static func draw(_ state: AppState, row: Int, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        switch state.mode {
        case .prompt(let prompt):
            drawPrompt(prompt, row: row, into: &buffer)
            return
        case .help:
            drawItems([("j/k", "scroll"), (keyName(state, .cancel), "close")], row: row, into: &buffer)
            return
        case .reasonPicker:
            drawItems(
                [("1-9", "choose"), (keyName(state, .open), "ok"), (keyName(state, .cancel), "cancel")], row: row,
                into: &buffer)
            return
        case .normal:
            break
        }
        var line: [Glyph] = []
        for action in hintedActions(state.view) {
            guard let key = state.keyMap.keys(for: action).first else { continue }
            let item = Screen.keyLabel(key.name, action.info.hint, enabled: isEnabled(action, state))
            let gap = line.isEmpty ? 1 : 2
            if line.displayWidth + gap + item.displayWidth > width { break }
            line += Glyph.make(String(repeating: " ", count: gap)) + item
        }
        buffer.put(line, row: row, column: 0)
    }

    static func keyName(_ state: AppState, _ action: Action) -> String {
        state.keyMap.keys(for: action).first?.name ?? action.id
    }

    static func drawItems(_ items: [(String, String)], row: Int, into buffer: inout ScreenBuffer) {
        var line: [Glyph] = []
        for (key, label) in items {
            line += Glyph.make(line.isEmpty ? " " : "  ") + Screen.keyLabel(key, label, enabled: true)
        }
        buffer.put(line, row: row, column: 0)
    }

    static func drawPrompt(_ prompt: Prompt, row: Int, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        let help = Glyph.make("Enter ok · Esc cancel", style: .muted)
        let label = Glyph.make(" " + prompt.label + ": ", style: .bold)
        // Only the end of the text is visible: sanitize a bounded suffix, then drop from the front.
        let scalars = prompt.text.unicodeScalars
        let tail = String(scalars.suffix(Glyph.scalarBound(width)))
        var text = Glyph.make(tail) + [Glyph(character: "▏", width: 1, style: Style(.bold, role: .accent))]
        let room = width - label.displayWidth - help.displayWidth - 2
        var used = text.displayWidth, first = 0
        while used > max(1, room), first < text.count {
            used -= text[first].width
            first += 1
        }
        text.removeFirst(first)
        buffer.put(label + text, row: row, column: 0, limit: width - help.displayWidth - 1)
        if room > 0 { buffer.put(help, row: row, column: width - help.displayWidth - 1) }
    }
}
