import ReviewModel

/// One row of the ranked queue.
public struct QueueEntry: Sendable, Equatable {
    /// The record's id in the review.
    public var id: Int64
    /// 1-based rank in the current ranking (stable while the filter changes).
    public var rank: Int
    /// Relevance in 0…1 for the score bar; nil before any model has ranked the record.
    public var score: Double?
    /// Publication year, when known.
    public var year: Int?
    /// The record's title (untrusted text).
    public var title: String
    /// This assessor's decision, when the record is decided.
    public var label: Label?

    /// Creates a queue row.
    public init(id: Int64, rank: Int, score: Double?, year: Int?, title: String, label: Label? = nil) {
        self.id = id
        self.rank = rank
        self.score = score
        self.year = year
        self.title = title
        self.label = label
    }
}

/// A page of the filtered queue.
public struct QueuePage: Sendable, Equatable {
    /// How many records pass the filter.
    public var total: Int
    /// Position of `entries[0]` in the filtered list.
    public var offset: Int
    /// The rows, in ranked order.
    public var entries: [QueueEntry]

    /// Creates a page.
    public init(total: Int, offset: Int, entries: [QueueEntry]) {
        self.total = total
        self.offset = offset
        self.entries = entries
    }

    /// An empty page.
    public static let empty = QueuePage(total: 0, offset: 0, entries: [])

    /// The row at a position in the filtered list, when this page holds it.
    public func entry(at position: Int) -> QueueEntry? {
        let index = position - offset
        return entries.indices.contains(index) ? entries[index] : nil
    }
}
