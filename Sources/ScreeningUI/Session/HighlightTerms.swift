/// Term lists highlighted in the pager: the topic's query terms plus the per-review include and
/// exclude lists. A term is one or more words; a trailing `*` matches any word ending
/// (`radiotherap*`); matching ignores case.
public struct HighlightTerms: Sendable, Equatable {
    /// Terms taken from the topic's query (not editable from the UI).
    public var topic: [String]
    /// Terms that suggest inclusion.
    public var include: [String]
    /// Terms that suggest exclusion.
    public var exclude: [String]

    /// Creates term lists.
    public init(topic: [String] = [], include: [String] = [], exclude: [String] = []) {
        self.topic = topic
        self.include = include
        self.exclude = exclude
    }

    /// Splits an edited list ("a, b c, d*") into trimmed non-empty terms.
    public static func parseList(_ text: String, separator: Character = ",") -> [String] {
        text.split(separator: separator)
            .map { String($0).trimmed }
            .filter { !$0.isEmpty }
    }
}
