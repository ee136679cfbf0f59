/// Text generated from the action table and a key map: Documentation/Keybindings.md and the
/// KEY BINDINGS section of the `screen` command's help.
public enum KeyBindingDocument {
    /// The Markdown document (Documentation/Keybindings.md is this for `KeyMap.standard`).
    public static func markdown(_ keyMap: KeyMap = .standard) -> String {
        var text = """
            # Key bindings

            Generated from the action table in `Sources/ScreeningUI/Input/Action.swift`; do not edit
            (regenerate with `RECORD_SNAPSHOTS=1 swift test --filter ScreeningUITests`).

            Remap keys in a config file of `action = key …` lines (`none` unbinds; `preset = rayyan`
            starts from the Rayyan-style preset: `i`/`I` include, `e`/`E` exclude, `u`/`U` maybe,
            `z` undo, `Z` redo). Action names are also the commands of `tarsier screen --script`.

            """
        for group in ActionGroup.allCases {
            text += "\n## \(group.rawValue)\n\n| Action | Keys | Description |\n|---|---|---|\n"
            for info in Action.table where info.group == group {
                let keys = keyMap.keys(for: info.action).map { "`\($0.name == "|" ? "\\|" : $0.name)`" }
                text +=
                    "| `\(info.action.id)` | \(keys.isEmpty ? "—" : keys.joined(separator: " ")) | \(info.description) |\n"
            }
        }
        return text
    }

    /// Plain text for a man page or `--help` discussion: one action per line.
    public static func plainText(_ keyMap: KeyMap = .standard) -> String {
        Action.table.compactMap { info -> String? in
            let keys = keyMap.keys(for: info.action).map(\.name)
            guard !keys.isEmpty else { return nil }
            let joined = keys.joined(separator: ", ")
            return joined + String(repeating: " ", count: max(1, 14 - joined.count)) + info.description
        }.joined(separator: "\n")
    }
}
