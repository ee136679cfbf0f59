import ReviewModel

/// A record whose votes disagree, as a lead sees it in the Conflicts view (`screen --lead`).
public struct ConflictEntry: Equatable, Sendable {
    /// One assessor's standing vote on the record.
    public struct Vote: Equatable, Sendable {
        public var assessor: String
        public var label: Label
        public var reason: String?
        public var note: String?

        public init(assessor: String, label: Label, reason: String? = nil, note: String? = nil) {
            self.assessor = assessor
            self.label = label
            self.reason = reason
            self.note = note
        }
    }

    public var id: Int64
    public var title: String
    public var abstract: String
    public var votes: [Vote]

    public init(id: Int64, title: String, abstract: String = "", votes: [Vote]) {
        self.id = id
        self.title = title
        self.abstract = abstract
        self.votes = votes
    }
}

/// What a session without team screening answers for the lead's calls.
public struct NotALeadSession: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "this session cannot resolve conflicts (open the screen with --lead)" }
}

extension ScreeningSession {
    /// Not a lead's session unless it says so.
    public var isLead: Bool { false }
    /// The records whose votes disagree, waiting for a lead (none unless the session is a lead's).
    public func conflicts() throws -> [ConflictEntry] { [] }
    /// Records the lead's final decision on a record in conflict; durable when this returns.
    public func resolve(_ id: Int64, _ label: Label) throws { throw NotALeadSession() }
}
