/// What keys currently go to.
public enum Mode: Equatable, Sendable {
    /// Keys are looked up in the key map.
    case normal
    /// The key list is open, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// A one-line text prompt takes typed characters.
    case prompt(Prompt)
    /// The exclusion-reason list is open with one reason selected.
    case reasonPicker(selected: Int)
}

/// A one-line text prompt.
public struct Prompt: Equatable, Sendable {
    /// What the entered text is for.
    public enum Purpose: Equatable, Sendable {
        case search, filter, includeTerms, excludeTerms, reasons
        /// A note on the record with this id.
        case note(Int64)
    }

    /// What the text is for.
    public var purpose: Purpose
    /// The text typed so far.
    public var text: String

    /// Creates a prompt.
    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }

    /// The label shown before the text.
    public var label: String {
        switch purpose {
        case .search: "Search"
        case .filter: "Filter (undecided|decided|all|include|exclude|maybe, words)"
        case .includeTerms: "Include terms (comma-separated)"
        case .excludeTerms: "Exclude terms (comma-separated)"
        case .reasons: "Exclusion reasons (separated by ;)"
        case .note: "Note"
        }
    }
}
