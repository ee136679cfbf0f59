/// What a review is about: the shape of the `*.topic.json` files
/// (`title`, optional `objective`, optional Boolean `query`).
public struct Topic: Sendable, Codable, Hashable {
    public var title: String
    public var objective: String?
    /// The Boolean search string as run in the bibliographic database (Ovid or PubMed syntax).
    public var query: String?

    public init(title: String, objective: String? = nil, query: String? = nil) {
        self.title = title
        self.objective = objective
        self.query = query
    }

    /// The text that stands for the topic in embedding space: its title and objective (empty
    /// when both are).
    public var embeddingText: String {
        [title, objective ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// True when there is no text at all to rank by.
    public var isEmpty: Bool {
        [title, objective ?? "", query ?? ""].allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}
