import ReviewModel

/// Everything the pager shows about one record.
public struct RecordDetail: Sendable, Equatable {
    /// The record's id in the review.
    public var id: Int64
    /// 1-based rank in the current ranking, when ranked.
    public var rank: Int?
    /// Relevance in 0…1, when ranked.
    public var score: Double?
    /// The bibliographic fields (untrusted text).
    public var fields: ReferenceFields
    /// This assessor's current decision.
    public var label: Label?
    /// The exclusion reason given with the current decision.
    public var reason: String?
    /// This assessor's note on the record.
    public var note: String?

    /// Creates a record detail.
    public init(
        id: Int64, rank: Int? = nil, score: Double? = nil, fields: ReferenceFields,
        label: Label? = nil, reason: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.rank = rank
        self.score = score
        self.fields = fields
        self.label = label
        self.reason = reason
        self.note = note
    }
}
