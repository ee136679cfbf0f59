/// The numbers the status line shows: "where am I, can I stop?".
public struct SessionOverview: Sendable, Equatable {
    /// The review's title (the topic title), shown in the header.
    public var title: String
    /// Who is screening in this session.
    public var assessor: String
    /// All records in the review.
    public var total: Int
    /// Records this assessor has decided.
    public var screened: Int
    /// Decided as include.
    public var includes: Int
    /// Decided as exclude.
    public var excludes: Int
    /// Decided as maybe.
    public var maybes: Int
    /// Decisions made since the most recent include (all of them when there is none yet).
    public var sinceLastInclude: Int
    /// Version of the model the current ranking comes from; nil before the first model.
    public var modelVersion: Int?
    /// Whether a retraining is running in the background.
    public var retraining: Bool
    /// Records with a stored embedding.
    public var embeddingsDone: Int
    /// Records that need an embedding.
    public var embeddingsTotal: Int
    /// Whether `undo()` has something to revert.
    public var canUndo: Bool
    /// Whether `redo()` has something to re-apply.
    public var canRedo: Bool
    /// The review's stopping indicator, e.g. "stop? no · recall ≥ 62%" (nil when not computed).
    public var stopping: String?
    /// The hypergeometric rule's 95 % upper bound on the review's total includes (nil when not
    /// computed or nothing found yet): the stats plot draws it and the estimated recall.
    public var totalUpperBound: Int?
    /// Where each stopping rule first said stop (short rule name, records screened then), for the
    /// stats plot's markers.
    public var stopMarkers: [StopMarker] = []

    /// Team screening (dual or verified): the mode, the conflicts waiting and each assessor's
    /// progress, for the stats view; nil for single screening.
    public var team: TeamOverview?

    /// A stopping rule's first "stop", marked on the stats plot.
    public struct StopMarker: Sendable, Equatable {
        public var rule: String
        public var screened: Int
        public init(rule: String, screened: Int) {
            self.rule = rule
            self.screened = screened
        }
    }

    /// Creates an overview; every count defaults to zero.
    public init(
        title: String = "", assessor: String = "", total: Int = 0, screened: Int = 0,
        includes: Int = 0, excludes: Int = 0, maybes: Int = 0, sinceLastInclude: Int = 0,
        modelVersion: Int? = nil, retraining: Bool = false, embeddingsDone: Int = 0,
        embeddingsTotal: Int = 0, canUndo: Bool = false, canRedo: Bool = false, stopping: String? = nil,
        totalUpperBound: Int? = nil, stopMarkers: [StopMarker] = []
    ) {
        self.stopMarkers = stopMarkers
        self.stopping = stopping
        self.totalUpperBound = totalUpperBound
        self.title = title
        self.assessor = assessor
        self.total = total
        self.screened = screened
        self.includes = includes
        self.excludes = excludes
        self.maybes = maybes
        self.sinceLastInclude = sinceLastInclude
        self.modelVersion = modelVersion
        self.retraining = retraining
        self.embeddingsDone = embeddingsDone
        self.embeddingsTotal = embeddingsTotal
        self.canUndo = canUndo
        self.canRedo = canRedo
    }
}

/// The team part of the stats view.
public struct TeamOverview: Sendable, Equatable {
    /// One assessor's progress. The label counts are nil where blind screening hides them (another
    /// assessor's, for anyone but a lead).
    public struct Assessor: Sendable, Equatable {
        public var name: String
        public var decided: Int
        public var labels: (include: Int, exclude: Int, maybe: Int)?
        public var lastHour: Int
        public var perHour: Double?

        public init(
            name: String, decided: Int, labels: (include: Int, exclude: Int, maybe: Int)?, lastHour: Int,
            perHour: Double?
        ) {
            self.name = name
            self.decided = decided
            self.labels = labels
            self.lastHour = lastHour
            self.perHour = perHour
        }

        public static func == (a: Assessor, b: Assessor) -> Bool {
            a.name == b.name && a.decided == b.decided && a.labels?.include == b.labels?.include
                && a.labels?.exclude == b.labels?.exclude && a.labels?.maybe == b.labels?.maybe
                && a.lastHour == b.lastHour && a.perHour == b.perHour
        }
    }

    /// "dual, blind" and the like.
    public var mode: String
    public var conflictsWaiting: Int
    public var assessors: [Assessor]

    public init(mode: String, conflictsWaiting: Int, assessors: [Assessor]) {
        self.mode = mode
        self.conflictsWaiting = conflictsWaiting
        self.assessors = assessors
    }
}
