/// A key press as the terminal reports it, independent of curses.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space, any script).
    case character(Character)
    /// Control plus a lowercase letter (`C-r`).
    case control(Character)
    /// A named key without a printable form.
    case named(NamedKey)
    /// Function key F1…F12.
    case function(Int)
}

/// Keys that have a name instead of a character.
public enum NamedKey: String, Hashable, Sendable, CaseIterable {
    case up = "Up", down = "Down", left = "Left", right = "Right"
    case pageUp = "PgUp", pageDown = "PgDn", home = "Home", end = "End"
    case enter = "Enter", escape = "Esc", tab = "Tab", backTab = "BackTab"
    case backspace = "Backspace", delete = "Delete", insert = "Insert"
    /// The terminal changed size.
    case resize = "Resize"
}

extension Key {
    /// The key's name as written in key-map configs and the help screen (`i`, `C-r`, `PgDn`, `Space`).
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "C-\(letter)"
        case .named(let named): named.rawValue
        case .function(let number): "F\(number)"
        }
    }

    /// Parses a key name (the inverse of `name`); nil when it names no key.
    public init?(name: String) {
        if name == "Space" {
            self = .character(" ")
        } else if let named = NamedKey(rawValue: name) {
            self = .named(named)
        } else if name.count == 3, name.hasPrefix("C-"), let letter = name.last, letter.isLetter,
            letter.isASCII
        {
            self = .control(Character(letter.lowercased()))
        } else if name.count >= 2, name.first == "F", let number = Int(name.dropFirst()),
            (1...12).contains(number)
        {
            self = .function(number)
        } else if name.count == 1, let character = name.first, !character.isWhitespace,
            !TextSanitizer.isControl(character)
        {
            self = .character(character)
        } else {
            return nil
        }
    }

    /// Maps a raw code point from the terminal to a key: C0 controls become `.control`,
    /// Tab/Enter/Esc/Backspace become named keys.
    public init?(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 9: self = .named(.tab)
        case 10, 13: self = .named(.enter)
        case 27: self = .named(.escape)
        case 8, 127: self = .named(.backspace)
        case 1...26: self = .control(Character(Unicode.Scalar(scalar.value + 96) ?? "?"))
        case 0..<32, 128..<160: return nil
        default: self = .character(Character(scalar))
        }
    }
}
