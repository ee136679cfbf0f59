import ReviewModel

/// One entry of the append-only decision log, as the history view lists it.
public struct DecisionEvent: Sendable, Equatable {
    /// What the event did.
    public enum Kind: String, Sendable, Equatable {
        /// A new decision.
        case decision
        /// An undo of an earlier decision (the label is what the record went back to).
        case undo
        /// A redo of an undone decision.
        case redo
    }

    /// Position in the log (increasing).
    public var sequence: Int64
    /// The record the event is about.
    public var recordID: Int64
    /// The record's title (untrusted text).
    public var title: String
    /// What the event did.
    public var kind: Kind
    /// The record's label after the event (nil when an undo left it undecided).
    public var label: Label?
    /// The exclusion reason, for exclusions.
    public var reason: String?
    /// Who made the event.
    public var assessor: String

    /// Creates a log entry.
    public init(
        sequence: Int64, recordID: Int64, title: String, kind: Kind, label: Label?,
        reason: String? = nil, assessor: String
    ) {
        self.sequence = sequence
        self.recordID = recordID
        self.title = title
        self.kind = kind
        self.label = label
        self.reason = reason
        self.assessor = assessor
    }
}
