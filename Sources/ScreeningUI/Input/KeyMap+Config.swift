extension KeyMap {
    /// Reads a key-map config. Each non-blank line not starting with `#` is either
    /// `preset = NAME` (start again from a preset; must come first to matter) or
    /// `ACTION = KEY …` (replace that action's keys; `none` unbinds it). Key names are those of
    /// `Key.name`: `i`, `I`, `C-r`, `Space`, `Tab`, `Enter`, `Esc`, `PgDn`, `F1`.
    ///
    /// - Throws: `ScreeningUIError.keyMapSyntax` naming the line for an unknown action, preset or key.
    public static func parse(_ text: String, base: KeyMap = .standard) throws -> KeyMap {
        var map = base
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmed
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ScreeningUIError.keyMapSyntax(line: number, message: "expected 'action = key'")
            }
            let name = String(line[..<equals]).trimmed
            let value = String(line[line.index(after: equals)...]).trimmed
            if name == "preset" {
                guard let preset = KeyMapPreset(rawValue: value) else {
                    let known = KeyMapPreset.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ScreeningUIError.keyMapSyntax(
                        line: number, message: "unknown preset '\(value)' (known: \(known))")
                }
                map = preset.keyMap
                continue
            }
            guard let action = Action(rawValue: name) else {
                throw ScreeningUIError.keyMapSyntax(line: number, message: "unknown action '\(name)'")
            }
            let names = value.split(separator: " ").map(String.init)
            if names == ["none"] {
                map.unbind(action)
                continue
            }
            var keys: [Key] = []
            for keyName in names {
                guard let key = Key(name: keyName) else {
                    throw ScreeningUIError.keyMapSyntax(line: number, message: "unknown key '\(keyName)'")
                }
                keys.append(key)
            }
            guard !keys.isEmpty else {
                throw ScreeningUIError.keyMapSyntax(line: number, message: "no key for '\(name)'")
            }
            map.rebind(action, to: keys)
        }
        return map
    }

    /// The config lines that reproduce this key map from scratch (for `--print-keymap`-style dumps).
    public var configText: String {
        Action.table.map { info in
            let keys = keys(for: info.action).map(\.name)
            return "\(info.action.id) = \(keys.isEmpty ? "none" : keys.joined(separator: " "))"
        }.joined(separator: "\n") + "\n"
    }
}
