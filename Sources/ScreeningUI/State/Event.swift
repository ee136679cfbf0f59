import ReviewModel

/// Everything `update` reacts to: user input, terminal changes, and results of effects.
public enum Event: Equatable, Sendable {
    /// A named action (from the key map, a script or a test).
    case action(Action)
    /// A raw key press; resolved through the key map or typed into a prompt.
    case key(Key)
    /// Text typed into the open prompt (scripts' `type`).
    case text(String)
    /// The terminal has a new size.
    case resize(Size)
    /// The session reported a background change.
    case sessionChanged
    /// The session finished a ranking; the screen follows it from the next pick.
    case rankingArrived(RankingUpdate)
    /// A decision, undo, redo or note was committed; the record it touched.
    case committed(Commit)
    /// Fresh overview, queue page, selection and (optionally) the selected record.
    case reloaded(Reload)
    /// A record's details.
    case recordLoaded(RecordDetail)
    /// The newest decision-log events.
    case historyLoaded([DecisionEvent])
    /// The records in conflict (after loading them or resolving one).
    case conflictsLoaded([ConflictEntry])
    /// Includes in decision order.
    case curveLoaded([Bool])
    /// Term lists and exclusion reasons.
    case settingsLoaded(HighlightTerms, [String])
    /// Search results.
    case searchFinished(query: String, matches: [Int64])
    /// Where a search match sits in the current filter (nil: not listed).
    case located(id: Int64, position: Int?)
    /// An effect failed; the message goes to the status line.
    case failed(String)
}

/// What a committed change was.
public enum Commit: Equatable, Sendable {
    case decision(id: Int64, label: Label)
    case undo(id: Int64?)
    case redo(id: Int64?)
    case note(id: Int64)
}

/// The result of `Effect.reload`.
public struct Reload: Equatable, Sendable {
    /// Counts and model state.
    public var overview: SessionOverview
    /// The page holding `position`.
    public var page: QueuePage
    /// The selected position after the reload (clamped to the list).
    public var position: Int
    /// The selected record's details, when asked for and anything is selected.
    public var detail: RecordDetail?
    /// The ranking version the list follows from this reload on, when it adopted one.
    public var adopted: Int?

    /// Creates a reload result.
    public init(overview: SessionOverview, page: QueuePage, position: Int, detail: RecordDetail?, adopted: Int? = nil) {
        self.adopted = adopted
        self.overview = overview
        self.page = page
        self.position = position
        self.detail = detail
    }
}
