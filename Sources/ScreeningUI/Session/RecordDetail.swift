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
    /// Another assessor's decision on the record, made since the list was picked (the record stays
    /// on screen, marked, until the next pick).
    public var decidedElsewhere: OtherDecision?

    /// A decision another assessor made on a record this assessor has on screen.
    public struct OtherDecision: Sendable, Equatable {
        /// Who decided.
        public var assessor: String
        /// The label they gave (nil: they undid their decision).
        public var label: Label?

        /// Creates a mark.
        public init(assessor: String, label: Label?) {
            self.assessor = assessor
            self.label = label
        }
    }

    /// Creates a record detail.
    public init(
        id: Int64, rank: Int? = nil, score: Double? = nil, fields: ReferenceFields,
        label: Label? = nil, reason: String? = nil, note: String? = nil, decidedElsewhere: OtherDecision? = nil
    ) {
        self.decidedElsewhere = decidedElsewhere
        self.id = id
        self.rank = rank
        self.score = score
        self.fields = fields
        self.label = label
        self.reason = reason
        self.note = note
    }
}
