import ReviewModel

/// The views Tab cycles through.
public enum ViewKind: String, CaseIterable, Sendable {
    case queue, history, stats
    /// A lead's list of records whose votes disagree (`screen --lead`).
    case conflicts

    /// The tab label.
    public var title: String {
        switch self {
        case .queue: "Queue"
        case .history: "History"
        case .stats: "Stats"
        case .conflicts: "Conflicts"
        }
    }
}

/// A selection in a scrolling list: the selected position and the first visible row.
public struct ListCursor: Equatable, Sendable {
    /// Selected position (0-based).
    public var position = 0
    /// First visible position.
    public var top = 0

    /// Creates a cursor.
    public init(position: Int = 0, top: Int = 0) {
        self.position = position
        self.top = top
    }

    /// The first visible position that keeps the selection in a window of `rows` rows.
    public func visibleTop(rows: Int, count: Int) -> Int {
        guard rows > 0 else { return position }
        var first = min(top, position)
        if position >= first + rows { first = position - rows + 1 }
        return max(0, min(first, max(0, count - rows)))
    }
}

/// The last search: its query, matching record ids in ranked order, and which match is shown.
public struct SearchState: Equatable, Sendable {
    /// The query as typed.
    public var query: String
    /// Matching record ids.
    public var matches: [Int64]
    /// Index of the match last shown.
    public var index: Int
}

/// A message in the status line's message slot.
public struct StatusMessage: Equatable, Sendable {
    /// The text.
    public var text: String
    /// Whether it reports a failure.
    public var isError: Bool

    /// Creates a message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the screen shows, as a value. Changed only by `update`.
public struct AppState: Equatable, Sendable {
    /// Terminal size the layout is computed for.
    public var size: Size
    /// Live key bindings (drive help and the hint bar).
    public var keyMap: KeyMap
    /// The view shown.
    public var view: ViewKind = .queue
    /// True for a lead (`screen --lead`): the Conflicts view is offered.
    public var isLead = false
    /// The records in conflict, for the Conflicts view.
    public var conflicts: [ConflictEntry] = []
    /// The selection in the Conflicts view.
    public var conflictsCursor = ListCursor()

    /// The views Tab cycles through: the Conflicts view only for a lead.
    public var views: [ViewKind] { ViewKind.allCases.filter { $0 != .conflicts || isLead } }

    /// The conflict selected in the Conflicts view.
    public var selectedConflict: ConflictEntry? {
        conflicts.indices.contains(conflictsCursor.position) ? conflicts[conflictsCursor.position] : nil
    }
    /// Normal, help, prompt or reason picker.
    public var mode: Mode = .normal
    /// Whether the pager has the whole body.
    public var pagerFullScreen = false
    /// First pager line shown.
    public var pagerScroll = 0
    /// Counts and model state.
    public var overview = SessionOverview()
    /// What the queue lists.
    public var filter = QueueFilter.undecided
    /// The loaded part of the filtered queue.
    public var page = QueuePage.empty
    /// Selection in the queue.
    public var queueCursor = ListCursor()
    /// Loaded decision-log events, newest first.
    public var history: [DecisionEvent] = []
    /// Selection in the history list.
    public var historyCursor = ListCursor()
    /// Includes in decision order, for the stats plot.
    public var curve: [Bool] = []
    /// The record in the pager: what decisions apply to.
    public var current: RecordDetail?
    /// The last search.
    public var search: SearchState?
    /// Highlight term lists.
    public var terms = HighlightTerms()
    /// Exclusion reasons offered by exclude-with-reason.
    public var reasons: [String] = []
    /// The status line's message.
    public var message: StatusMessage?
    /// Set when the user quit.
    public var isFinished = false
    /// True while the queue cursor is where screening put it (the top, or the record after a
    /// decision): the next pick then takes the newest ranking's top. Moving by hand clears it.
    public var followsRanking = true
    /// The newest ranking the session posted that the list does not follow yet: it is adopted at
    /// the next pick, never under the reader.
    public var nextRanking: RankingUpdate?

    /// A fresh state for a terminal size and key map.
    public init(size: Size, keyMap: KeyMap = .standard) {
        self.size = size
        self.keyMap = keyMap
    }

    /// Keeps `ranking` as the one the next pick follows, unless a newer one is already waiting.
    public mutating func noteArrived(_ ranking: RankingUpdate) {
        if ranking.version > (nextRanking?.version ?? Int.min) { nextRanking = ranking }
    }

    /// The queue row that is selected, when loaded.
    public var selectedEntry: QueueEntry? { page.entry(at: queueCursor.position) }

    /// The history event that is selected.
    public var selectedEvent: DecisionEvent? {
        history.indices.contains(historyCursor.position) ? history[historyCursor.position] : nil
    }
}
