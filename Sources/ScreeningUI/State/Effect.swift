import ReviewModel

/// Work `update` asks the event loop to do against the session; results come back as events.
public enum Effect: Equatable, Sendable {
    /// Record a decision (durable before the next frame); answers `.committed`.
    case decide(id: Int64, label: Label, reason: String?)
    /// Store a note; answers `.committed(.note)`.
    case saveNote(id: Int64, text: String)
    /// Undo the latest decision; answers `.committed(.undo)`.
    case undo
    /// Redo the latest undone decision; answers `.committed(.redo)`.
    case redo
    /// Reload counts and the queue page; answers `.reloaded`.
    case reload(ReloadRequest)
    /// Load one record; answers `.recordLoaded`.
    case loadRecord(Int64)
    /// Load the decision log; answers `.historyLoaded`.
    case loadHistory
    /// Load the records in conflict (a lead's view); answers `.conflictsLoaded`.
    case loadConflicts
    /// Record a lead's final decision on a record in conflict; answers `.conflictsLoaded`.
    case resolve(id: Int64, label: Label)
    /// Load the includes curve; answers `.curveLoaded`.
    case loadCurve
    /// Load term lists and reasons; answers `.settingsLoaded`.
    case loadSettings
    /// Run a search; answers `.searchFinished`.
    case search(String)
    /// Find a record in the filtered queue; answers `.located`.
    case locate(Int64)
    /// Store the include/exclude term lists.
    case saveTerms(HighlightTerms)
    /// Store the exclusion reasons.
    case saveReasons([String])
    /// Ask the session to re-read shared state; answers `.sessionChanged`.
    case refreshSession
    /// Leave the event loop.
    case quit
}

/// What `Effect.reload` should fetch and which row to select.
public struct ReloadRequest: Equatable, Sendable {
    /// The filter to list.
    public var filter: QueueFilter
    /// The position to select when neither `keep` nor `advancePast` applies.
    public var position: Int
    /// Select this record if it is still listed.
    public var keep: Int64?
    /// Select the row after this record if it is still listed (after deciding in a list that
    /// keeps decided records).
    public var advancePast: Int64?
    /// Rows to fetch around the selection.
    public var pageSize: Int
    /// Whether to load the selected record into the pager.
    public var loadDetail: Bool
    /// Whether this reload is a pick (`ScreeningSession.beginPick`): the list takes in other
    /// assessors' decisions and, with `adoptsNewest`, the newest ranking posted by then.
    public var pick: Bool
    /// Whether the pick follows the newest ranking the session has posted when it runs (the
    /// event loop takes in the rankings posted so far and fills `adopt`).
    public var adoptsNewest: Bool
    /// The ranking to follow from this pick on.
    public var adopt: RankingUpdate?
    /// A reload nobody asked for by a key (a background change): the pager keeps this record.
    public var holding: Int64?

    /// Creates a request.
    public init(
        filter: QueueFilter, position: Int, keep: Int64? = nil, advancePast: Int64? = nil,
        pageSize: Int = 200, loadDetail: Bool = true, pick: Bool = false, adoptsNewest: Bool = false,
        adopt: RankingUpdate? = nil, holding: Int64? = nil
    ) {
        self.pick = pick
        self.adoptsNewest = adoptsNewest
        self.adopt = adopt
        self.holding = holding
        self.filter = filter
        self.position = position
        self.keep = keep
        self.advancePast = advancePast
        self.pageSize = pageSize
        self.loadDetail = loadDetail
    }
}
