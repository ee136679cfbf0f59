import ReviewModel

/// A terminal size in character cells.
public struct Size: Hashable, Sendable {
    /// Width in cells.
    public var columns: Int
    /// Height in cells.
    public var rows: Int

    /// Creates a size.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// Attributes that work on every terminal, including monochrome and `NO_COLOR` ones.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold (or bright) text.
    public static let bold = TextAttributes(rawValue: 1)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 2)
    /// Swapped foreground and background.
    public static let reverse = TextAttributes(rawValue: 4)
    /// Dim text (used for disabled actions and secondary text).
    public static let dim = TextAttributes(rawValue: 8)
}

/// What a piece of text is, so the terminal adapter can pick a colour for it (or none).
public enum ColourRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal, accent, muted, include, exclude, maybe, topic, searchMatch, warning, error
}

/// A cell's look: portable attributes plus a colour role.
public struct Style: Hashable, Sendable {
    /// Attributes that survive monochrome terminals.
    public var attributes: TextAttributes
    /// The colour role, ignored when colours are off.
    public var role: ColourRole

    /// Creates a style.
    public init(_ attributes: TextAttributes = [], role: ColourRole = .normal) {
        self.attributes = attributes
        self.role = role
    }

    /// No attributes, default colour.
    public static let plain = Style()
    /// Bold, default colour.
    public static let bold = Style(.bold)
    /// Reverse video (selection).
    public static let selected = Style(.reverse)
    /// Secondary text.
    public static let muted = Style(.dim, role: .muted)

    /// This style with extra attributes.
    public func adding(_ extra: TextAttributes) -> Style { Style(attributes.union(extra), role: role) }

    /// The style decisions with this label are drawn in.
    static func label(_ label: Label?) -> Style {
        switch label {
        case .include: Style(.bold, role: .include)
        case .exclude: Style(role: .exclude)
        case .maybe: Style(.bold, role: .maybe)
        case nil: .plain
        }
    }
}
