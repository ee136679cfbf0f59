/// The `?` overlay: every action that has a key, grouped as in the action table, with its live
/// keys. Disabled actions are dimmed. An action without a key is never listed.
public enum HelpView {
    /// The help lines for a key map (also used for the generated man-page section).
    public static func lines(_ state: AppState) -> [[Glyph]] {
        let bound = Set(state.keyMap.boundActions)
        var lines: [[Glyph]] = []
        for group in ActionGroup.allCases {
            let rows = Action.table.filter { $0.group == group && bound.contains($0.action) }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append(Glyph.make(group.rawValue, style: Style([.bold, .underline], role: .accent)))
            for info in rows {
                let keys = state.keyMap.keys(for: info.action).map(\.name).joined(separator: " ")
                let enabled = isEnabled(info.action, state)
                let keyText = keys + String(repeating: " ", count: max(1, 14 - DisplayWidth.of(keys)))
                lines.append(
                    Glyph.make("  " + keyText, style: enabled ? .bold : Style(.dim, role: .muted))
                        + Glyph.make(info.description, style: enabled ? .plain : Style(.dim, role: .muted)))
            }
        }
        return lines
    }

    static func draw(_ state: AppState, scroll: Int, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let box = Box(top: 1, left: 1, height: size.rows - 3, width: size.columns - 2)
        buffer.clear(rows: 1..<(size.rows - 2), columns: 0..<size.columns)
        let all = lines(state)
        let rows = box.innerRows
        let start = max(0, min(scroll, all.count - rows.count))
        let footer = all.count > rows.count ? "\(start + 1)–\(min(all.count, start + rows.count)) of \(all.count)" : ""
        box.draw(title: "Keys", footer: footer, into: &buffer)
        for (offset, row) in rows.enumerated() where start + offset < all.count {
            buffer.put(all[start + offset], row: row, column: box.innerLeft, limit: box.innerRight)
        }
    }
}
