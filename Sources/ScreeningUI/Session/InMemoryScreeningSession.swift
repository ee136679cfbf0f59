import ReviewModel

/// A complete `ScreeningSession` held in memory: the reference implementation for tests, demos
/// and the database-backed session. Records are ranked by descending score (ties by id).
public final class InMemoryScreeningSession: ScreeningSession {
    /// A record to screen, with the score the ranking orders it by.
    public struct Item: Sendable {
        /// The record's id.
        public var id: Int64
        /// Its fields.
        public var fields: ReferenceFields
        /// Relevance in 0…1, or nil when unranked.
        public var score: Double?

        /// Creates an item.
        public init(id: Int64, fields: ReferenceFields, score: Double?) {
            self.id = id
            self.fields = fields
            self.score = score
        }
    }

    struct Decision {
        var label: Label
        var reason: String?
        var sequence: Int64
    }

    struct LogEntry {
        var event: DecisionEvent
        var previous: Decision?
        var applied: Decision?
    }

    let title: String
    let assessor: String
    var items: [Item] = []
    var position: [Int64: Int] = [:]
    var decisions: [Int64: Decision] = [:]
    var notes: [Int64: String] = [:]
    /// Rank positions of undecided records, ascending (the screening queue, kept incrementally).
    var undecided: [Int] = []
    var log: [LogEntry] = []
    var undoStack: [Int] = []
    var redoStack: [Int] = []
    var filterCache: [QueueFilter: [Int]] = [:]
    var lowercasedText: [String]?
    var reasons: [String]
    var terms: HighlightTerms
    var modelVersion: Int?
    var retraining = false
    var embeddings: (done: Int, total: Int) = (0, 0)
    var changeHandler: (@Sendable (SessionChange) -> Void)?
    /// False until the first ranking is adopted when the session starts without one: the queue
    /// lists no undecided record until then (nothing to read but the ranking's top).
    var ranked: Bool
    /// Rankings posted and not adopted yet, by version.
    var posted: [Int: [Item]] = [:]
    /// True when the session plays a lead's (tests set it).
    public var isLead = false
    /// Records in conflict a lead sees (tests set them); `resolve` takes one out and keeps it.
    public var conflictEntries: [ConflictEntry] = []
    /// The resolutions made, in order.
    public private(set) var resolutions: [(id: Int64, label: Label)] = []

    /// Creates a session over `items`, ranked by score, for one assessor; with `ranked` false the
    /// undecided queue is empty until the first `rerank` is adopted at a pick.
    public init(
        title: String, assessor: String, items: [Item], terms: HighlightTerms = HighlightTerms(),
        exclusionReasons: [String] = [], modelVersion: Int? = nil, ranked: Bool = true
    ) {
        self.title = title
        self.assessor = assessor
        self.terms = terms
        self.reasons = exclusionReasons
        self.modelVersion = modelVersion
        self.ranked = ranked
        embeddings = (0, items.count)
        setRanking(items)
    }

    // MARK: - Background simulation hooks

    /// Posts a new ranking from model `version` (the scores it changes): the change handler gets
    /// it with its order, and the queue follows it from the pick that adopts it.
    public func rerank(scores: [Int64: Double], modelVersion version: Int) {
        let updated = items.map { item in
            Item(id: item.id, fields: item.fields, score: scores[item.id] ?? item.score)
        }
        posted[version] = updated
        retraining = false
        let order = Self.sorted(updated).map(\.id).filter { decisions[$0] == nil }
        changeHandler?(.ranking(RankingUpdate(version: version, order: order)))
    }

    /// Takes in a posted ranking at a pick (nothing else changes behind this session's back).
    public func beginPick(adopting ranking: RankingUpdate?) throws {
        guard let ranking, let items = posted[ranking.version] else { return }
        posted = posted.filter { $0.key > ranking.version }
        modelVersion = ranking.version
        ranked = true
        setRanking(items)
    }

    /// Sets the retraining flag and embedding progress and notifies the change handler.
    public func setBackgroundProgress(retraining: Bool, embeddingsDone: Int) {
        self.retraining = retraining
        embeddings.done = min(embeddingsDone, embeddings.total)
        changeHandler?(.progress)
    }

    static func sorted(_ unordered: [Item]) -> [Item] {
        unordered.sorted { left, right in
            let l = left.score ?? -1, r = right.score ?? -1
            return l != r ? l > r : left.id < right.id
        }
    }

    func setRanking(_ unordered: [Item]) {
        items = Self.sorted(unordered)
        position = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        undecided = items.indices.filter { decisions[items[$0].id] == nil }
        filterCache = [:]
        lowercasedText = nil
    }

    // MARK: - Queue

