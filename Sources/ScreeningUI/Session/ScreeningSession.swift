import ReviewModel

/// What the screening UI needs from a review: the ranked queue, record details, the decision log
/// and the per-review term lists. `tarsier` implements it over the review database and the ranker;
/// `InMemoryScreeningSession` is the reference implementation used by tests.
///
/// All calls are made from the event loop's thread. A session that does background work
/// (retraining, embedding, another assessor's writes) reports it through the change handler,
/// which may be called from any thread.
///
/// The list a session serves changes only at a pick (`beginPick`) and with this assessor's own
/// decisions: a new ranking is posted with its payload and followed from the pick that adopts it,
/// and what other assessors decide meanwhile is marked (`RecordDetail.decidedElsewhere`, the queue
/// row's label) but leaves the list as it is until the next pick. So the record on screen and the
/// list around it never change without a key press.
public protocol ScreeningSession: AnyObject {
    /// Counts, model state and undo/redo availability for the status line.
    func overview() throws -> SessionOverview
    /// One page of the records that pass `filter`, in ranked order, plus how many pass in total.
    func queue(_ filter: QueueFilter, offset: Int, limit: Int) throws -> QueuePage
    /// The 0-based position of a record in the filtered ranked list, or nil when it does not pass.
    func position(of id: Int64, in filter: QueueFilter) throws -> Int?
    /// Every field the pager shows, plus this assessor's current decision and note.
    func record(_ id: Int64) throws -> RecordDetail
    /// Records a decision by this session's assessor; the decision is durable when this returns.
    func decide(_ id: Int64, _ label: Label, reason: String?, note: String?) throws
    /// Stores (or clears, when nil or blank) this assessor's note on a record without deciding.
    func setNote(_ id: Int64, _ note: String?) throws
    /// Reverts this assessor's latest decision as a new log event; returns the record it touched.
    func undo() throws -> Int64?
    /// Re-applies the latest undone decision as a new log event; returns the record it touched.
    func redo() throws -> Int64?
    /// The newest decision-log events first (decisions, undos and redos, all assessors).
    func history(limit: Int) throws -> [DecisionEvent]
    /// Whether each screened record was an include, in the order the current decisions were made.
    func screeningCurve() throws -> [Bool]
    /// Record ids whose text matches a full-text query, in ranked order.
    func search(_ text: String) throws -> [Int64]
    /// The per-review list of exclusion reasons offered when excluding.
    func exclusionReasons() throws -> [String]
    /// Replaces the per-review list of exclusion reasons.
    func setExclusionReasons(_ reasons: [String]) throws
    /// Topic query terms (read-only) and the editable include/exclude term lists.
    func highlightTerms() throws -> HighlightTerms
    /// Replaces the editable include/exclude term lists (topic terms are ignored).
    func setHighlightTerms(_ terms: HighlightTerms) throws
    /// Asks for a new ranking from the review as it is now (another assessor's decisions, the
    /// embeddings stored so far); the screen follows with a pick.
    func refresh() throws
    /// Begins the next pick (after a decision, an undo or redo, a jump to the top, a new filter):
    /// the list takes in what other assessors decided since the last pick and, when `ranking` is
    /// given (one this session posted), follows that ranking from now on.
    func beginPick(adopting ranking: RankingUpdate?) throws
    /// Installs the callback the session calls, from any thread, when something changed in the
    /// background; the event loop turns each call into a reload on its own thread.
    func setChangeHandler(_ handler: @escaping @Sendable (SessionChange) -> Void)
    /// True for a lead's session: the screen offers the Conflicts view.
    var isLead: Bool { get }
    /// The records whose votes disagree, for a lead's Conflicts view (empty for other sessions).
    func conflicts() throws -> [ConflictEntry]
    /// Records a lead's final decision on a record in conflict (a `resolve` event); durable when
    /// this returns.
    func resolve(_ id: Int64, _ label: Label) throws
}

/// Something that changed behind the UI's back and calls for a reload.
public enum SessionChange: Sendable, Equatable {
    /// A new ranking is ready; the screen follows it from its next pick.
    case ranking(RankingUpdate)
    /// Retraining started or stopped, or embedding progressed.
    case progress
    /// Decisions were written by another assessor or process.
    case decisions
}

/// A ranking a session finished in the background, as it is posted to the screen: its version and
/// the order of the records that were undecided when it was made.
public struct RankingUpdate: Sendable, Equatable {
    /// The model version (the stored ranking run).
    public var version: Int
    /// Record ids, best first.
    public var order: [Int64]

    /// Creates an update.
    public init(version: Int, order: [Int64]) {
        self.version = version
        self.order = order
    }
}
