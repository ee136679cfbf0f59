import ReviewModel

/// Which records the queue lists: by decision status, label and a text filter.
public struct QueueFilter: Sendable, Hashable {
    /// Decision status a record must have to be listed.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Records this assessor has not decided (the screening queue).
        case undecided
        /// Records this assessor has decided.
        case decided
        /// Every record.
        case all
    }

    /// Decision status to list.
    public var status: Status
    /// When set, only records with this label (implies `decided`).
    public var label: Label?
    /// When non-empty, only records whose title or abstract contains every word (case-insensitive).
    public var text: String

    /// The screening queue: undecided records in ranked order.
    public static let undecided = QueueFilter(status: .undecided)

    /// Creates a filter.
    public init(status: Status = .undecided, label: Label? = nil, text: String = "") {
        self.status = label == nil ? status : .decided
        self.label = label
        self.text = text
    }

    /// Parses the filter prompt: words `undecided`, `decided`, `all`, `include(d)`, `exclude(d)`,
    /// `maybe` set status/label; every other word is a text term. Blank input is the plain queue.
    public static func parse(_ input: String) -> QueueFilter {
        var filter = QueueFilter.undecided
        var words: [Substring] = []
        for word in input.split(whereSeparator: \.isWhitespace) {
            switch word.lowercased() {
            case "undecided": filter.status = .undecided
            case "decided": filter.status = .decided
            case "all": filter.status = .all
            case "include", "included", "includes": filter.label = .include; filter.status = .decided
            case "exclude", "excluded", "excludes": filter.label = .exclude; filter.status = .decided
            case "maybe", "maybes": filter.label = .maybe; filter.status = .decided
            default: words.append(word)
            }
        }
        filter.text = words.joined(separator: " ")
        return filter
    }

    /// The filter written the way `parse` reads it (empty for the plain queue).
    public var description: String {
        var parts: [String] = []
        if let label { parts.append(label.rawValue) } else if status != .undecided { parts.append(status.rawValue) }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }

    /// Whether this is the plain screening queue.
    public var isDefault: Bool { self == .undecided }
}