    /// Counts computed from the current decisions.
    public func overview() throws -> SessionOverview {
        var counts: [Label: Int] = [:]
        var lastInclude: Int64 = -1
        for decision in decisions.values {
            counts[decision.label, default: 0] += 1
            if decision.label == .include { lastInclude = max(lastInclude, decision.sequence) }
        }
        let since = decisions.values.filter { $0.sequence > lastInclude }.count
        return SessionOverview(
            title: title, assessor: assessor, total: items.count, screened: decisions.count,
            includes: counts[.include] ?? 0, excludes: counts[.exclude] ?? 0,
            maybes: counts[.maybe] ?? 0, sinceLastInclude: since, modelVersion: modelVersion,
            retraining: retraining, embeddingsDone: embeddings.done,
            embeddingsTotal: embeddings.total, canUndo: !undoStack.isEmpty, canRedo: !redoStack.isEmpty)
    }

    /// A slice of the records passing the filter, in ranked order.
    public func queue(_ filter: QueueFilter, offset: Int, limit: Int) throws -> QueuePage {
        let positions = matching(filter)
        let start = max(0, min(offset, positions.count))
        let end = min(positions.count, start + max(0, limit))
        let entries = positions[start..<end].map { index -> QueueEntry in
            let item = items[index]
            return QueueEntry(
                id: item.id, rank: index + 1, score: item.score, year: item.fields.year,
                title: item.fields.title, label: decisions[item.id]?.label)
        }
        return QueuePage(total: positions.count, offset: start, entries: entries)
    }

    /// Binary search of the record's rank position in the filtered list.
    public func position(of id: Int64, in filter: QueueFilter) throws -> Int? {
        guard let rankPosition = position[id] else { return nil }
        let positions = matching(filter)
        let found = lowerBound(positions, rankPosition)
        return found < positions.count && positions[found] == rankPosition ? found : nil
    }

    func matching(_ filter: QueueFilter) -> [Int] {
        if !ranked && filter.status != .decided { return [] }
        if filter.isDefault { return undecided }
        if let cached = filterCache[filter] { return cached }
        let words = filter.text.lowercased().split(whereSeparator: \.isWhitespace)
        let texts = words.isEmpty ? [] : searchableText()
        let result = items.indices.filter { index in
            let decision = decisions[items[index].id]
            switch filter.status {
            case .undecided: if decision != nil { return false }
            case .decided: if decision == nil { return false }
            case .all: break
            }
            if let label = filter.label, decision?.label != label { return false }
            return words.allSatisfy { texts[index].contains($0) }
        }
        filterCache[filter] = result
        return result
    }

    func searchableText() -> [String] {
        if let lowercasedText { return lowercasedText }
        let texts = items.map { ($0.fields.title + " " + $0.fields.abstract).lowercased() }
        lowercasedText = texts
        return texts
    }

    func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Records

    /// The record with its rank, score, decision and note.
    public func record(_ id: Int64) throws -> RecordDetail {
        guard let index = position[id] else { throw ScreeningUIError.unknownRecord(id) }
        let item = items[index]
        let decision = decisions[id]
        return RecordDetail(
            id: id, rank: index + 1, score: item.score, fields: item.fields, label: decision?.label,
            reason: decision?.reason, note: notes[id])
    }

    /// Stores or clears the note.
    public func setNote(_ id: Int64, _ note: String?) throws {
        guard position[id] != nil else { throw ScreeningUIError.unknownRecord(id) }
        let text = note?.trimmed ?? ""
        notes[id] = text.isEmpty ? nil : text
    }

    /// Records containing every query word in title or abstract (case-insensitive), ranked.
    public func search(_ text: String) throws -> [Int64] {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        let texts = searchableText()
        return items.indices.filter { index in words.allSatisfy { texts[index].contains($0) } }
            .map { items[$0].id }
    }

    // MARK: - Term lists and change notification

    /// The stored reasons.
    public func exclusionReasons() throws -> [String] { reasons }

    /// Replaces the stored reasons.
    public func setExclusionReasons(_ reasons: [String]) throws { self.reasons = reasons }

    /// The stored term lists.
    public func highlightTerms() throws -> HighlightTerms { terms }

    /// Replaces the include and exclude lists.
    public func setHighlightTerms(_ terms: HighlightTerms) throws {
        self.terms.include = terms.include
        self.terms.exclude = terms.exclude
    }

    /// Nothing to re-read: all state is in this object.
    public func refresh() throws {}

    /// Keeps the handler; `rerank` and `setBackgroundProgress` call it.
    public func setChangeHandler(_ handler: @escaping @Sendable (SessionChange) -> Void) {
        changeHandler = handler
    }
}

extension InMemoryScreeningSession {
    public func conflicts() throws -> [ConflictEntry] { conflictEntries }

    public func resolve(_ id: Int64, _ label: Label) throws {
        guard let index = conflictEntries.firstIndex(where: { $0.id == id }) else {
            throw ScreeningUIError.unknownRecord(id)
        }
        conflictEntries.remove(at: index)
        resolutions.append((id, label))
    }
}
